// The database: one sequelize instance on SQLite (a file under ./data by
// default) or PostgreSQL (by URL), its migrations run at open, and a
// transaction helper every change goes through. SQLite allows one writer at a
// time, so there its transactions are queued here instead of failing busy.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize, Transaction } from 'sequelize';
import { CtiError } from '../native/errors.ts';
import { silentLog, type Log } from '../telephony/log.ts';
import { migrator } from './migrate.ts';
import { defineModels, type Models } from './models.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://user:pass@host:port/db` */
  url: string;
  log?: Log;
  /** run pending migrations at open (default true) */
  migrate?: boolean;
}

export class Database {
  readonly dialect: Dialect;
  readonly models: Models;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly sequelize: Sequelize,
    readonly log: Log,
  ) {
    this.dialect = sequelize.getDialect() as Dialect;
    this.models = defineModels(sequelize);
  }

  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when
   * it throws (the error is rethrown).
   */
  async tx<T>(fn: (t: Transaction) => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return this.sequelize.transaction(fn);
    const run = this.#queue.then(() => this.sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, fn));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Applies the pending migrations; returns their names. */
  async migrate(): Promise<string[]> {
    const done = await migrator(this).up();
    return done.map((m) => m.name);
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.sequelize.close();
  }
}

/** Parses a database URL into sequelize options; relative SQLite paths are from the working folder. */
export function sequelizeFor(url: string): Sequelize {
  const common = { logging: false as const, define: { underscored: true } };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `database url '${url}': no file (sqlite:./data/boardcti.sqlite)`);
    const storage = path === ':memory:' ? path : resolve(path);
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    return new Sequelize({ ...common, dialect: 'sqlite', storage });
  }
  if (/^postgres(ql)?:\/\//.test(url)) return new Sequelize(url, { ...common, dialect: 'postgres' });
  throw new CtiError('CTI_ERR_BAD_ARGUMENT', `database url '${url}': use sqlite:PATH or postgres://...`);
}

/** Opens the database at `url` and brings its schema up to date. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const db = new Database(sequelizeFor(opts.url), opts.log ?? silentLog);
  try {
    await db.sequelize.authenticate();
    if (db.dialect === 'sqlite') {
      if (!/^sqlite::memory:$/.test(opts.url)) await db.sequelize.query('PRAGMA journal_mode = WAL');
    }
    if (opts.migrate !== false) {
      const applied = await db.migrate();
      if (applied.length) db.log.info({ applied, dialect: db.dialect }, 'database migrated');
    }
  } catch (e) {
    await db.sequelize.close().catch(() => {});
    if (e instanceof CtiError) throw e;
    throw new CtiError('CTI_ERR_FILE_IO', `database ${redact(opts.url)}: ${(e as Error).message}`);
  }
  return db;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
