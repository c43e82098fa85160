// No 500 for a client's mistake: every route of the OpenAPI document that
// takes a body is sent malformed bodies (not JSON, empty, not an object,
// unknown fields, each field of the wrong type, required fields missing) and,
// with a body it accepts, unknown ids (every route with a path id is sent an
// unknown one, with or without a body). Each answer is a 4xx with a CTI_ERR_*
// code, and the stored state is as it was. On the simulated board (SQLite),
// with the default configuration and with one that has an ACD (agents, queues).
import { afterEach, describe, expect, it } from 'vitest';
import { ACD_DB_BOARD, AGENT, dbAgents } from '../e2e/acd-config.ts';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
}

/** Unknown ids for the path parameters, by name (each fits its parameter's pattern). */
const UNKNOWN: Record<string, string> = { id: '987654', ext: '199', name: 'no-such-thing', version: '9876' };

/** A body each route accepts (so an unknown id is what it refuses). */
const VALID: Record<string, unknown> = {
  'PATCH /api/accounts/{id}': { name: 'Nobody' },
  'PATCH /api/customers/{id}': { name: 'Nobody' },
  'PATCH /api/call-records/{id}': { disposition: 'other' },
  'POST /api/customers/{id}/history': { kind: 'note', summary: 'x' },
  'PATCH /api/blacklist/{id}': { note: 'x' },
  'POST /api/sim/calls/{id}/digits': { digits: '1' },
  'POST /api/sim/phones/{ext}/digits': { digits: '1' },
  'POST /api/extensions/{ext}/dial': { number: '102' },
  'POST /api/extensions/{ext}/pickup': {},
  'POST /api/extensions/{ext}/transfer': { to: '102' },
  'PATCH /api/extensions/{ext}/settings': { dnd: true },
  'POST /api/extensions/{ext}/camp-on': { to: '102' },
  'POST /api/agents/{id}/login': {},
  'POST /api/agents/{id}/dnd': { on: true },
  'POST /api/agents/{id}/not-ready': { reason: 'lunch' },
};

/** Bodies of the right shape that name something unknown (an extension, a call, a reason no one has). */
const UNKNOWN_INSIDE: [string, string, unknown][] = [
  ['POST', '/api/extensions/101/camp-on', { to: '199' }],
  ['POST', '/api/extensions/101/pickup', { from: '199' }],
  ['POST', '/api/extensions/101/transfer', { to: '199' }],
  ['POST', '/api/extensions/101/transfer', { to: 'queue:no-such-queue' }],
  ['POST', '/api/extensions/101/transfer', { to: '102', mode: 'attended' }],
  ['POST', '/api/sim/calls', { from: '123', to: 'line:99' }],
  ['POST', '/api/customers/987654/history', { kind: 'call', summary: 'x' }],
  ['POST', '/api/auth/login', { username: 'nobody', password: 'nothing' }],
];

/** Values of the wrong type for a field declared as `s`. */
function wrongValues(s: Schema): unknown[] {
  const types = [s.type ?? []].flat();
  const all: unknown[] = [42, 'text', true, [], { x: 1 }];
  const fits = (v: unknown) =>
    types.some((t) =>
      t === 'array'
        ? Array.isArray(v)
        : t === 'object'
          ? typeof v === 'object' && v !== null && !Array.isArray(v)
          : t === 'integer'
            ? Number.isInteger(v)
            : typeof v === t,
    );
  return types.length ? all.filter((v) => !fits(v)) : [];
}

async function snapshot(r: Rig, admin: string): Promise<unknown> {
  const urls = ['/api/accounts', '/api/customers', '/api/blacklist', '/api/call-records', '/api/ivr/flows', '/api/agents', '/api/queues'];
  for (const x of ['101', '102', '103', '104'])
    urls.push(`/api/extensions/${x}/settings`, `/api/extensions/${x}/call`, `/api/sim/phones/${x}`);
  const out: Record<string, unknown> = {};
  for (const u of urls) {
    const res = await r.req('GET', u, admin);
    out[u] = [res.status, res.body];
  }
  return JSON.parse(JSON.stringify(out, (k, v) => (k === 'heard' || k === 'uptimeMs' ? undefined : v)));
}

async function walk(r: Rig): Promise<string[]> {
  const admin = await r.token('admin');
  const doc = (await r.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  };
  const before = await snapshot(r, admin);
  const wrong: string[] = [];
  const seen: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content['application/json']?.schema;
      const route = `${method.toUpperCase()} ${path.replace(/\/$/, '')}`;
      const url = path.replace(/\{(\w+)\}/g, (_, n: string) => UNKNOWN[n] ?? 'x');
      if (!schema) {
        // A route without a body: an unknown id is a 4xx too.
        if (!/\{\w+\}/.test(path)) continue;
        const res = await r.req(method.toUpperCase(), url, admin);
        if (res.status < 400 || res.status >= 500 || !String(res.body?.code).startsWith('CTI_ERR_'))
          wrong.push(`${route} an unknown id: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
        continue;
      }
      seen.push(route);
      const send = async (what: string, payload: string | undefined, type = 'application/json') => {
        const res = await r.app.inject({
          method: method.toUpperCase() as 'POST',
          url,
          headers: { authorization: `Bearer ${admin}`, ...(payload !== undefined ? { 'content-type': type } : {}) },
          ...(payload !== undefined ? { payload } : {}),
        });
        let code: unknown;
        try {
          code = (res.json() as { code?: unknown }).code;
        } catch {
          code = undefined;
        }
        if (res.statusCode < 400 || res.statusCode >= 500 || typeof code !== 'string' || !code.startsWith('CTI_ERR_'))
          wrong.push(`${route} ${what}: ${res.statusCode} ${String(code)} ${res.body.slice(0, 120)}`);
      };
      await send('not JSON', '{"a": 1');
      await send('an empty body', '');
      await send('text/plain', 'a=1', 'text/plain');
      for (const v of [null, [], 42, 'text']) await send(`the JSON ${JSON.stringify(v)}`, JSON.stringify(v));
      await send('an unknown field', JSON.stringify({ zzUnknown: 1 }));
      if (schema.required?.length) await send('no required field', '{}');
      for (const [field, s] of Object.entries(schema.properties ?? {}))
        for (const v of wrongValues(s)) await send(`${field}: ${JSON.stringify(v)}`, JSON.stringify({ [field]: v }));
      if (/\{\w+\}/.test(path) && VALID[route] !== undefined) await send('an unknown id', JSON.stringify(VALID[route]));
    }
  }
  for (const [method, url, body] of UNKNOWN_INSIDE) {
    const res = await r.req(method, url, admin, body);
    if (res.status < 400 || res.status >= 500 || !String(res.body?.code).startsWith('CTI_ERR_'))
      wrong.push(`${method} ${url} ${JSON.stringify(body)}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
  }
  await r.run(500);
  expect(await snapshot(r, admin)).toEqual(before);
  expect(seen.length).toBeGreaterThan(10);
  return wrong;
}

describe('no 500 for a client mistake', () => {
  it('default configuration: every route with a body answers malformed bodies and unknown ids with 4xx CTI_ERR_*, changing nothing', async () => {
    rig = await startRig({ database: 'sqlite' });
    expect(await walk(rig)).toEqual([]);
  });

  it('with an ACD (agents and queues): the same', async () => {
    rig = await startRig({
      database: 'sqlite',
      config: `${ACD_DB_BOARD}
queues:
  - { name: q, strategy: linear, agents: ["${AGENT.a1}", "${AGENT.a2}"] }
`,
    });
    await dbAgents(rig);
    expect(await walk(rig)).toEqual([]);
  });
});
