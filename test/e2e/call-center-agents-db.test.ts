// Agents from the database on the simulated board: a desk-phone login by
// feature code checks the PIN against the account's hash; after a crash the
// states persisted in the database are restored and reconciled (no agent left
// ringing or on-call); a VIP customer jumps the line; a blacklisted caller is
// rejected with busy and recorded so. Database I/O (scrypt, look-ups) takes
// wall time the stepped world does not wait for: timeouts here are generous.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACD_BOARD } from './acd-config.ts';
import { startRig, type Rig } from './harness.ts';
import { dialects, title } from '../support/dialects.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

// The shared board without its YAML agents: agents come from the accounts.
const BOARD = ACD_BOARD.slice(0, ACD_BOARD.indexOf('agents:'));
const CONFIG = `${BOARD}
queues:
  - { name: q, strategy: linear, agents: ["2001", "2002"] }
routes:
  inbound:
    - { lines: any, queue: q }
`;

async function agents(r: Rig): Promise<void> {
  await r.token('agent', { username: 'li', extension: '101', agentNumber: '2001', pin: '1111' });
  await r.token('agent', { username: 'wang', extension: '102', agentNumber: '2002', pin: '2222' });
  const cc = r.rt.callCenter!;
  await r.until(cc.ready);
  for (let t = 0; t < 5000 && cc.agents.all().length < 2; t += 100) await r.run(100);
  expect(cc.agents.all().map((a) => a.id)).toEqual(['2001', '2002']);
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`agents from the database on ${title(d)}`, () => {
    it('*11 number # PIN # logs in with the PIN of the account; a wrong PIN is refused', async () => {
      rig = await startRig({ config: CONFIG, database: await d.url() });
      await agents(rig);
      const cc = rig.rt.callCenter!;
      const phone = rig.rt.world.phones.get('101');
      for (const [pin, state] of [
        ['9999', 'logged-out'],
        ['1111', 'ready'],
      ] as const) {
        phone.offhook();
        await rig.until(phone.waitFor('tone:dial', { timeoutMs: 3000 }));
        phone.dial(`*112001#${pin}#`);
        await rig.until(phone.waitFor(state === 'ready' ? 'tone:dial' : 'tone:congestion', { timeoutMs: 60_000 }));
        expect(cc.agents.get('2001')!.state).toBe(state);
        phone.onhook();
        await rig.run(1000);
      }
      const events = await rig.stores!.agentStates.events('2001');
      expect(events.map((e) => `${e.from}>${e.to}`)).toEqual(['logged-out>ready']);
    });

    it('after a crash, agents saved ringing or on-call in the database come back ready, the reason in their history', async () => {
      const url = d.name === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'boardcti-db-')), 'restart.sqlite')}` : await d.url();
      rig = await startRig({ config: CONFIG, database: url });
      await agents(rig);
      let cc = rig.rt.callCenter!;
      cc.agents.login('2001');
      cc.agents.login('2002');
      rig.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      rig.rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await rig.until(rig.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 60_000 }));
      rig.rt.world.phones.get('101').offhook();
      await rig.until(rig.rt.world.phones.get('102').waitFor('ringing', { timeoutMs: 60_000 }));
      await rig.run(200);
      expect([cc.agents.get('2001')!.state, cc.agents.get('2002')!.state]).toEqual(['on-call', 'ringing']);
      await rig.stores!.agentStates.close(); // the process dies: nothing more reaches the database
      await rig.close();

      rig = await startRig({ config: CONFIG, database: url });
      cc = rig.rt.callCenter!;
      await rig.until(cc.ready);
      expect([cc.agents.get('2001')!.state, cc.agents.get('2002')!.state]).toEqual(['ready', 'ready']);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);
      const last = (await rig.stores!.agentStates.events('2001')).at(-1)!;
      expect(last).toMatchObject({ from: 'on-call', to: 'ready' });
      expect(last.why).toMatch(/^reconciled/);
      rig.rt.world.pstn.call({ from: '13800000003', to: 'line:1' });
      await rig.until(rig.rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 60_000 }));
    });

    it('a VIP customer jumps the line; a blacklisted caller hears busy and is recorded rejected', async () => {
      rig = await startRig({ config: CONFIG, database: await d.url() });
      await agents(rig);
      const { rt, stores } = rig;
      const cc = rt.callCenter!;
      await stores!.customers.create({ name: 'Big Client', vip: true, phones: [{ number: '13900000009' }] });
      await stores!.blacklist.create({ pattern: '1390000066*', action: 'reject' });
      cc.agents.login('2001', { ready: false });
      const ordinary = rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await rig.until(ordinary.waitFor('connected', { timeoutMs: 60_000 }));
      await rig.run(2000);
      const vip = rt.world.pstn.call({ from: '13900000009', to: 'line:2' });
      await rig.until(vip.waitFor('connected', { timeoutMs: 60_000 }));
      // The customer look-up is database I/O, which the stepped world does not wait for.
      for (let t = 0; t < 60_000 && cc.acd.queue('q')!.entries.length < 2; t += 100) await rig.run(100);
      expect(cc.acd.queue('q')!.entries.map((e) => [e.number, e.priority])).toEqual([
        ['13900000009', 10],
        ['13800000001', 0],
      ]);
      cc.agents.ready('2001');
      await rig.until(rt.world.phones.get('101').waitFor('ringing', { timeoutMs: 60_000 }));
      await rig.run(2500);
      expect(rt.world.phones.get('101').state.display).toBe('13900000009');

      const spam = rt.world.pstn.call({ from: '13900000666', to: 'line:3' });
      await rig.until(spam.waitFor('tone:busy', { timeoutMs: 60_000 }));
      await rig.until(spam.waitFor('ended', { timeoutMs: 60_000 }));
      expect(cc.acd.entries().some((e) => e.number === '13900000666')).toBe(false);
      ordinary.hangup();
      vip.hangup();
      await rig.run(3000);
      const rec = (await stores!.callRecords.search({ number: '13900000666' })).items[0]!;
      expect(rec).toMatchObject({ result: 'rejected', queue: null, vars: { blacklist: '1390000066*' } });
    });
  });
}
