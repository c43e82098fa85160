// Login, roles on every route group, 401 and 403 as {code, message}, bodies
// refused with a clear error and nothing stored, and the OpenAPI document at
// /docs listing every route with its schemas. SQLite (the API is the same on
// PostgreSQL: test/api/calls.test.ts runs there too).
import { afterEach, describe, expect, it } from 'vitest';
import { createHttp, server } from '../../src/server/app.ts';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);

describe('auth and roles', () => {
  it('logs in with a token that expires and ends; wrong passwords and bad tokens get 401', async () => {
    rig = await startRig({ database: 'sqlite' });
    const bad = await req('POST', '/api/auth/login', undefined, { username: 'admin', password: 'nope' });
    expect(bad).toMatchObject({ status: 401, body: { code: 'CTI_ERR_UNAUTHORIZED' } });
    const ok = await req('POST', '/api/auth/login', undefined, { username: 'admin', password: 'admin-password' });
    expect(ok.status).toBe(200);
    expect(ok.body.account).toMatchObject({ username: 'admin', role: 'admin' });
    expect(Date.parse(ok.body.expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(ok.body.account.passwordHash).toBeUndefined();
    const token = ok.body.token as string;
    expect((await req('GET', '/api/auth/me', token)).body).toMatchObject({ username: 'admin' });
    expect((await rig.app.inject({ method: 'GET', url: `/api/auth/me?token=${token}` })).statusCode).toBe(200);

    const none = await req('GET', '/api/customers');
    expect(none).toMatchObject({ status: 401, body: { code: 'CTI_ERR_UNAUTHORIZED' } });
    expect(none.body.message).toMatch(/log in/);
    expect((await req('GET', '/api/customers', 'forged')).body.code).toBe('CTI_ERR_UNAUTHORIZED');

    // An expired session is refused.
    const me = await rig.stores!.accounts.byUsername('admin');
    const old = await rig.stores!.accounts.createSession(me!.id, 60_000, Date.now() - 120_000);
    expect((await req('GET', '/api/auth/me', old.token)).status).toBe(401);

    expect((await req('POST', '/api/auth/logout', token)).body).toEqual({ ok: true });
    expect((await req('GET', '/api/auth/me', token)).status).toBe(401);
  });

  it('enforces roles per route: 403 with the roles admitted', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    const agent = await rig.token('agent');
    const supervisor = await rig.token('supervisor');
    const technician = await rig.token('technician');
    const expectations: [string, string, string, number][] = [
      ['GET', '/api/health', '', 200],
      ['GET', '/api/boards', '', 401],
      ['GET', '/api/boards', agent, 200],
      ['GET', '/api/boards', technician, 200],
      ['GET', '/api/customers', agent, 200],
      ['GET', '/api/customers', supervisor, 200],
      ['GET', '/api/customers', technician, 403],
      ['GET', '/api/accounts', agent, 403],
      ['GET', '/api/accounts', supervisor, 200],
      ['GET', '/api/accounts', admin, 200],
      ['GET', '/api/blacklist', supervisor, 403],
      ['GET', '/api/blacklist', admin, 200],
      ['GET', '/api/call-records', agent, 200],
      ['GET', '/api/call-records', technician, 403],
      ['GET', '/api/call-records', supervisor, 200],
      ['DELETE', '/api/customers/1', agent, 403],
      ['GET', '/api/sim/phones/101', '', 401], // default.yaml: the simulator's controls are closed
      ['GET', '/api/sim/phones/101', 'garbage-token', 401],
      ['GET', '/api/sim/phones/101', technician, 200],
    ];
    for (const [method, url, token, status] of expectations) {
      const r = await req(method, url, token || undefined);
      expect([method, url, r.status]).toEqual([method, url, status]);
      if (status === 403) {
        expect(r.body.code).toBe('CTI_ERR_FORBIDDEN');
        expect(r.body.message).toMatch(/Roles: admin/);
      }
    }
    const created = await req('POST', '/api/accounts', supervisor, { username: 'x1', name: 'X', role: 'agent', password: 'long-enough' });
    expect(created.status).toBe(403);
    expect(await rig.stores!.accounts.byUsername('x1')).toBeUndefined();
  });

  it('auth.openSim opens the simulated-board controls to requests from this machine with no token; a bad token is still 401', async () => {
    rig = await startRig({
      database: 'sqlite',
      config: 'boards: [{ driver: sim, name: sim0 }]\nauth: { openSim: true }\nextensions: [{ number: "101", port: "fxs:1" }]',
    });
    const from = (remoteAddress: string, token?: string) =>
      rig!.app.inject({
        method: 'GET',
        url: '/api/sim/phones/101',
        remoteAddress,
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      });
    expect((await from('127.0.0.1')).statusCode).toBe(200);
    expect((await from('::1')).statusCode).toBe(200);
    expect((await from('192.168.1.20')).statusCode).toBe(401);
    expect((await from('127.0.0.1', 'garbage-token')).statusCode).toBe(401);
    expect((await from('127.0.0.1', await rig.token('agent'))).statusCode).toBe(403);
    expect((await req('GET', '/api/boards')).status).toBe(401); // only the simulator's controls
  });

  it('simulated-board controls need a technician when auth.openSim is off; auth.required: false opens everything', async () => {
    rig = await startRig({
      database: 'sqlite',
      config: 'boards: [{ driver: sim, name: sim0 }]\nauth: { openSim: false }\nextensions: [{ number: "101", port: "fxs:1" }]',
    });
    expect((await req('GET', '/api/sim/phones/101')).status).toBe(401);
    expect((await req('GET', '/api/sim/phones/101', await rig.token('agent'))).status).toBe(403);
    expect((await req('GET', '/api/sim/phones/101', await rig.token('technician'))).status).toBe(200);
    await rig.close();
    rig = await startRig({ database: 'sqlite', config: 'boards: [{ driver: sim, name: sim0 }]\nauth: { required: false }' });
    expect((await req('GET', '/api/accounts')).status).toBe(200);
    expect((await req('GET', '/api/boards')).status).toBe(200);
  });

  it('refuses bad bodies with a clear error and stores nothing', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/api/customers', { company: 'no name' }, /name/],
      ['POST', '/api/customers', { name: 'A', nmae: 'typo' }, /additional/],
      ['POST', '/api/customers', { name: 'A', phones: [{ number: 'abc' }] }, /number/],
      ['POST', '/api/customers', { name: 'A', priority: 12 }, /priority/],
      ['POST', '/api/accounts', { username: 'b', name: 'B', role: 'agent', password: 'long-enough' }, /username/],
      ['POST', '/api/accounts', { username: 'bb', name: 'B', role: 'boss', password: 'long-enough' }, /role/],
      ['POST', '/api/accounts', { username: 'bb', name: 'B', role: 'agent', password: 'long-enough', skills: { billing: 10 } }, /skills/],
      ['POST', '/api/accounts', { username: 'bb', name: 'B', role: 'agent', password: 'short' }, /password/],
      ['POST', '/api/blacklist', { pattern: '400*', action: 'block' }, /action/],
      ['POST', '/api/blacklist', { pattern: '400*', action: 'reroute' }, /target/],
      ['PATCH', '/api/customers/1', {}, /fewer than 1|minProperties|properties/],
      ['GET', '/api/customers/abc', undefined, /id/],
      ['GET', '/api/call-records?result=lost', undefined, /result/],
    ];
    for (const [method, url, body, why] of cases) {
      const r = await req(method, url, admin, body);
      expect([url, r.status, r.body.code]).toEqual([url, 400, 'CTI_ERR_BAD_ARGUMENT']);
      expect(r.body.message).toMatch(why);
    }
    expect((await rig.stores!.customers.list()).total).toBe(0);
    expect((await rig.stores!.accounts.list()).map((a) => a.username)).toEqual(['admin']);
    expect(await rig.stores!.blacklist.list()).toEqual([]);
    const dup = await req('POST', '/api/accounts', admin, { username: 'admin', name: 'Again', role: 'agent', password: 'long-enough' });
    expect(dup).toMatchObject({ status: 409, body: { code: 'CTI_ERR_CONFLICT' } });
  });

  it('serves the OpenAPI document at /docs listing every route with its schemas and roles', async () => {
    rig = await startRig({ database: 'sqlite' });
    // A second HTTP side over the same runtime, noting every route it registers.
    const app = createHttp();
    const routes: { method: string; url: string; public: boolean }[] = [];
    app.addHook('onRoute', (r) => {
      for (const m of [r.method].flat())
        if (m !== 'HEAD' && r.url.startsWith('/api'))
          routes.push({ method: m.toLowerCase(), url: r.url, public: ['/api/health', '/api/auth/login'].includes(r.url) });
    });
    await app.register(server, { ctx: rig.rt });
    await app.ready();
    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(ui.statusCode);
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, any>>;
      components: any;
    };
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
      const op = doc.paths[path]?.[r.method] ?? doc.paths[`${path}/`]?.[r.method];
      expect(op, `${r.method} ${r.url} in the OpenAPI document`).toBeDefined();
      expect(Object.keys(op.responses ?? {}).length, `${r.method} ${r.url} responses`).toBeGreaterThan(0);
      if (!r.public) expect(op.security, `${r.method} ${r.url} security`).toEqual([{ bearerAuth: [] }]);
      // Actions that take no body (an agent's hold, hang-up, transfer completion...) have none to describe.
      const bodiless =
        /logout|offhook|onhook|flash|DELETE|\/agents\/:id\/ready$|\/ivr\/flows\/:name\/(rollback|versions\/:version\/activate)$/.test(
          r.url,
        ) ||
        /\/extensions\/:ext\/(answer|hangup|hold|retrieve|transfer\/complete|transfer\/cancel|conference|recording\/start|recording\/stop)$/.test(
          r.url,
        );
      if (['post', 'patch', 'put'].includes(r.method) && !bodiless && !/\/sim\//.test(r.url)) {
        expect(op.requestBody, `${r.method} ${r.url} body`).toBeDefined();
      }
    }
    expect(doc.paths['/api/customers/lookup']!.get.description).toMatch(/Roles: admin, agent, supervisor/);
    await app.close();
  });
});
