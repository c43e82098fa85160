#!/usr/bin/env node
// npm run lint: eslint, prettier --check over the TypeScript/JavaScript, and
// clang-format --dry-run -Werror over the C++ that git tracks. `--fix` rewrites
// instead (eslint --fix, prettier --write, clang-format -i).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fix = process.argv.includes('--fix');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.error) console.error(`lint: ${cmd}: ${r.error.message}`);
  return r.status === 0;
}

function tracked(patterns) {
  const r = spawnSync('git', ['ls-files', '-z', '--', ...patterns], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr}`);
  return r.stdout.split('\0').filter(Boolean);
}

const ts = [
  ...['src', 'test', 'bench', 'web'].flatMap((d) => [`${d}/*.ts`, `${d}/*.mjs`, `${d}/*.js`, `${d}/*.tsx`]),
  'web/*.vue',
  'web/*.html',
];
const cxx = ['native', 'drivers', 'firmware-sim', 'bench'].flatMap((d) => ['cc', 'h', 'c', 'cpp', 'hpp', 'inc'].map((e) => `${d}/*.${e}`));
const tsFiles = tracked(ts);
const cxxFiles = tracked(cxx);

let ok = run(bin('eslint'), [...(fix ? ['--fix'] : []), '.']);
ok = run(bin('prettier'), [fix ? '--write' : '--check', '--log-level', 'warn', ...tsFiles]) && ok;
ok = run('clang-format', [...(fix ? ['-i'] : ['--dry-run', '-Werror']), ...cxxFiles]) && ok;
process.exit(ok ? 0 : 1);
