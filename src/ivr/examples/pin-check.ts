// Example programmable node: a PIN check with a lock-out after failures.
//   pin: { type: code, run: pin-check, next: main-menu, branches: { wrong: ask-pin, locked: sorry }, error: sorry }
// Reads vars.account and vars.pin; counts failures in vars.pinFailures;
// 'locked' after params.maxFailures (default 3). The database handle needs
// `checkPin(account, pin): Promise<boolean>`.
import { defineNode } from '../nodes.ts';

export interface PinDb {
  checkPin(account: string, pin: string): Promise<boolean>;
}

export const pinCheck = defineNode<Partial<PinDb> | undefined>({
  name: 'pin-check',
  description: 'vars.account + vars.pin; branches "wrong" and "locked"',
  async run(ctx) {
    if (typeof ctx.db?.checkPin !== 'function') throw new Error('pin-check: no PIN database');
    const ok = await ctx.db.checkPin(String(ctx.vars.account ?? ''), String(ctx.vars.pin ?? ''));
    if (ok) {
      ctx.vars.pinFailures = 0;
      return undefined;
    }
    const failures = Number(ctx.vars.pinFailures ?? 0) + 1;
    ctx.vars.pinFailures = failures;
    const max = typeof ctx.params.maxFailures === 'number' ? ctx.params.maxFailures : 3;
    return failures >= max ? 'locked' : 'wrong';
  },
});
