// The first start: with no account at all, an 'admin' is created so someone
// can log in and create the others. Its password is auth.adminPassword, else
// $BOARDCTI_ADMIN_PASSWORD, else a random one written to the log once.
import { randomBytes } from 'node:crypto';
import type { Log } from '../telephony/log.ts';
import type { AccountStore } from './accounts.ts';

export async function ensureFirstAdmin(accounts: AccountStore, log: Log, password?: string): Promise<boolean> {
  if ((await accounts.count()) > 0) return false;
  const given = password ?? process.env.BOARDCTI_ADMIN_PASSWORD;
  const pw = given ?? randomBytes(12).toString('base64url');
  await accounts.create({ username: 'admin', name: 'Administrator', role: 'admin', password: pw });
  if (given) log.info({ username: 'admin' }, 'first start: account admin created with the configured password');
  else log.warn({ username: 'admin', password: pw }, 'first start: account admin created; change this password (PATCH /api/accounts/1)');
  return true;
}
