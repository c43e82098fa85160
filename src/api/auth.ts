// Who is asking, and may they: a token from POST /api/auth/login, sent as
// `Authorization: Bearer <token>` (or `?token=` where a header cannot be set,
// as on a browser's WebSocket). Every route declares the roles it admits in
// its config (`config: { roles }`); admin is admitted everywhere. A route that
// declares nothing is refused at start-up, so none is open by mistake.
// 401 {CTI_ERR_UNAUTHORIZED} without a valid token, 403 {CTI_ERR_FORBIDDEN}
// with one whose role is not admitted.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { AuthConfig } from '../config/schema.ts';
import type { Account, AccountStore, Role } from '../db/accounts.ts';
import { CtiError } from '../native/errors.ts';

/** 'public': no token; 'any': any logged-in role; else the roles admitted (admin always is). */
export type Access = 'public' | 'any' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
  }
  interface FastifyContextConfig {
    roles?: Access;
  }
}

export const ANY: Access = 'any';
export const PUBLIC: Access = 'public';

/** What a request without a token acts as when auth.required is false. */
export const OPEN_ACCOUNT: Account = {
  id: 0,
  username: 'open',
  name: 'no login (auth.required: false)',
  role: 'admin',
  agentNumber: null,
  extension: null,
  skills: {},
  groups: [],
  enabled: true,
  hasPin: false,
  locale: null,
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
};

export interface AuthOptions {
  config: AuthConfig;
  accounts: AccountStore | undefined;
  /** access of the routes that declare none, by URL prefix (health, boards, the simulated world) */
  defaults: [prefix: string, access: Access][];
}

export function tokenOf(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q : undefined;
}

/** A request from this machine's loopback (auth.openSim admits no other). */
function fromThisMachine(req: FastifyRequest): boolean {
  const ip = req.socket.remoteAddress ?? '';
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

export function describeAccess(a: Access): string {
  return a === 'public' ? 'No login needed.' : a === 'any' ? 'Any logged-in role.' : `Roles: ${[...new Set(['admin', ...a])].join(', ')}.`;
}

export function admits(access: Access, role: Role): boolean {
  return access === 'any' || access === 'public' || role === 'admin' || access.includes(role);
}

/** Installs the hooks on `app` (the /api scope): declare-or-refuse on each route, check on each request. */
export function installAuth(app: FastifyInstance, o: AuthOptions): void {
  app.decorateRequest('account', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    let access = route.config?.roles;
    access ??= o.defaults.find(([p]) => url === p || url.startsWith(`${p}/`))?.[1];
    if (access === undefined) throw new Error(`route ${String(route.method)} ${url} declares no roles (config.roles)`);
    route.config = { ...route.config, roles: access };
    // @fastify/websocket hides its routes from the OpenAPI document; /api/ws is part of the API.
    if ((route as { websocket?: boolean }).websocket && route.schema) (route.schema as { hide?: boolean }).hide = false;
    if (access !== 'public') {
      const schema = (route.schema ??= {}) as Record<string, unknown>;
      schema.security = [{ bearerAuth: [] }];
      // the same schema object comes twice for a route with a trailing slash ('/api/accounts' and '/api/accounts/')
      const said = describeAccess(access);
      if (!String(schema.description ?? '').endsWith(said)) schema.description = [schema.description, said].filter(Boolean).join(' ');
    }
  });
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.roles;
    if (access === undefined || access === 'public') return;
    const token = tokenOf(req);
    if (token && o.accounts) req.account = (await o.accounts.sessionAccount(token)) ?? null;
    if (!req.account) {
      if (!o.config.required) req.account = OPEN_ACCOUNT;
      else if (!token && o.config.openSim && req.url.startsWith('/api/sim/') && fromThisMachine(req)) return;
      else
        throw new CtiError(
          'CTI_ERR_UNAUTHORIZED',
          token
            ? 'the token is unknown or expired: log in again'
            : 'log in first (POST /api/auth/login) and send Authorization: Bearer <token>',
        );
    }
    if (!admits(access, req.account.role))
      throw new CtiError(
        'CTI_ERR_FORBIDDEN',
        `${req.method} ${req.routeOptions.url}: ${describeAccess(access)} You are ${req.account.role}.`,
      );
  });
}
