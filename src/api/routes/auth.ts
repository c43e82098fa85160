// POST /api/auth/login → a token; POST /api/auth/logout ends it; GET /api/auth/me;
// PATCH /api/auth/me {locale}: the account's own choice of the console's language.
import type { FastifyPluginAsync } from 'fastify';
import type { Locale } from '../../db/accounts.ts';
import { CtiError } from '../../native/errors.ts';
import { ANY, PUBLIC, tokenOf } from '../auth.ts';
import type { CallCenterContext } from '../context.ts';
import { localeBody } from '../comms-schemas.ts';
import { LoginThrottle } from '../login-throttle.ts';
import { accountSchema, errors, loginBody, loginReply, okSchema } from '../schemas.ts';

export const authRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const { accounts } = cc.stores;
  const throttle = new LoginThrottle();
  app.post<{ Body: { username: string; password: string } }>(
    '/login',
    {
      config: { roles: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Log in: a token for the Authorization header',
        body: loginBody,
        response: { 200: loginReply, ...errors },
      },
    },
    async (req, reply) => {
      const { username } = req.body;
      const wait = throttle.wait(username, req.ip);
      if (wait > 0) {
        void reply.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new CtiError('CTI_ERR_TOO_MANY_ATTEMPTS', `too many failed logins: try again in ${Math.ceil(wait / 1000)} s`);
      }
      const account = await accounts.verifyPassword(username, req.body.password);
      if (!account) {
        throttle.failed(username, req.ip);
        req.log.warn({ user: username }, 'login failed');
        throw new CtiError('CTI_ERR_UNAUTHORIZED', 'wrong username or password, or the account is disabled');
      }
      throttle.succeeded(username, req.ip);
      const session = await accounts.createSession(account.id, cc.auth.tokenTtlMs);
      req.log.info({ user: account.username, role: account.role }, 'logged in');
      return { ...session, account };
    },
  );
  app.post(
    '/logout',
    { config: { roles: ANY }, schema: { tags: ['auth'], summary: 'End this token', response: { 200: okSchema, ...errors } } },
    async (req) => {
      const token = tokenOf(req);
      if (token) await accounts.endSession(token);
      return { ok: true };
    },
  );
  app.get(
    '/me',
    { config: { roles: ANY }, schema: { tags: ['auth'], summary: 'The logged-in account', response: { 200: accountSchema, ...errors } } },
    async (req) => req.account,
  );
  app.patch<{ Body: { locale: Locale | null } }>(
    '/me',
    {
      config: { roles: ANY },
      schema: {
        tags: ['auth'],
        summary: "Set my own preferences: the console's language (null: none chosen)",
        body: localeBody,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (req) => {
      if (req.account!.id === 0) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'log in first: no account to keep a language for');
      return accounts.setLocale(req.account!.id, req.body.locale);
    },
  );
};
