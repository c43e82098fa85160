// Debian packages each entry point needs. Build: the compiler for the engine's
// addon (node-gyp) and cmake for the simulated board's (cmake-js); libpri-dev
// (ISDN PRI, linked statically into both: the engine's user side and the
// simulated exchange's network side).
// Test: signal sources and the reference library the conformance tests and the
// benchmark compare against. Kept in one place so the README, the bootstrap and
// the error messages agree. dahdi-source brings <dahdi/user.h> (without
// dahdi-linux's module loading and udev rules), which the DAHDI
// driver (drivers/dahdi) and its emulator (firmware-sim) are compiled against;
// without it both build as stubs that say so. libfuse3-dev lets firmware-sim
// serve the DAHDI emulator as files on a FUSE mount, and fuse3 brings
// fusermount3 (mounting as a user, detaching a dead mount), so the driver's
// real system calls are tested too (test/drivers/dahdi-fuse.test.ts; skipped,
// saying why, where /dev/fuse is unusable).
export const DEBIAN_PACKAGES = {
  start: ['g++', 'make', 'python3', 'cmake', 'dahdi-source', 'libpri-dev'],
  // postgresql: the persistence and API tests start a throw-away server of their own;
  // clang-format: npm run lint checks the C++; chromium (driven by playwright-core, never
  // downloaded) runs the web console's browser tests, fonts-wqy-microhei draws their Chinese;
  // socat links two pseudo-terminals so the GSM modem tests run the real serialport stack
  test: [
    'g++',
    'make',
    'python3',
    'cmake',
    'dahdi-source',
    'libpri-dev',
    'libspandsp-dev',
    'libfuse3-dev',
    'fuse3',
    'espeak-ng',
    'sox',
    'postgresql',
    'clang-format',
    'chromium',
    'fonts-wqy-microhei',
    'socat',
  ],
  bench: ['g++', 'make', 'python3', 'cmake', 'dahdi-source', 'libpri-dev', 'libspandsp-dev'],
};
