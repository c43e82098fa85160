// Example programmable node: a PIN check with a lock-out after failures.
//   pin: { type: code, run: pin-check, next: main-menu, branches: { wrong: ask-pin, locked: sorry }, error: sorry }
// Reads vars.account and vars.pin; counts failures in vars.pinFailures;
// 'locked' after params.maxFailures (default 3). The PINs are the `pin`
// column of the accounts table account-balance reads (the demo table
// ivr_demo_accounts of the server's database by default; params.database and
// params.table as there). A demo: a real table keeps PIN hashes.
import { defineNode } from '../nodes.ts';
import { DEMO_TABLE, demoTable } from './account-balance.ts';

export const pinCheck = defineNode({
  name: 'pin-check',
  description: 'vars.account + vars.pin; branches "wrong" and "locked"',
  async run(ctx) {
    if (!ctx.db) throw new Error('pin-check: no database (ctx.db)');
    const name = ctx.params.database;
    const table = ctx.params.table ?? DEMO_TABLE;
    if (typeof table !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table))
      throw new Error(`pin-check: params.table ${JSON.stringify(table)} is not a table name`);
    const db = typeof name === 'string' ? ctx.db.database(name) : ctx.db;
    if (table === DEMO_TABLE && name === undefined) await demoTable(db);
    const row = await db.one<{ pin: string | null }>(`SELECT pin FROM ${table} WHERE account = :account`, {
      account: String(ctx.vars.account ?? ''),
    });
    if (row && row.pin !== null && String(row.pin) === String(ctx.vars.pin ?? '')) {
      ctx.vars.pinFailures = 0;
      return undefined;
    }
    const failures = Number(ctx.vars.pinFailures ?? 0) + 1;
    ctx.vars.pinFailures = failures;
    const max = typeof ctx.params.maxFailures === 'number' ? ctx.params.maxFailures : 3;
    return failures >= max ? 'locked' : 'wrong';
  },
});
