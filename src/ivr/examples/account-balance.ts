// Example programmable node: an account's balance, for a readout.
//   balance: { type: code, run: account-balance, next: say-balance, branches: { unknown: no-account }, error: lookup-failed }
// Reads vars.account (a collect node's), stores vars.balance ("1205.30").
//
// The accounts are rows (account, balance) of a table, read through ctx.db:
//   - by default the demo table ivr_demo_accounts in the server's database,
//     which this node creates and fills at its first use with the accounts of
//     DEMO_ACCOUNTS (so `npm start` answers 12345678 with 1205.30 CNY);
//   - params: { database: accounts, table: balances } reads your own table in
//     a business database of the configuration (ivr.databases.accounts), with
//     columns `account` and `balance`; nothing is created there.
import type { IvrDatabase } from '../data.ts';
import { defineNode } from '../nodes.ts';

export const DEMO_TABLE = 'ivr_demo_accounts';
/** The demo accounts: balance, and the PIN pin-check wants (a demo: keep hashes in a real table). */
export const DEMO_ACCOUNTS: Record<string, { balance: string; pin: string }> = {
  '12345678': { balance: '1205.30', pin: '1234' },
  '87654321': { balance: '88.00', pin: '4321' },
  '11112222': { balance: '0.00', pin: '0000' },
};

/** The demo table, made once per database (concurrent first calls share it); pin-check uses it too. */
const ready = new WeakMap<IvrDatabase, Promise<void>>();
export function demoTable(db: IvrDatabase): Promise<void> {
  let p = ready.get(db);
  if (!p) {
    p = (async () => {
      await db.query(
        `CREATE TABLE IF NOT EXISTS ${DEMO_TABLE} (account VARCHAR(32) PRIMARY KEY, balance NUMERIC(14, 2) NOT NULL, pin VARCHAR(16))`,
      );
      for (const [account, a] of Object.entries(DEMO_ACCOUNTS)) {
        await db.query(
          `INSERT INTO ${DEMO_TABLE} (account, balance, pin) VALUES (:account, :balance, :pin) ON CONFLICT (account) DO NOTHING`,
          { account, balance: Number(a.balance), pin: a.pin },
        );
      }
    })();
    p.catch(() => ready.delete(db));
    ready.set(db, p);
  }
  return p;
}

export const accountBalance = defineNode({
  name: 'account-balance',
  description: 'vars.account -> vars.balance; branch "unknown" when there is no such account',
  async run(ctx) {
    if (!ctx.db) throw new Error('account-balance: no database (ctx.db)');
    const name = ctx.params.database;
    const table = ctx.params.table ?? DEMO_TABLE;
    if (typeof table !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table))
      throw new Error(`account-balance: params.table ${JSON.stringify(table)} is not a table name`);
    const db = typeof name === 'string' ? ctx.db.database(name) : ctx.db;
    if (table === DEMO_TABLE && name === undefined) await demoTable(db);
    const row = await db.one<{ balance: number | string }>(`SELECT balance FROM ${table} WHERE account = :account`, {
      account: String(ctx.vars.account ?? ''),
    });
    if (!row) return 'unknown';
    const n = Number(row.balance);
    ctx.vars.balance = Number.isFinite(n) ? n.toFixed(2) : String(row.balance);
    return undefined;
  },
});
