#!/usr/bin/env node
// Builds build/Release/boardcti.node with node-gyp, against the Node headers
// installed on this machine (never downloads them); with --test, the test
// addon build/Release/boardcti_test.node as well (the same engine plus the
// test-only exports of native/napi/test, which only tests load). Skips the
// build when no source under native/ or drivers/ (nor binding.gyp) is newer
// than the addons.
//   node src/setup/build-native.mjs [--test] [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersDir, newest, takeLock, upToDate } from './build-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const withTests = process.argv.includes('--test');
const targets = withTests ? ['boardcti', 'boardcti_test'] : ['boardcti'];
const addons = targets.map((t) => join(root, 'build', 'Release', `${t}.node`));
const built = () => addons.every((a) => upToDate(a, srcTime));

const srcTime = Math.max(newest(join(root, 'native')), newest(join(root, 'drivers')), statSync(join(root, 'binding.gyp')).mtimeMs);
if (built()) process.exit(0);

const require = createRequire(import.meta.url);
let gyp;
try {
  gyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  console.error('[setup] node-gyp is not installed: run `npm install` first');
  process.exit(1);
}
const nodedir = headersDir();
if (!nodedir) {
  console.error('[setup] Node headers not found (include/node/node_api.h); install the nodejs headers for this Node version');
  process.exit(1);
}
const configured = existsSync(join(root, 'build', 'Makefile')) && statSync(join(root, 'build', 'Makefile')).mtimeMs >= newestGypInputs();
function newestGypInputs() {
  // A new or removed source file changes the generated makefiles.
  return Math.max(statSync(join(root, 'binding.gyp')).mtimeMs, dirTimes(join(root, 'native')), dirTimes(join(root, 'drivers')));
}
function dirTimes(dir) {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) t = Math.max(t, dirTimes(join(dir, e.name)));
  return t;
}
// Several builds at once (parallel test runs, two terminals) would corrupt build/.
takeLock(join(root, '.build-lock'), 'native');
if (built()) process.exit(0); // another build finished while we waited
const gypRun = (cmd, extra = []) =>
  spawnSync(process.execPath, [gyp, cmd, `--nodedir=${nodedir}`, ...extra], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (!configured) {
  console.error('[setup] configuring the native engine (node-gyp configure)');
  const c = gypRun('configure');
  if (c.status !== 0) process.exit(c.status ?? 1);
}
// Only the targets asked for: `npm start` never compiles the test addon.
console.error(`[setup] building the native engine (node-gyp build ${targets.join(' ')})`);
const r = gypRun('build', ['-j', 'max', ...targets]);
if (r.status === 0) {
  // make leaves an addon alone when none of its own inputs changed (a test-only
  // source): mark each newer than every source, so the next run skips at once.
  const now = new Date();
  for (const a of addons) if (existsSync(a)) utimesSync(a, now, now);
}
process.exitCode = r.status ?? 1;
