// A real PostgreSQL server for the persistence and API tests: Debian's
// binaries (/usr/lib/postgresql/N/bin), a fresh cluster in a temporary folder,
// listening on a Unix socket only, stopped and removed afterwards. As root the
// server runs as the 'postgres' user (initdb refuses root). When it cannot be
// started, `skip` says why and the PostgreSQL variants skip with that reason.
//   BOARDCTI_TEST_PG=0          never start one (skip)
//   BOARDCTI_TEST_PG_URL=postgres://user@host:port/db   use this server instead
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sequelize } from 'sequelize';

export interface PgServer {
  /** a new empty database; returns its sequelize URL */
  createDatabase(name?: string): Promise<string>;
  stop(): void;
}

let seq = 0;

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function uid(name: string): number | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
}

function serverFor(base: string): PgServer {
  return {
    async createDatabase(name = `t${process.pid}_${++seq}_${Date.now() % 100000}`) {
      const admin = new Sequelize(base, { dialect: 'postgres', logging: false });
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.close();
      }
      const u = new URL(base);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop() {},
  };
}

export function startPostgres(): { server?: PgServer; skip?: string } {
  if (process.env.BOARDCTI_TEST_PG === '0') return { skip: 'BOARDCTI_TEST_PG=0' };
  if (process.env.BOARDCTI_TEST_PG_URL) return { server: serverFor(process.env.BOARDCTI_TEST_PG_URL) };
  const bin = binDir();
  if (!bin) return { skip: 'no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql)' };
  const root = process.getuid?.() === 0;
  const pgUid = root ? uid('postgres') : undefined;
  if (root && pgUid === undefined) return { skip: "running as root and there is no 'postgres' user to run the server as" };
  const dir = mkdtempSync(join(tmpdir(), 'boardcti-pg-'));
  const data = join(dir, 'data');
  if (root) chownSync(dir, pgUid!, pgUid!);
  const as = (cmd: string, args: string[]) =>
    root
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
  const init = as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `initdb failed: ${(init.stderr || init.error?.message || '').trim().split('\n').at(-1)}` };
  }
  const port = 20000 + ((process.pid * 7 + Date.now()) % 40000);
  const opts = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off -c full_page_writes=off`;
  const start = as('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  if (start.status !== 0) {
    let log = '';
    try {
      log = readFileSync(join(dir, 'log'), 'utf8').trim().split('\n').at(-1) ?? '';
    } catch {
      // no log file: say what pg_ctl said instead
    }
    rmSync(dir, { recursive: true, force: true });
    return { skip: `the PostgreSQL server did not start: ${log || start.stderr.trim()}` };
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const server = serverFor(`postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`);
  return { server: { ...server, stop } };
}
