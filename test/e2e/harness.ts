// The whole server on the simulated board, in the engine's stepped mode: the
// default configuration (or the one given), the runtime, and the HTTP API
// reached with app.inject(). Time moves one frame at a time, the call layer
// settling in between, so scenarios of minutes run in seconds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, parseConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { Role } from '../../src/db/accounts.ts';
import { openStores, type Stores } from '../../src/db/index.ts';
import { ensureFirstAdmin } from '../../src/db/first-admin.ts';
import { createHttp, server } from '../../src/server/app.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/server/runtime.ts';
import { memoryLog } from '../../src/telephony/log.ts';

/** The runtime on the simulated board: its world and sim service are there. */
export type SimRuntime = Runtime & { readonly world: NonNullable<Runtime['world']>; readonly sim: NonNullable<Runtime['sim']> };

export interface Rig {
  rt: SimRuntime;
  app: FastifyInstance;
  log: ReturnType<typeof memoryLog>;
  config: Config;
  /** with a database: its stores (accounts, customers, blacklist, call records) */
  stores: Stores | undefined;
  /** with a database: a token for a new account of this role (admin: the first admin) */
  token(
    role?: Role,
    extra?: { extension?: string; username?: string; agentNumber?: string; pin?: string; skills?: Record<string, number> },
  ): Promise<string>;
  /** runs ms of engine time */
  run(ms: number): Promise<void>;
  /** runs until p settles (at most maxMs of engine time), then returns it */
  until<T>(p: Promise<T>, maxMs?: number): Promise<T>;
  /** an HTTP request through the API (with a bearer token when given); the body parsed as JSON */
  req(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }>;
  /** a request to the simulated world's controls (/api/sim/...) as a technician (they are closed to anyone else) */
  sim(method: string, url: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-password';

/**
 * `database`: 'sqlite' for a fresh SQLite file in a temporary folder, or a
 * URL (a PostgreSQL database from test/support/postgres.ts). Without one the
 * runtime keeps call records in memory and the API asks for no login.
 */
export async function startRig(
  opts: { config?: string; demo?: boolean; speech?: boolean; database?: string; runtime?: Partial<RuntimeOptions> } = {},
): Promise<Rig> {
  const config = opts.config ? parseConfig(opts.config, 'test.yaml') : loadConfig();
  const log = memoryLog();
  let stores: Stores | undefined;
  if (opts.database) {
    const url = opts.database === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'boardcti-db-')), 'test.sqlite')}` : opts.database;
    stores = await openStores(url, log);
    await ensureFirstAdmin(stores.accounts, log, ADMIN_PASSWORD);
  }
  const rt = await createRuntime(config, {
    ...(stores ? { stores } : {}),
    log,
    mode: 'stepped',
    promptsDir: mkdtempSync(join(tmpdir(), 'boardcti-prompts-')),
    speech: opts.speech ?? false,
    ...(opts.demo ? { demo: true } : {}),
    ...opts.runtime,
  });
  if (!rt.world || !rt.sim) throw new Error('startRig: the configuration has no simulated board');
  rt.world.holdUntilPump();
  const app = createHttp();
  await app.register(server, { ctx: rt });
  let accounts = 0;
  let simToken: string | undefined;
  const login = async (username: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  const frame = config.engine.frameMs;
  const step = async () => {
    await rt.engine.advance(frame);
    rt.world!.pump();
    await rt.telephony.settled();
    await rt.idle(); // database work the frame started (screen pops) is part of the frame
    await rt.telephony.settled();
  };
  return {
    rt: rt as SimRuntime,
    app,
    log,
    config,
    stores,
    async token(role = 'admin', extra = {}) {
      if (!stores) throw new Error('startRig: no database (pass database: ...)');
      if (role === 'admin' && !extra.username) return login('admin', ADMIN_PASSWORD);
      const username = extra.username ?? `${role}${++accounts}`;
      const { username: _u, ...fields } = extra;
      await stores.accounts.create({ username, name: username, role, password: `${username}-password`, ...fields });
      return login(username, `${username}-password`);
    },
    async run(ms) {
      for (let t = 0; t < ms; t += frame) await step();
    },
    async until(p, maxMs = 120_000) {
      let done = false;
      const q = p.finally(() => (done = true));
      q.catch(() => {});
      await rt.telephony.settled();
      for (let t = 0; t < maxMs && !done; t += frame) await step();
      return q;
    },
    async sim(method, url, body) {
      if (!simToken && stores) {
        await stores.accounts.create({ username: 'sim-technician', name: 'sim', role: 'technician', password: 'sim-technician-password' });
        simToken = await login('sim-technician', 'sim-technician-password');
      }
      const res = await app.inject({
        method: method as 'GET',
        url,
        ...(simToken ? { headers: { authorization: `Bearer ${simToken}` } } : {}),
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as Record<string, any> };
    },
    async req(method, url, token, body) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as Record<string, any> };
    },
    async close() {
      await app.close();
      await rt.stop();
      await stores?.close();
    },
  };
}
