// ctx.db of programmable IVR nodes (the interface: src/ivr/data.ts) over
// sequelize: the server's database (its transactions queued as every store's
// are), its customers, and the business databases of ivr.databases, each
// connected at its first use and closed with the runtime.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { IvrCustomer, IvrData, IvrDatabase, Row, SqlValue } from '../ivr/data.ts';
import { CtiError } from '../native/errors.ts';
import type { Log } from '../telephony/log.ts';
import type { CustomerStore } from './customers.ts';
import { redact, sequelizeFor, type Database, type Dialect } from './database.ts';

const READ = /^\s*(select|with|values)\b/i;

class SqlIvrDatabase implements IvrDatabase {
  constructor(
    readonly dialect: Dialect,
    private readonly sequelize: Sequelize,
    private readonly tx: <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>,
    private readonly track: <T>(p: Promise<T>) => Promise<T>,
  ) {}

  async query<T extends Row = Row>(sql: string, params: Record<string, SqlValue> = {}): Promise<T[]> {
    if (typeof sql !== 'string' || !sql.trim()) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'ctx.db.query: expected an SQL statement');
    if (READ.test(sql)) return this.track(this.sequelize.query<T>(sql, { replacements: params, type: QueryTypes.SELECT }));
    await this.track(this.tx((transaction) => this.sequelize.query(sql, { replacements: params, transaction })));
    return [];
  }

  async one<T extends Row = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T | undefined> {
    return (await this.query<T>(sql, params))[0];
  }
}

export interface IvrDataOptions {
  /** the server's database (none: its queries and customer() throw CTI_ERR_NOT_RUNNING) */
  db?: Database;
  customers?: CustomerStore;
  /** ivr.databases: name -> sequelize URL */
  databases: Record<string, string>;
  log: Log;
}

export class SqlIvrData implements IvrData {
  readonly dialect: Dialect;
  readonly databases: readonly string[];
  readonly #main: SqlIvrDatabase | undefined;
  readonly #open = new Map<string, { db: SqlIvrDatabase; sequelize: Sequelize }>();
  readonly #inflight = new Set<Promise<unknown>>();
  readonly #track = <T>(p: Promise<T>): Promise<T> => {
    this.#inflight.add(p);
    void p.then(
      () => this.#inflight.delete(p),
      () => this.#inflight.delete(p),
    );
    return p;
  };

  constructor(private readonly o: IvrDataOptions) {
    this.databases = Object.keys(o.databases);
    this.dialect = o.db?.dialect ?? 'sqlite';
    this.#main = o.db ? new SqlIvrDatabase(o.db.dialect, o.db.sequelize, (fn) => o.db!.tx(fn), this.#track) : undefined;
  }

  query<T extends Row = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]> {
    return this.#server().query<T>(sql, params);
  }

  one<T extends Row = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T | undefined> {
    return this.#server().one<T>(sql, params);
  }

  database(name: string): IvrDatabase {
    const known = this.#open.get(name);
    if (known) return known.db;
    const url = this.o.databases[name];
    if (url === undefined)
      throw new CtiError(
        'CTI_ERR_NOT_FOUND',
        `ctx.db.database: no database ${JSON.stringify(name)} in ivr.databases (have ${this.databases.join(', ') || 'none'})`,
      );
    const sequelize = sequelizeFor(url);
    const dialect = sequelize.getDialect() as Dialect;
    const db = new SqlIvrDatabase(dialect, sequelize, (fn) => sequelize.transaction(fn), this.#track);
    this.#open.set(name, { db, sequelize });
    this.o.log.info({ database: name, url: redact(url) }, 'IVR business database connected');
    return db;
  }

  async customer(number: string): Promise<IvrCustomer | undefined> {
    if (!this.o.customers) throw new CtiError('CTI_ERR_NOT_RUNNING', 'ctx.db.customer: the server has no database');
    const c = (await this.#track(this.o.customers.lookup(number)))[0];
    return c ? { id: c.id, name: c.name, company: c.company, vip: c.vip, priority: c.priority } : undefined;
  }

  /**
   * Resolves once the queries nodes started are done: a stepped harness waits
   * for it between frames, so the board's clock does not run past a look-up.
   */
  async idle(): Promise<void> {
    while (this.#inflight.size) await Promise.allSettled([...this.#inflight]);
  }

  /** Closes the business databases (the server's is the runtime's to close). */
  async close(): Promise<void> {
    const open = [...this.#open.values()];
    this.#open.clear();
    await Promise.allSettled(open.map((x) => x.sequelize.close()));
  }

  #server(): SqlIvrDatabase {
    if (!this.#main)
      throw new CtiError('CTI_ERR_NOT_RUNNING', 'ctx.db: the server has no database (start it with one, or use ctx.db.database(name))');
    return this.#main;
  }
}
