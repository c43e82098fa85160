// Real calls on the simulated board, on SQLite and PostgreSQL: the agent at
// extension 101 has a WebSocket open; a known caller's record (and the digits
// they keyed) pops on it while the phone is still ringing, an unknown caller
// pops an empty record with the number filled in; the supervisor sees both,
// the agent sees nothing meant for supervisors; and the call records written
// by the calls say what happened (answered by 101, abandoned while ringing).
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from '../e2e/harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const req = (...a: Parameters<Rig['req']>) => rig!.req(...a);
/** a technician's token: the simulated board's controls are theirs */
let simToken: string | undefined;

interface Stream {
  events: { topic: string; type: string; data: any }[];
  close(): void;
}

async function stream(token: string): Promise<Stream> {
  await rig!.app.ready();
  const events: Stream['events'] = [];
  const ws = await rig!.app.injectWS(
    `/api/ws?token=${token}`,
    {},
    { onInit: (w) => w.on('message', (m: Buffer) => events.push(JSON.parse(m.toString()))) },
  );
  for (let i = 0; i < 50 && !events.length; i++) await new Promise((r) => setTimeout(r, 10));
  return { events, close: () => ws.terminate() };
}

/** Places a call into line 1 and waits until the caller hears the prompt. */
async function callIn(from: string): Promise<number> {
  const placed = await req('POST', '/api/sim/calls', simToken, { from, to: 'line:1' });
  expect(placed.status).toBe(201);
  const id = placed.body.id as number;
  for (let t = 0; t < 10_000; t += 200) {
    await rig!.run(200);
    if ((await req('GET', `/api/sim/calls/${id}`, simToken)).body.voice) return id;
  }
  throw new Error('the caller never heard the prompt');
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`calls, screen pops and call records on ${title(d)}`, () => {
    it('pops the caller to the ringing agent before the answer, and records what happened', async () => {
      rig = await startRig({ database: await d.url() });
      simToken = await rig.token('technician');
      const agentToken = await rig.token('agent', { username: 'li', extension: '101' });
      const supervisorToken = await rig.token('supervisor');
      const li = (await req('GET', '/api/auth/me', agentToken)).body;
      const agentWs = await stream(agentToken);
      const supWs = await stream(supervisorToken);
      expect(agentWs.events[0]).toMatchObject({
        type: 'session:hello',
        data: { account: { username: 'li', role: 'agent' }, topics: [`agent:${li.id}`, 'agents'] },
      });

      const wang = await req('POST', '/api/customers', agentToken, {
        name: 'Wang Fang',
        company: 'Acme',
        phones: [{ number: '+86 138 0013 8000' }],
        vip: true,
      });
      expect(wang.status).toBe(201);
      await req('POST', `/api/customers/${wang.body.id}/history`, agentToken, { kind: 'note', summary: 'invoice 2291 disputed' });

      // A known caller: keys 12#, extension 101 rings, the record pops first.
      const first = await callIn('13800138000');
      await req('POST', `/api/sim/calls/${first}/digits`, simToken, { digits: '12#' });
      for (let t = 0; t < 5000 && !agentWs.events.some((e) => e.type === 'screen:pop'); t += 200) await rig.run(200);
      const phone = (await req('GET', '/api/sim/phones/101', simToken)).body;
      expect(phone).toMatchObject({ hook: 'on', ringing: true });
      const pop = agentWs.events.find((e) => e.type === 'screen:pop')!;
      expect(pop).toMatchObject({
        topic: `agent:${li.id}`,
        data: { number: '13800138000', known: true, customer: { name: 'Wang Fang', vip: true }, draft: null, ivr: { digits: '12' } },
      });
      expect(pop.data.history.map((h: any) => h.summary)).toEqual(['invoice 2291 disputed']);
      expect(supWs.events.some((e) => e.type === 'screen:pop' && e.data.callId === pop.data.callId)).toBe(true);

      await req('POST', '/api/sim/phones/101/offhook', simToken);
      await rig.run(3000);
      await req('DELETE', `/api/sim/calls/${first}`, simToken);
      await rig.run(3000);
      await req('POST', '/api/sim/phones/101/onhook', simToken);
      await rig.run(1000);

      // An unknown caller hangs up while 101 rings: an empty record pops, the call is abandoned.
      const second = await callIn('13912345678');
      await req('POST', `/api/sim/calls/${second}/digits`, simToken, { digits: '#' });
      for (let t = 0; t < 5000 && agentWs.events.filter((e) => e.type === 'screen:pop').length < 2; t += 200) await rig.run(200);
      const unknown = agentWs.events.filter((e) => e.type === 'screen:pop')[1]!;
      expect(unknown.data).toMatchObject({
        number: '13912345678',
        known: false,
        customer: null,
        draft: { name: '', phones: [{ number: '13912345678' }] },
      });
      await req('DELETE', `/api/sim/calls/${second}`, simToken);
      await rig.run(3000);
      expect((await req('GET', '/api/health')).body.calls.active).toBe(0);

      // Supervisors' topics do not reach agents.
      rig.rt.events.publish('supervisor', 'queue:stats', { waiting: 0 });
      await new Promise((r) => setTimeout(r, 50));
      expect(supWs.events.some((e) => e.type === 'queue:stats')).toBe(true);
      expect(agentWs.events.some((e) => e.type === 'queue:stats')).toBe(false);
      agentWs.close();
      supWs.close();

      const list = (await req('GET', '/api/call-records', supervisorToken)).body;
      expect(list.total).toBe(2);
      const [abandoned, answered] = list.items;
      expect(answered).toMatchObject({
        direction: 'inbound',
        from: '13800138000',
        result: 'answered',
        agent: '101',
        vars: { digits: '12' },
      });
      expect(answered.legs.map((l: any) => [l.kind, l.extension])).toEqual([
        ['fxo', null],
        ['fxs', '101'],
      ]);
      expect(answered.waitMs).toBeGreaterThan(0);
      expect(answered.talkMs).toBeGreaterThan(2000);
      expect(abandoned).toMatchObject({ from: '13912345678', result: 'abandoned', agent: null });
      expect(abandoned.waitMs).toBeGreaterThan(0);
      expect((await req('GET', `/api/call-records/${answered.id}`, supervisorToken)).body.id).toBe(answered.id);
      expect((await req('GET', '/api/call-records?result=abandoned', supervisorToken)).body.items.map((r: any) => r.id)).toEqual([
        abandoned.id,
      ]);
      // The agent sees the call they answered, not the other.
      expect((await req('GET', '/api/call-records', agentToken)).body.items.map((r: any) => r.id)).toEqual([answered.id]);
      expect((await req('GET', `/api/call-records/${abandoned.id}`, agentToken)).status).toBe(404);
    });

    it('customers over the API: create, read, look up by number, change, history, delete', async () => {
      rig = await startRig({ database: await d.url() });
      const agent = await rig.token('agent');
      const supervisor = await rig.token('supervisor');
      const c = await req('POST', '/api/customers', agent, {
        name: 'Zhao Lei',
        phones: [{ number: '020-8888-6666', label: 'office' }],
        contacts: [{ name: 'Ms Qian', role: 'assistant' }],
        address: 'Beijing Rd 5',
        notes: 'call after 10',
      });
      expect(c).toMatchObject({
        status: 201,
        body: {
          name: 'Zhao Lei',
          vip: false,
          priority: 0,
          phones: [{ number: '020-8888-6666', normalized: '02088886666', label: 'office' }],
        },
      });
      const id = c.body.id;
      expect((await req('GET', `/api/customers/${id}`, agent)).body.contacts).toEqual([{ name: 'Ms Qian', role: 'assistant' }]);
      expect((await req('GET', '/api/customers/lookup?number=%2B862088886666', agent)).body.map((x: any) => x.id)).toEqual([id]);
      expect((await req('GET', '/api/customers/lookup?number=13800000000', agent)).body).toEqual([]);
      const changed = await req('PATCH', `/api/customers/${id}`, agent, { vip: true, priority: 3 });
      expect(changed.body).toMatchObject({ vip: true, priority: 3, phones: [{ normalized: '02088886666' }] });
      expect((await req('GET', '/api/customers?q=zhao&limit=10', agent)).body).toMatchObject({ total: 1, items: [{ id }] });
      const h = await req('POST', `/api/customers/${id}/history`, agent, { kind: 'call', summary: 'wants a quote', callId: 'abc' });
      expect(h.status).toBe(201);
      expect((await req('GET', `/api/customers/${id}/history`, agent)).body).toMatchObject([
        { kind: 'call', summary: 'wants a quote', callId: 'abc' },
      ]);
      expect((await req('DELETE', `/api/customers/${id}`, agent)).status).toBe(403);
      expect((await req('DELETE', `/api/customers/${id}`, supervisor)).status).toBe(204);
      expect(await req('GET', `/api/customers/${id}`, agent)).toMatchObject({ status: 404, body: { code: 'CTI_ERR_NOT_FOUND' } });
      expect((await req('PATCH', `/api/customers/${id}`, agent, { name: 'x' })).status).toBe(404);
    });
  });
}
