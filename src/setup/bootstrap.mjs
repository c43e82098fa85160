#!/usr/bin/env node
// One-step set-up for `npm start`, `npm test` and `npm run bench` on a fresh
// Debian 12 machine with Node 20: Debian packages (apt-get when root, otherwise a
// message naming the exact command), npm dependencies, the native build.
// Plain Node, no dependencies: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEBIAN_PACKAGES } from './packages.mjs';
import { headersDir } from './build-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const purpose = process.argv[2] ?? 'start';
const wanted = DEBIAN_PACKAGES[purpose];
if (!wanted) {
  console.error(`bootstrap: unknown purpose '${purpose}' (start, test or bench)`);
  process.exit(2);
}

function log(msg) {
  process.stderr.write(`[setup] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    log(`failed: ${cmd} ${args.join(' ')} (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function missingDebianPackages(names) {
  if (!existsSync('/usr/bin/dpkg-query')) return [];
  return names.filter((n) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', n], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages(wanted);
  if (missing.length === 0) return;
  const cmd = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    log(`missing Debian packages: ${missing.join(', ')}`);
    log(`install them with:  sudo apt-get update && sudo ${cmd}`);
    process.exit(1);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function ensureNpmDependencies() {
  const stamp = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const pkg = join(root, 'package.json');
  if (existsSync(stamp) && mtime(stamp) >= mtime(lock) && mtime(stamp) >= mtime(pkg)) return;
  log('installing npm dependencies');
  // `npm ci`: exactly what package-lock.json says, and it never rewrites the
  // lock file (npm test leaves the tree clean). The lock lists every platform's
  // optional builds (rollup's), as `npm install --package-lock-only` writes them;
  // after changing package.json, run that and commit the lock with it.
  // The install script builds the addon (src/setup/build-native.mjs).
  // Native npm packages (sqlite3) are compiled here, never downloaded
  // prebuilt, against the installed Node headers (never fetched either).
  const env = { ...process.env, npm_config_build_from_source: 'true' };
  const nodedir = headersDir();
  if (nodedir) env.npm_config_nodedir = nodedir;
  run('npm', ['ci', '--no-audit', '--no-fund'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

ensureDebianPackages();
ensureNpmDependencies();
// Incremental: each rebuilds only when one of its sources is newer than its addon.
// The tests also load the test addon (test/helpers/test-addon.ts); start and bench do not.
run(process.execPath, [join(root, 'src/setup/build-native.mjs'), ...(purpose === 'test' ? ['--test'] : [])]);
run(process.execPath, [join(root, 'src/setup/build-sim.mjs')]);
if (purpose !== 'bench') run(process.execPath, [join(root, 'src/setup/build-web.mjs')]);
