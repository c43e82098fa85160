// Example programmable node: an account's balance, for a readout.
//   balance: { type: code, run: account-balance, next: say-balance, branches: { unknown: no-account }, error: sorry }
// Reads vars.account (a collect node's), stores vars.balance ("1205.30").
// The database handle needs `accountBalance(account): Promise<number | string | undefined>`.
import { defineNode } from '../nodes.ts';

export interface AccountsDb {
  accountBalance(account: string): Promise<number | string | undefined>;
}

export const accountBalance = defineNode<Partial<AccountsDb> | undefined>({
  name: 'account-balance',
  description: 'vars.account -> vars.balance; branch "unknown" when there is no such account',
  async run(ctx) {
    if (typeof ctx.db?.accountBalance !== 'function') throw new Error('account-balance: no accounts database');
    const account = String(ctx.vars.account ?? '');
    const balance = await ctx.db.accountBalance(account);
    if (balance === undefined) return 'unknown';
    ctx.vars.balance = typeof balance === 'number' ? balance.toFixed(2) : balance;
    return undefined;
  },
});
