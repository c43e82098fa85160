#!/usr/bin/env node
// The `boardcti` command. Plain JavaScript so it can check the set-up before any
// TypeScript runs; the commands themselves live in src/cli/main.ts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
if (!existsSync(join(root, 'node_modules', 'tsx')) || !existsSync(join(root, 'build', 'Release', 'boardcti.node'))) {
  const r = spawnSync(process.execPath, [join(root, 'src/setup/bootstrap.mjs'), 'start'], { stdio: ['ignore', 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
