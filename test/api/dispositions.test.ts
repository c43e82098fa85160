// Wrap-up dispositions and the customer's category and region, on SQLite and
// PostgreSQL: GET /api/dispositions lists the configuration's codes (the
// default list, or a YAML's own); a real call on the simulated board answered
// at 101 gets a disposition and a note from its agent (PATCH
// /api/call-records/:id), which GET and ?disposition= then show; unknown
// codes, malformed bodies and other agents' calls are refused and change
// nothing. Customers carry a category and a region, set, changed and
// filtered on.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { startRig, type Rig } from '../e2e/harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);

/** A caller on line 1 keys '#', extension 101 rings and answers, then the caller hangs up: the call's record. */
async function answeredCall(from: string): Promise<Record<string, any>> {
  const placed = await rig!.sim('POST', '/api/sim/calls', { from, to: 'line:1' });
  expect(placed.status).toBe(201);
  const id = placed.body.id as number;
  for (let t = 0; t < 10_000 && !(await rig!.sim('GET', `/api/sim/calls/${id}`)).body.voice; t += 200) await rig!.run(200);
  await rig!.sim('POST', `/api/sim/calls/${id}/digits`, { digits: '#' });
  for (let t = 0; t < 10_000 && !(await rig!.sim('GET', '/api/sim/phones/101')).body.ringing; t += 200) await rig!.run(200);
  expect((await rig!.sim('POST', '/api/sim/phones/101/offhook')).status).toBe(200);
  await rig!.run(2000);
  await rig!.sim('DELETE', `/api/sim/calls/${id}`);
  await rig!.run(3000);
  await rig!.sim('POST', '/api/sim/phones/101/onhook');
  await rig!.run(1000);
  await rig!.rt.telephony.settled();
  const admin = await rig!.token();
  const list = (await req('GET', `/api/call-records?number=${from}`, admin)).body;
  expect(list.items).toHaveLength(1);
  return list.items[0];
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`dispositions and customer categories on ${title(d)}`, () => {
    it('lists the default codes, and an agent gives their call a disposition and a note', async () => {
      rig = await startRig({ database: await d.url() });
      const agent = await rig.token('agent', { username: 'li', extension: '101' });
      const other = await rig.token('agent', { username: 'wu', extension: '102' });
      const supervisor = await rig.token('supervisor');
      expect((await req('GET', '/api/dispositions')).status).toBe(401);
      const codes = await req('GET', '/api/dispositions', agent);
      expect(codes.status).toBe(200);
      expect(codes.body).toContainEqual({ code: 'order', label: 'Order placed' });
      expect((codes.body as unknown as { code: string }[]).map((c) => c.code)).toEqual(rig.config.dispositions.map((c) => c.code));

      const rec = await answeredCall('13800138000');
      expect(rec).toMatchObject({ result: 'answered', agent: '101', disposition: null, dispositionNote: null });
      const path = `/api/call-records/${rec.id}`;

      // Refused, and nothing changes: an unknown code, wrong types, unknown fields, a missing code, someone else's call.
      for (const body of [
        { disposition: 'no-such-code' },
        { disposition: 5 },
        { disposition: 'order', dispositionNote: 7 },
        { disposition: 'order', extra: true },
        { dispositionNote: 'just a note' },
        { disposition: 'Order!' },
        { disposition: 'order', dispositionNote: 'x'.repeat(2001) },
      ]) {
        const r = await req('PATCH', path, agent, body);
        expect(r.status, JSON.stringify(body)).toBe(400);
        expect(r.body.code).toMatch(/^CTI_ERR_/);
      }
      expect((await req('PATCH', path, other, { disposition: 'order' })).status).toBe(404);
      expect((await req('PATCH', '/api/call-records/no-such-call', agent, { disposition: 'order' })).status).toBe(404);
      expect((await req('GET', path, agent)).body).toMatchObject({ disposition: null, dispositionNote: null });

      const set = await req('PATCH', path, agent, { disposition: 'order', dispositionNote: ' Ordered 20 units of X-200 ' });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ id: rec.id, disposition: 'order', dispositionNote: 'Ordered 20 units of X-200' });
      expect((await req('GET', path, agent)).body).toMatchObject({ disposition: 'order', dispositionNote: 'Ordered 20 units of X-200' });
      expect((await req('GET', '/api/call-records?disposition=order', supervisor)).body.items.map((r: any) => r.id)).toEqual([rec.id]);
      expect((await req('GET', '/api/call-records?disposition=complaint', supervisor)).body.total).toBe(0);
      expect((await req('GET', '/api/call-records?disposition=Bad!', supervisor)).status).toBe(400);
      // A supervisor corrects it; null clears it.
      expect((await req('PATCH', path, supervisor, { disposition: 'complaint' })).body).toMatchObject({
        disposition: 'complaint',
        dispositionNote: null,
      });
      expect((await req('PATCH', path, agent, { disposition: null })).body).toMatchObject({ disposition: null });
      // Saving the record again (the telephony core's replace) keeps the disposition.
      await req('PATCH', path, agent, { disposition: 'support', dispositionNote: 'reset the router' });
      const stored = await rig.stores!.callRecords.get(rec.id);
      await rig.stores!.callRecords.save({ ...stored!, vars: { ...stored!.vars } });
      expect((await req('GET', path, agent)).body).toMatchObject({ disposition: 'support', dispositionNote: 'reset the router' });
    }, 60_000);

    it('customers have a category and a region, set, changed, filtered on and checked', async () => {
      rig = await startRig({ database: await d.url() });
      const agent = await rig.token('agent', { username: 'li', extension: '101' });
      const a = await req('POST', '/api/customers', agent, { name: 'Zhang Wei', category: 'wholesale', region: 'south', phones: [] });
      expect(a.status).toBe(201);
      expect(a.body).toMatchObject({ category: 'wholesale', region: 'south' });
      const b = await req('POST', '/api/customers', agent, { name: 'Li Na' });
      expect(b.body).toMatchObject({ category: null, region: null });
      expect((await req('PATCH', `/api/customers/${b.body.id}`, agent, { category: 'retail', region: 'south' })).body).toMatchObject({
        category: 'retail',
        region: 'south',
      });
      const names = async (q: string) => (await req('GET', `/api/customers?${q}`, agent)).body.items.map((c: any) => c.name);
      expect(await names('category=retail')).toEqual(['Li Na']);
      expect(await names('region=south')).toEqual(['Zhang Wei', 'Li Na']);
      expect(await names('region=north')).toEqual([]);
      for (const body of [{ category: 5 }, { region: 'x'.repeat(65) }, { region: true }]) {
        const r = await req('PATCH', `/api/customers/${a.body.id}`, agent, body);
        expect(r.status, JSON.stringify(body)).toBe(400);
      }
      expect((await req('GET', '/api/customers?category=', agent)).status).toBe(400);
      expect((await req('GET', `/api/customers/${a.body.id}`, agent)).body).toMatchObject({ category: 'wholesale', region: 'south' });
      expect((await req('PATCH', `/api/customers/${a.body.id}`, agent, { category: null })).body).toMatchObject({ category: null });
    }, 60_000);
  });
}

describe('dispositions in the configuration', () => {
  const base = 'boards: [{ name: sim0, driver: sim, fxs: 2, fxo: 2, e1: 0 }]\n';
  it('has a default list, takes its own, and refuses a code listed twice or malformed', async () => {
    expect(parseConfig(base).dispositions.map((d) => d.code)).toContain('other');
    const own = parseConfig(`${base}dispositions:\n  - { code: sale, label: Sale }\n  - { code: no-sale }\n`);
    expect(own.dispositions).toEqual([{ code: 'sale', label: 'Sale' }, { code: 'no-sale' }]);
    expect(() => parseConfig(`${base}dispositions: [{ code: sale }, { code: sale }]\n`)).toThrow(/listed twice/);
    expect(() => parseConfig(`${base}dispositions: [{ code: 'Sale Won' }]\n`)).toThrow(/dispositions/);
    rig = await startRig({ config: `${base}dispositions: [{ code: sale, label: Sale }, { code: no-sale }]\n`, database: 'sqlite' });
    const token = await rig.token('supervisor');
    expect((await req('GET', '/api/dispositions', token)).body).toEqual([
      { code: 'sale', label: 'Sale' },
      { code: 'no-sale', label: 'no-sale' },
    ]);
  });
});
