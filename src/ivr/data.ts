// What a programmable node may ask of a database: ctx.db. The server hands
// its own database (the one of `database.url`, SQLite under ./data by default)
// and, by name, the business databases of the configuration:
//
//   ivr:
//     databases: { accounts: 'postgres://ivr:secret@crm-host/accounts' }   # or sqlite:./data/accounts.sqlite
//
//   const rows = await ctx.db.query('SELECT balance FROM ivr_demo_accounts WHERE account = :account', { account });
//   const row = await ctx.db.database('accounts').one('SELECT balance FROM balances WHERE account = :a', { a: account });
//   const customer = await ctx.db.customer(String(ctx.vars.caller));
//
// Values go in as named replacements (`:name`), never pasted into the SQL. A
// statement that is not a read (SELECT, WITH, VALUES) runs in a transaction of
// its own and returns no rows. Keep to your own tables: boardcti's tables
// (users, customers, call_records, ...) are the server's, read them through
// the API or customer() here. Implemented over sequelize in src/db/ivr-data.ts.

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

/** One database a node reads (and writes its own tables in). */
export interface IvrDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  /** The rows of one statement with named replacements (`:account`). */
  query<T extends Row = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T[]>;
  /** The first row, or undefined. */
  one<T extends Row = Row>(sql: string, params?: Record<string, SqlValue>): Promise<T | undefined>;
}

/** A customer the server knows, as a node needs it. */
export interface IvrCustomer {
  id: number;
  name: string;
  company: string | null;
  vip: boolean;
  priority: number;
}

/** ctx.db: the server's database, its customers, and the business databases by name. */
export interface IvrData extends IvrDatabase {
  /** the names of ivr.databases */
  readonly databases: readonly string[];
  /** A business database of ivr.databases (connected at first use); throws CTI_ERR_NOT_FOUND for a name not configured. */
  database(name: string): IvrDatabase;
  /** The customer the server has for a phone number, if any. */
  customer(number: string): Promise<IvrCustomer | undefined>;
}
