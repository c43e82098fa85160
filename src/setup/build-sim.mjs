#!/usr/bin/env node
// Builds firmware-sim/build/Release/firmware_sim.node (the simulated board) with
// cmake-js from node_modules, against node-api-headers (firmware-sim/package.json
// names Node-API 8, so nothing is ever downloaded). Skips the build when no
// source under firmware-sim/ (nor native/dsp and native/base, which it compiles
// in, nor the board ABI headers it implements, drivers/sim and drivers/dahdi) is newer
// than the addon. Needs cmake and a C++ compiler; uses ninja when present.
//   node src/setup/build-sim.mjs [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest, takeLock, upToDate } from './build-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'firmware-sim');
const addon = join(dir, 'build', 'Release', 'firmware_sim.node');

const srcTime = Math.max(
  newest(dir, ['build', 'node_modules']),
  newest(join(root, 'native', 'dsp')),
  newest(join(root, 'native', 'core')),
  newest(join(root, 'native', 'base')),
  newest(join(root, 'drivers', 'sim')),
  newest(join(root, 'drivers', 'dahdi')),
);
if (upToDate(addon, srcTime)) process.exit(0);

const require = createRequire(import.meta.url);
let cmakeJs;
try {
  cmakeJs = require.resolve('cmake-js/bin/cmake-js');
  require.resolve('node-api-headers');
} catch {
  console.error('[setup] cmake-js or node-api-headers is not installed: run `npm install` first');
  process.exit(1);
}
if (spawnSync('cmake', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('[setup] cmake is not installed (Debian: apt-get install cmake)');
  process.exit(1);
}

// Two builds at once would corrupt firmware-sim/build: take a lock directory,
// waiting for another build to finish (a dead holder's lock is taken over).
mkdirSync(join(dir, 'build'), { recursive: true });
takeLock(join(dir, 'build', '.lock'), 'firmware-sim'); // build/ is ignored by git
// Another build may have finished while we waited.
if (upToDate(addon, srcTime)) process.exit(0);

const ninja = spawnSync('ninja', ['--version'], { stdio: 'ignore' }).status === 0;
const args = [
  cmakeJs,
  'build',
  '--directory',
  dir,
  '--out',
  join(dir, 'build'),
  ...(ninja ? ['--generator', 'Ninja'] : []),
  '--log-level',
  'warn',
];
console.error('[setup] building the simulated board (cmake-js build --directory firmware-sim)');
const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status === 0 && existsSync(addon)) {
  const now = new Date();
  // Mark it newer than every source, even when nothing needed recompiling.
  try {
    utimesSync(addon, now, now);
  } catch {
    /* read-only: fine */
  }
}
process.exitCode = r.status ?? 1;
