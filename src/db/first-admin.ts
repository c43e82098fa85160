// The first start: with no account at all, an 'admin' is created so someone
// can log in and create the others. Its password is auth.adminPassword, else
// $BOARDCTI_ADMIN_PASSWORD, else a random one: that one is returned for the
// caller to show once on the terminal, and never goes into the log.
import { randomBytes } from 'node:crypto';
import type { Log } from '../telephony/log.ts';
import type { AccountStore } from './accounts.ts';

/** What the first start did: nothing (accounts exist), the admin with the given password, or with a made-up one. */
export type FirstAdmin = { created: false } | { created: true; madeUp: string | null };

export async function ensureFirstAdmin(accounts: AccountStore, log: Log, password?: string): Promise<FirstAdmin> {
  if ((await accounts.count()) > 0) return { created: false };
  const given = password ?? process.env.BOARDCTI_ADMIN_PASSWORD;
  const pw = given ?? randomBytes(12).toString('base64url');
  await accounts.create({ username: 'admin', name: 'Administrator', role: 'admin', password: pw });
  if (given) log.info({ username: 'admin' }, 'first start: account admin created with the configured password');
  else log.warn({ username: 'admin' }, 'first start: account admin created with a made-up password, shown on the terminal: change it');
  return { created: true, madeUp: given ? null : pw };
}
