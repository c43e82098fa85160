#!/usr/bin/env node
// Builds the web console (web/ → web/dist) with Vite, as part of the set-up of
// `npm start` and `npm test`. Skips the build when nothing under web/ (its
// dist aside), nor package-lock.json, is newer than web/dist/index.html.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest, takeLock, upToDate } from './build-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const index = join(root, 'web', 'dist', 'index.html');
const srcTime = Math.max(newest(join(root, 'web'), ['dist', 'node_modules']), statSync(join(root, 'package-lock.json')).mtimeMs);
if (upToDate(index, srcTime)) process.exit(0);

let vite;
try {
  const pkg = createRequire(import.meta.url).resolve('vite/package.json'); // vite's exports hide bin/
  vite = join(dirname(pkg), 'bin', 'vite.js');
} catch {
  console.error('[setup] vite is not installed: run `npm ci` first');
  process.exit(1);
}
takeLock(join(root, '.build-lock-web'), 'web console');
if (upToDate(index, srcTime)) process.exit(0); // another build finished while we waited
console.error('[setup] building the web console (vite build)');
const r = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
process.exitCode = r.status ?? 1;
