// Debian packages each entry point needs. Build: the compiler for the engine's
// addon (node-gyp) and cmake for the simulated board's (cmake-js); libpri-dev
// (ISDN PRI, linked statically into both: the engine's user side and the
// simulated exchange's network side).
// Test: signal sources and the reference library the conformance tests and the
// benchmark compare against. Kept in one place so the README, the bootstrap and
// the error messages agree.
export const DEBIAN_PACKAGES = {
  start: ['g++', 'make', 'python3', 'cmake', 'libpri-dev'],
  test: ['g++', 'make', 'python3', 'cmake', 'libpri-dev', 'libspandsp-dev', 'espeak-ng', 'sox'],
  bench: ['g++', 'make', 'python3', 'cmake', 'libpri-dev', 'libspandsp-dev'],
};
