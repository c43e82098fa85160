// `boardcti start [--config FILE] [--port N] [--host H] [--demo]`: the engine
// on the simulated board, the telephony core and its routes, and the HTTP API
// on localhost. Ctrl-C (SIGINT) or SIGTERM hangs every call up, stops the
// engine and closes files before exiting.
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { join } from 'node:path';
import { openStores, type Stores } from '../db/index.ts';
import { redact } from '../db/database.ts';
import { ensureFirstAdmin } from '../db/first-admin.ts';
import { privateDataDir } from './data-dir.ts';
import { createHttp, server } from './app.ts';
import { createRuntime } from './runtime.ts';

interface ServerOptions {
  config: string;
  port?: number;
  host?: string;
  demo: boolean;
}

function parse(argv: string[]): ServerOptions {
  const o: ServerOptions = { config: process.env.BOARDCTI_CONFIG ?? DEFAULT_CONFIG_PATH, demo: false };
  if (process.env.PORT) o.port = Number(process.env.PORT);
  if (process.env.HOST) o.host = process.env.HOST;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port') o.port = Number(value());
    else if (a === '--host') o.host = value();
    else if (a === '--config') o.config = value();
    else if (a === '--demo') o.demo = true;
    else throw new Error(`unknown option '${a}'`);
  }
  if (o.port !== undefined && (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)) throw new Error('--port must be 0..65535');
  return o;
}

export async function runServer(argv: string[]): Promise<number> {
  let opts: ServerOptions;
  let config: Config;
  try {
    opts = parse(argv);
    config = loadConfig(opts.config);
  } catch (e) {
    const msg = e instanceof ConfigError ? `configuration errors:\n${e.message}` : (e as Error).message;
    process.stderr.write(`boardcti start: ${msg}\n`);
    return 2;
  }
  try {
    privateDataDir(config.dataDir);
  } catch (e) {
    process.stderr.write(`boardcti start: the data folder ${config.dataDir}: ${(e as Error).message}\n`);
    return 1;
  }
  const app = createHttp({ logger: { level: config.server.logLevel } });
  const dbUrl = databaseUrl(config);
  let stores: Stores;
  try {
    stores = await openStores(dbUrl, app.log);
    const first = await ensureFirstAdmin(stores.accounts, app.log, config.auth.adminPassword);
    // once, on the terminal (stderr), not in the log (stdout)
    if (first.created && first.madeUp)
      process.stderr.write(
        `boardcti: first start: the account admin has the password: ${first.madeUp}\n` +
          `boardcti: change it after logging in (PATCH /api/accounts/1); it is not shown again\n`,
      );
  } catch (e) {
    app.log.error({ err: e, database: redact(dbUrl) }, 'the database could not be opened');
    process.stderr.write(`boardcti start: ${(e as Error).message}\n`);
    return 1;
  }
  let runtime;
  try {
    runtime = await createRuntime(config, { log: app.log, demo: opts.demo, stores });
  } catch (e) {
    await stores.close();
    app.log.error({ err: e }, 'the engine could not start');
    process.stderr.write(`boardcti start: ${(e as Error).message}\n`);
    return 1;
  }
  const rt = runtime;
  await rt.callOps.ready; // DND and forwards back from the database before the API serves them
  await rt.ivr.ready; // the IVR flows' versions from the database, the files recorded
  await app.register(server, { ctx: rt });
  app.addHook('onClose', async () => {
    await rt.stop();
    await stores.close();
  });
  try {
    await app.listen({ port: opts.port ?? config.server.port, host: opts.host ?? config.server.host });
  } catch (e) {
    process.stderr.write(`boardcti start: ${(e as Error).message}\n`);
    await rt.stop();
    await stores.close();
    return 1;
  }
  if (opts.demo) app.log.info({ intervalMs: config.demo.intervalMs }, 'demo: the simulated world will place calls');
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (sig: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info(`${sig}: hanging up and stopping`);
      try {
        await app.close();
        resolve(0);
      } catch (e) {
        process.stderr.write(`boardcti: stopping failed: ${(e as Error).message}\n`);
        resolve(1);
      }
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

/** database.url, else SQLite in the data folder. */
export function databaseUrl(config: Config): string {
  return config.database.url ?? `sqlite:${join(config.dataDir, 'boardcti.sqlite')}`;
}
