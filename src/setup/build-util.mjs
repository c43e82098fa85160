// What the two native build scripts (build-native.mjs, build-sim.mjs) share:
// source freshness and a lock so two builds never write one build folder.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Newest modification time of the files and folders under `dir` (skipping names in `skip`). */
export function newest(dir, skip = []) {
  let t = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(e.name)) continue;
    const p = join(dir, e.name);
    t = Math.max(t, statSync(p).mtimeMs, e.isDirectory() ? newest(p, skip) : 0);
  }
  return t;
}

/** True when `output` exists and is newer than `sourceTime` (and --force was not given). */
export function upToDate(output, sourceTime) {
  return existsSync(output) && statSync(output).mtimeMs >= sourceTime && !process.argv.includes('--force');
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the lock directory `lock`, waiting (up to 30 min) while a live process
 * holds it; a dead holder's lock is taken over. Released when this process exits.
 */
export function takeLock(lock, what) {
  for (let i = 0; i < 1800; i++) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
      return;
    } catch {
      let holder = 0;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        /* being written */
      }
      if (holder && !alive(holder)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  console.error(`[setup] timed out waiting for another ${what} build`);
  process.exit(1);
}

/**
 * Node's own headers (include/node/node_api.h): Debian/NodeSource packages put
 * them under /usr or the prefix of the running node. Builds are pointed here
 * (--nodedir) because an offline machine must never fetch them.
 */
export function headersDir() {
  const prefix = join(dirname(process.execPath), '..');
  for (const d of [process.env.npm_config_nodedir, prefix, '/usr', '/usr/local']) {
    if (d && existsSync(join(d, 'include', 'node', 'node_api.h'))) return d;
  }
  return undefined;
}
