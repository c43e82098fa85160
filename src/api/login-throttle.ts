// Failed logins slow down guessing, per account name and per client address:
// the first few failures cost nothing, then each one doubles the wait before
// the next attempt is heard (1 s, 2 s, 4 s … up to 15 min), right password or
// not. A success clears the account's count (and its address's); a quiet
// quarter of an hour forgets a count. Names that are no account count the
// same, so the answer does not tell which accounts exist. Wall time, like the
// sessions' expiry. Memory is bounded: the oldest entries go first.

export interface ThrottleOptions {
  /** failures of one account name before waits begin */
  accountFree: number;
  /** failures from one address (any names) before waits begin */
  addressFree: number;
  firstWaitMs: number;
  maxWaitMs: number;
  /** a count with no failure for this long is forgotten */
  forgetMs: number;
  maxEntries: number;
}

export const THROTTLE_DEFAULTS: ThrottleOptions = {
  accountFree: 5,
  addressFree: 20,
  firstWaitMs: 1000,
  maxWaitMs: 15 * 60_000,
  forgetMs: 15 * 60_000,
  maxEntries: 10_000,
};

interface Count {
  failures: number;
  last: number;
  /** no attempt is heard before this */
  until: number;
}

export class LoginThrottle {
  private readonly counts = new Map<string, Count>();
  private readonly o: ThrottleOptions;

  constructor(
    options: Partial<ThrottleOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.o = { ...THROTTLE_DEFAULTS, ...options };
  }

  /** How long (ms) this attempt must wait; 0: it may go ahead. */
  wait(username: string, address: string): number {
    const t = this.now();
    return Math.max(0, ...this.keys(username, address).map((k) => (this.fresh(k, t)?.until ?? 0) - t));
  }

  failed(username: string, address: string): void {
    const t = this.now();
    const [account, from] = this.keys(username, address);
    this.count(account!, t, this.o.accountFree);
    this.count(from!, t, this.o.addressFree);
  }

  succeeded(username: string, address: string): void {
    for (const k of this.keys(username, address)) this.counts.delete(k);
  }

  private keys(username: string, address: string): string[] {
    return [`u:${username.trim().toLowerCase()}`, `a:${address}`];
  }

  private fresh(key: string, t: number): Count | undefined {
    const c = this.counts.get(key);
    if (c && t - c.last > this.o.forgetMs && t >= c.until) {
      this.counts.delete(key);
      return undefined;
    }
    return c;
  }

  private count(key: string, t: number, free: number): void {
    const c = this.fresh(key, t) ?? { failures: 0, last: t, until: 0 };
    c.failures += 1;
    c.last = t;
    const over = c.failures - free;
    if (over > 0) c.until = t + Math.min(this.o.maxWaitMs, this.o.firstWaitMs * 2 ** Math.min(over - 1, 30));
    this.counts.delete(key); // re-inserted last: the map's order is oldest first
    this.counts.set(key, c);
    while (this.counts.size > this.o.maxEntries) this.counts.delete(this.counts.keys().next().value!);
  }
}
