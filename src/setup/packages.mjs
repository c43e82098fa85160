// Debian packages each entry point needs. Build: the addon's compiler and headers.
// Test: signal sources and the reference library the conformance tests and the
// benchmark compare against. Kept in one place so the README, the bootstrap and
// the error messages agree.
export const DEBIAN_PACKAGES = {
  start: ['g++', 'make', 'python3'],
  test: ['g++', 'make', 'python3', 'libspandsp-dev', 'espeak-ng', 'sox'],
  bench: ['g++', 'make', 'python3', 'libspandsp-dev'],
};
