// Hostile values in every string of every route: each query parameter and
// path parameter of the OpenAPI document, and the login, get NUL bytes,
// quotes, SQL, LIKE wildcards and unicode. No answer is a 500, a NUL is a
// 400 naming where it was, and the log carries no SQL. Ids are decimal
// numbers matched exactly (0x10 is not 16); every number a client sends is
// bounded. A customer search for `%` or `_` finds those characters, not
// every customer.
import { DatabaseError } from 'sequelize';
import { afterEach, describe, expect, it } from 'vitest';
import { errorReply } from '../../src/api/error-reply.ts';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface Param {
  name: string;
  in: 'query' | 'path';
  schema: { type?: string; maximum?: number; minimum?: number; enum?: unknown[]; pattern?: string };
}
type Doc = { paths: Record<string, Record<string, { parameters?: Param[] }>> };

const HOSTILE = ['a\u0000b', "x' OR '1'='1", '"; DROP TABLE accounts; --', '%', '_', '%_%', '\\', '张伟\u200b', '😀', "O'Brien"];

describe('hostile input', () => {
  it('every string parameter of every route: NUL, quotes, SQL, wildcards and unicode never answer 500', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    const doc = (await rig.app.inject({ method: 'GET', url: '/docs/json' })).json() as Doc;
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/sim') || path === '/api/ws') continue; // the simulated world and the socket: not the database
      for (const [method, op] of Object.entries(ops)) {
        if (method !== 'get') continue; // bodies: test/api/bad-bodies.test.ts; here what GET routes look up
        const params = op.parameters ?? [];
        for (const p of params.filter((x) => x.schema.type === 'string' || x.schema.type === undefined)) {
          for (const v of HOSTILE) {
            let url = path.replace(/\{(\w+)\}/g, (_, k: string) => (k === p.name && p.in === 'path' ? encodeURIComponent(v) : '1'));
            if (p.in === 'query') url += `?${p.name}=${encodeURIComponent(v)}`;
            const r = await rig.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${admin}` } });
            sent++;
            if (r.statusCode >= 500) failures.push(`${r.statusCode} GET ${url}`);
            else if (v.includes('\u0000') && r.statusCode < 400) failures.push(`${r.statusCode} (NUL accepted) GET ${url}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('a database error is logged without its SQL or the values in it', () => {
    const cause = Object.assign(new Error('SQLITE_ERROR: unrecognized token: "\'secret-value"'), { code: 'SQLITE_ERROR' });
    const err = new DatabaseError(Object.assign(cause, { sql: "SELECT * FROM customers WHERE name = 'secret-value'" }));
    const logged: unknown[] = [];
    const log = { error: (...a: unknown[]) => logged.push(a) } as unknown as Parameters<typeof errorReply>[1];
    expect(errorReply(err, log)).toEqual({ status: 500, body: { code: 'CTI_ERR_INTERNAL', message: 'internal error' } });
    const text = JSON.stringify(logged, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
    expect(logged.length).toBe(1);
    expect(text).toMatch(/SQLITE_ERROR/);
    expect(text).not.toMatch(/secret-value|SELECT/);
  });

  it('a NUL in a login name or in a body string is a 400 that names where it is; nothing is stored', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    const login = await rig.req('POST', '/api/auth/login', undefined, { username: 'ad\u0000min', password: 'admin-password' });
    expect(login).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
    expect(login.body.message).toMatch(/username/);
    const cust = await rig.req('POST', '/api/customers', admin, { name: 'Wang\u0000Fang', phones: [{ number: '13800138000' }] });
    expect(cust).toMatchObject({ status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT' } });
    expect(cust.body.message).toMatch(/name/);
    expect((await rig.stores!.customers.list()).total).toBe(0);
  });

  it('ids are decimal and matched exactly: 0x10, 1e1, " 1" and 16.0 are refused, account 16 is not deleted', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    for (let i = 2; i <= 16; i++)
      await rig.stores!.accounts.create({ username: `u${i}`, name: `U${i}`, role: 'agent', password: 'long-enough' });
    expect((await rig.stores!.accounts.get(16))?.username).toBe('u16');
    for (const id of ['0x10', '1e1', '%201', '16.0', '+16', '016', '-1', '0', '99999999999999999999']) {
      const r = await rig.req('DELETE', `/api/accounts/${id}`, admin);
      expect([id, r.status, r.body.code]).toEqual([id, 400, 'CTI_ERR_BAD_ARGUMENT']);
    }
    expect((await rig.stores!.accounts.get(16))?.username).toBe('u16');
    expect((await rig.req('DELETE', '/api/accounts/16', admin)).status).toBe(204);
  });

  it('numbers a client sends are bounded: a huge offset is a 400, not a database error', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    for (const url of ['/api/call-records?offset=99999999999999999999', '/api/customers?offset=1e30', '/api/call-records?limit=0x10']) {
      const r = await rig.req('GET', url, admin);
      expect([url, r.status, r.body.code]).toEqual([url, 400, 'CTI_ERR_BAD_ARGUMENT']);
    }
    const doc = (await rig.app.inject({ method: 'GET', url: '/docs/json' })).json() as Doc;
    const unbounded = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([m, op]) =>
        (op.parameters ?? [])
          .filter((p) => (p.schema.type === 'integer' || p.schema.type === 'number') && p.schema.maximum === undefined)
          .map((p) => `${m.toUpperCase()} ${path} ${p.in} ${p.name}`),
      ),
    );
    expect(unbounded).toEqual([]);
  });

  it('a customer search for % or _ finds those characters, not everyone', async () => {
    rig = await startRig({ database: 'sqlite' });
    const admin = await rig.token('admin');
    for (const name of ['Wang Fang', 'Li Na', '100% Cotton Ltd', 'snake_case Inc'])
      expect((await rig.req('POST', '/api/customers', admin, { name })).status).toBe(201);
    const names = async (q: string) =>
      ((await rig!.req('GET', `/api/customers?q=${encodeURIComponent(q)}`, admin)).body.items as { name: string }[]).map((c) => c.name);
    expect(await names('%')).toEqual(['100% Cotton Ltd']);
    expect(await names('_')).toEqual(['snake_case Inc']);
    expect(await names('wang')).toEqual(['Wang Fang']);
    expect(await names("'")).toEqual([]);
  });
});
