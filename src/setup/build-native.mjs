#!/usr/bin/env node
// Builds build/Release/boardcti.node with node-gyp, against the Node headers
// installed on this machine (never downloads them). Skips the build when no
// source under native/ or drivers/ (nor binding.gyp) is newer than the addon.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersDir, newest, takeLock, upToDate } from './build-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const addon = join(root, 'build', 'Release', 'boardcti.node');

const srcTime = Math.max(newest(join(root, 'native')), newest(join(root, 'drivers')), statSync(join(root, 'binding.gyp')).mtimeMs);
if (upToDate(addon, srcTime)) process.exit(0);

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
if (upToDate(addon, srcTime)) process.exit(0); // another build finished while we waited
const args = [gyp, configured ? 'build' : 'rebuild', `--nodedir=${nodedir}`, '-j', 'max'];
console.error(`[setup] building the native engine (node-gyp ${args[1]})`);
const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
process.exitCode = r.status ?? 1;
