// Queues managed over the API (POST, PUT, PATCH, DELETE /api/queues, GET
// /api/queues/:name/definition), stored in the database (SQLite, and
// PostgreSQL when one can be started): roles (admins change, supervisors
// read the definition), bad bodies 400 with CTI_ERR_BAD_ARGUMENT, unknown 404,
// duplicates and queues in use 409, and a refused request changes nothing in
// the database or the running ACD. The YAML's queues are the seed: written at
// the first start; after a restart with a changed YAML, a queue nobody edited
// takes the YAML's change, an edited one keeps the database's, a deleted one
// stays deleted, and one created over the API is still there.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { ACD_BOARD } from '../e2e/acd-config.ts';
import { startRig, type Rig } from '../e2e/harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const yaml = (salesRing = 15000, generalRing = 15000) => `${ACD_BOARD}
queues:
  - { name: sales, strategy: longest-idle, skills: { sales: 1 }, ringTimeoutMs: ${salesRing}, overflow: { afterMs: 60000, to: general } }
  - { name: general, strategy: ring-all, agents: [a1, a2], ringTimeoutMs: ${generalRing} }
  - { name: spare, strategy: linear }
routes:
  inbound:
    - { lines: any, queue: sales }
`;

/** A whole definition as the store keeps it. */
const created0 = () => ({
  name: 'x',
  strategy: 'linear' as const,
  priority: 0,
  ringTimeoutMs: 15000,
  maxMissed: 2,
  wrapUpMs: 0,
  announceAgent: false,
  defaultHandleMs: 120000,
});

async function start(url: string, config = yaml()): Promise<Rig> {
  rig = await startRig({ config, database: url });
  await rig.until(rig.rt.dataApi!.queues!.ready);
  return rig;
}

/** What the database and the running ACD hold: name -> strategy, for both. */
async function state(r: Rig) {
  const stored = (await r.stores!.queues.list()).filter((q) => !q.deleted).map((q) => `${q.name}:${q.definition.strategy}`);
  const running = [...r.rt.callCenter!.acd.queues.values()].map((q) => `${q.name}:${q.config.strategy}`).sort();
  return { stored, running };
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`queues over the API on ${title(d)}`, () => {
    it('creates, replaces, patches and deletes queues with roles, schemas and errors; a refused request changes nothing', async () => {
      const r = await start(await d.url());
      const admin = await r.token('admin');
      const sup = await r.token('supervisor');
      const agent = await r.token('agent');
      const seeded = {
        stored: ['general:ring-all', 'sales:longest-idle', 'spare:linear'],
        running: ['general:ring-all', 'sales:longest-idle', 'spare:linear'],
      };
      expect(await state(r)).toEqual(seeded);

      // The GET routes keep their shape; the stored definition is the supervisors'.
      const list = await r.req('GET', '/api/queues', agent);
      expect(list.body.map((q: { name: string }) => q.name)).toEqual(['sales', 'general', 'spare']);
      expect(list.body[0]).toMatchObject({ name: 'sales', strategy: 'longest-idle', waiting: [], stats: { entered: 0 } });
      const def = await r.req('GET', '/api/queues/sales/definition', sup);
      expect(def).toMatchObject({
        status: 200,
        body: {
          name: 'sales',
          origin: 'config',
          updatedBy: null,
          definition: { name: 'sales', ringTimeoutMs: 15000, maxMissed: 2, skills: { sales: 1 } },
        },
      });
      expect((await r.req('GET', '/api/queues/sales/definition', agent)).status).toBe(403);
      expect((await r.req('GET', '/api/queues/sales/definition')).status).toBe(401);
      expect((await r.req('GET', '/api/queues/nope/definition', sup)).status).toBe(404);

      // Refused: roles, bad bodies, unknown members or targets, duplicates. Nothing changes.
      const good = { name: 'vip', strategy: 'linear', agents: ['a2', 'a1'] };
      const refused: [string, string, string | undefined, unknown, number, RegExp?][] = [
        ['POST', '/api/queues', undefined, good, 401],
        ['POST', '/api/queues', agent, good, 403],
        ['POST', '/api/queues', sup, good, 403],
        ['POST', '/api/queues', admin, { strategy: 'linear' }, 400, /name/],
        ['POST', '/api/queues', admin, { ...good, name: 'Bad Name' }, 400, /name/],
        ['POST', '/api/queues', admin, { ...good, strategy: 'random' }, 400, /strategy/],
        ['POST', '/api/queues', admin, { ...good, colour: 'red' }, 400, /additional|colour/],
        ['POST', '/api/queues', admin, { ...good, ringTimeoutMs: 10 }, 400, /ringTimeoutMs/],
        ['POST', '/api/queues', admin, { ...good, agents: ['a1', 'nobody'] }, 400, /no agent "nobody"/],
        ['POST', '/api/queues', admin, { ...good, overflow: { to: 'nowhere' } }, 400, /no queue "nowhere"/],
        ['POST', '/api/queues', admin, { ...good, overflow: { to: 'vip' } }, 400, /itself/],
        ['POST', '/api/queues', admin, { ...good, name: 'sales' }, 409, /exists/],
        ['PUT', '/api/queues/spare', sup, { strategy: 'circular' }, 403],
        ['PUT', '/api/queues/nope', admin, { strategy: 'circular' }, 404],
        ['PUT', '/api/queues/spare', admin, { name: 'other', strategy: 'circular' }, 400, /renamed/],
        ['PUT', '/api/queues/spare', admin, { strategy: 'circular', wrapUpMs: -1 }, 400, /wrapUpMs/],
        ['PATCH', '/api/queues/spare', admin, {}, 400],
        ['PATCH', '/api/queues/spare', admin, { name: 'other' }, 400],
        ['PATCH', '/api/queues/spare', admin, { strategy: null }, 400, /strategy/],
        ['PATCH', '/api/queues/spare', agent, { strategy: 'circular' }, 403],
        ['PATCH', '/api/queues/nope', admin, { strategy: 'circular' }, 404],
        ['DELETE', '/api/queues/spare', sup, undefined, 403],
        ['DELETE', '/api/queues/nope', admin, undefined, 404],
        ['DELETE', '/api/queues/general', admin, undefined, 409, /queue sales overflows to it/],
        ['DELETE', '/api/queues/sales', admin, undefined, 409, /routes\.inbound\[0\]/],
      ];
      for (const [method, url, token, body, status, why] of refused) {
        const res = await r.req(method, url, token, body);
        expect([method, url, JSON.stringify(body), res.status]).toEqual([method, url, JSON.stringify(body), status]);
        expect(res.body.code).toBe(
          {
            400: 'CTI_ERR_BAD_ARGUMENT',
            401: 'CTI_ERR_UNAUTHORIZED',
            403: 'CTI_ERR_FORBIDDEN',
            404: 'CTI_ERR_NOT_FOUND',
            409: 'CTI_ERR_CONFLICT',
          }[status],
        );
        if (why) expect(res.body.message).toMatch(why);
      }
      expect(await state(r)).toEqual(seeded);

      // A write whose ACD change fails is rolled back: the row is not stored.
      const boom = () => {
        throw new Error('refused by the ACD');
      };
      const def2 = { ...created0(), name: 'tx' };
      await expect(r.stores!.queues.create(def2, 'admin', boom)).rejects.toThrow(/refused by the ACD/);
      await expect(r.stores!.queues.replace({ ...def2, name: 'spare' }, 'admin', boom)).rejects.toThrow(/refused/);
      await expect(r.stores!.queues.remove('spare', true, 'admin', boom)).rejects.toThrow(/refused/);
      expect(await state(r)).toEqual(seeded);
      expect((await r.stores!.queues.list()).find((q) => q.name === 'spare')).toMatchObject({ origin: 'config', deleted: false });

      // Created: in the ACD at once, members in the order given, defaults filled in.
      const created = await r.req('POST', '/api/queues', admin, good);
      expect(created).toMatchObject({
        status: 201,
        body: { name: 'vip', origin: 'api', updatedBy: 'admin', definition: { ...good, priority: 0, ringTimeoutMs: 15000, maxMissed: 2 } },
      });
      expect(Date.parse(created.body.updatedAt)).toBeGreaterThan(0);
      expect((await r.req('GET', '/api/queues/vip', agent)).body.agents.map((a: { id: string }) => a.id)).toEqual(['a2', 'a1']);
      expect((await r.req('POST', '/api/queues', admin, good)).status).toBe(409);

      // Replaced whole: fields left out take their defaults or are unset.
      const put = await r.req('PUT', '/api/queues/vip', admin, { strategy: 'circular', skills: { sales: 4 }, wrapUpMs: 5000 });
      expect(put.status).toBe(200);
      expect(put.body.definition).toEqual({
        name: 'vip',
        strategy: 'circular',
        skills: { sales: 4 },
        priority: 0,
        ringTimeoutMs: 15000,
        maxMissed: 2,
        wrapUpMs: 5000,
        maxWaitMs: 600000,
        announceAgent: false,
        defaultHandleMs: 120000,
      });
      // Members by skill now: only a2 has sales 4 or more.
      expect((await r.req('GET', '/api/queues/vip', agent)).body).toMatchObject({ strategy: 'circular', agents: [{ id: 'a2' }] });

      // Patched: the fields given; null unsets one.
      const patched = await r.req('PATCH', '/api/queues/vip', admin, { maxWaitMs: 300000, skills: null, agents: ['a3'] });
      expect(patched.body.definition).toMatchObject({ strategy: 'circular', wrapUpMs: 5000, maxWaitMs: 300000, agents: ['a3'] });
      expect(patched.body.definition.skills).toBeUndefined();
      expect(r.rt.callCenter!.acd.queue('vip')!.config).toMatchObject({ maxWaitMs: 300000, agents: ['a3'] });
      expect(r.rt.callCenter!.acd.queue('vip')!.members.map((a) => a.id)).toEqual(['a3']);
      // sales may overflow to the new queue; then vip cannot be deleted.
      expect((await r.req('PATCH', '/api/queues/sales', admin, { overflow: { afterMs: 30000, to: 'vip' } })).status).toBe(200);
      expect((await r.req('DELETE', '/api/queues/vip', admin)).body.message).toMatch(/queue sales overflows to it/);
      expect((await r.req('PATCH', '/api/queues/sales', admin, { overflow: null })).body.definition.overflow).toBeUndefined();

      // Deleted: gone from the database and the ACD.
      expect((await r.req('DELETE', '/api/queues/vip', admin)).status).toBe(204);
      expect((await r.req('DELETE', '/api/queues/spare', admin)).status).toBe(204);
      expect((await r.req('GET', '/api/queues/vip', agent)).status).toBe(404);
      expect(await state(r)).toEqual({
        stored: ['general:ring-all', 'sales:longest-idle'],
        running: ['general:ring-all', 'sales:longest-idle'],
      });

      // In the OpenAPI document, with bodies and responses.
      const doc = (await r.app.inject({ method: 'GET', url: '/docs/json' })).json() as {
        paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      };
      expect(Object.keys(doc.paths['/api/queues/']!).sort()).toEqual(['get', 'post']);
      expect(Object.keys(doc.paths['/api/queues/{name}']!).sort()).toEqual(['delete', 'get', 'patch', 'put']);
      for (const [p, m] of [
        ['/api/queues/', 'post'],
        ['/api/queues/{name}', 'put'],
        ['/api/queues/{name}', 'patch'],
      ] as const) {
        expect(doc.paths[p]![m]!.requestBody, `${m} ${p}`).toBeDefined();
        expect(Object.keys(doc.paths[p]![m]!.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409']));
      }
    });

    it('seeds the YAML once; after that the database is the truth (unedited queues follow the YAML, edits and deletions stay)', async () => {
      const url = await d.url();
      let r = await start(url);
      const admin = await r.token('admin');
      expect((await r.req('PATCH', '/api/queues/general', admin, { ringTimeoutMs: 25000 })).status).toBe(200);
      expect((await r.req('DELETE', '/api/queues/spare', admin)).status).toBe(204);
      expect((await r.req('POST', '/api/queues', admin, { name: 'vip', strategy: 'fifo', agents: ['a1'] })).status).toBe(201);
      await r.close();

      // The YAML changed for sales (never edited) and general (edited over the API).
      r = await start(url, yaml(12000, 9000));
      const sup = await r.token('supervisor');
      const defs = async () =>
        Object.fromEntries(
          (await Promise.all(['sales', 'general', 'vip'].map((n) => r.req('GET', `/api/queues/${n}/definition`, sup)))).map((x) => [
            x.body.name,
            [x.body.origin, x.body.definition.ringTimeoutMs ?? null],
          ]),
        );
      expect(await defs()).toEqual({ sales: ['config', 12000], general: ['api', 25000], vip: ['api', 15000] });
      expect((await r.req('GET', '/api/queues/spare', sup)).status).toBe(404);
      expect(await state(r)).toEqual({
        stored: ['general:ring-all', 'sales:longest-idle', 'vip:fifo'],
        running: ['general:ring-all', 'sales:longest-idle', 'vip:fifo'],
      });
      // The running queues are the database's: a fifo queue announces by default.
      expect(r.rt.callCenter!.acd.queue('vip')!.config.announce).toMatchObject({ everyMs: 30000, position: true });
      expect(r.rt.callCenter!.acd.queue('general')!.config.ringTimeoutMs).toBe(25000);
      expect(r.log.lines.some((e) => /edited over the API/.test(String(e.msg)) && e.queue === 'general')).toBe(true);
      // A deleted YAML queue created again over the API is back.
      expect((await r.req('POST', '/api/queues', await r.token('admin'), { name: 'spare', strategy: 'circular' })).status).toBe(201);
      expect((await r.req('GET', '/api/queues/spare', sup)).body.strategy).toBe('circular');
    });
  });
}
