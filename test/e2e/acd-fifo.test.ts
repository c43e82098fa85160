// A FIFO queue on the simulated board: callers hear their position and
// estimated wait (detected by audio at the caller's end: the built-in
// announcer's DTMF 'A' + position, 'B' + minutes), the estimate is checked
// against what the caller then really waited, and an announcement stops the
// instant the agent answers (the agent hears none of it). On SQLite and on
// PostgreSQL (when one can be started), the agent a database account; the
// call records say what each caller waited and who answered.
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, title } from '../support/dialects.ts';
import { ACD_DB_BOARD, AGENT, dbAgents, queueRecords } from './acd-config.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const digitsAfter = (heard: readonly { kind: string; value: string; atMs: number }[], t: number) =>
  heard
    .filter((h) => h.kind === 'digit' && h.atMs > t)
    .map((h) => h.value)
    .join('');

for (const d of dialects())
  describe.skipIf(!!d.skip)(`a FIFO queue with announcements, end to end, records on ${title(d)}`, () => {
    it('announces position and wait by audio; the estimate matches the real wait; the agent hears no tail of it', async () => {
      rig = await startRig({
        config: `${ACD_DB_BOARD}
queues:
  - { name: support, strategy: fifo, agents: ["${AGENT.a1}"], defaultHandleMs: 20000, announce: { everyMs: 5000 } }
routes:
  inbound:
    - { lines: any, queue: support }
`,
        database: await d.url(),
      });
      const { rt } = rig;
      const cc = rt.callCenter!;
      await dbAgents(rig);
      cc.agents.login(AGENT.a1);
      const phone = rt.world.phones.get('101');

      // Caller 1 gets a1 at once.
      const c1 = rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
      await rig.until(phone.waitFor('ringing', { timeoutMs: 60_000 })); // after the customer look-up (database I/O)
      phone.offhook();
      await rig.until(c1.waitFor('connected'));
      await rig.run(2000);

      // Caller 2 and 3 wait: 3 hears 'A2' (position 2) and an estimate in minutes.
      const c2 = rt.world.pstn.call({ from: '13800000002', to: 'line:2' });
      await rig.run(1000);
      const c3 = rt.world.pstn.call({ from: '13800000003', to: 'line:3' });
      await rig.until(c3.waitFor('digit:A', { timeoutMs: 10_000 }));
      expect(await rig.until(c3.waitFor('digits', { timeoutMs: 2000 }))).toBe('2');
      await rig.until(c3.waitFor('digit:B', { timeoutMs: 2000 }));
      expect(Number(await rig.until(c3.waitFor('digits', { timeoutMs: 2000 })))).toBeGreaterThanOrEqual(1);
      const e2 = cc.acd.entries().find((e) => e.number === '13800000002')!;
      const first = e2.announcements[0]!;
      expect(first.position).toBe(1);
      expect(first.estimateMs).toBeGreaterThan(10_000);

      // a1 finishes with caller 1 after 20 s of talk; caller 2 is next.
      await rig.run(20_000 - (rt.telephony.clock.now() - rt.telephony.activeCalls()[0]!.answeredAt!));
      c1.hangup();
      await rig.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
      phone.onhook();
      await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
      phone.offhook();
      await rig.until(new Promise<void>((r) => cc.acd.once('acd:answered', () => r())), 5000);
      const waited = Number(e2.call.vars.queueWaitMs);
      // The estimate made at the first announcement, against what caller 2 really waited from then on.
      const really = e2.arrivedAt + waited - first.at;
      expect(Math.abs(first.estimateMs! - really)).toBeLessThan(4000);

      // Caller 3 is now first; a1 ends caller 2 at once and answers 3 in the middle of an announcement.
      await rig.run(1000);
      c2.hangup();
      await rig.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
      phone.onhook();
      await rig.until(phone.waitFor('ringing', { timeoutMs: 10_000 }));
      const ringAt = rt.world.nowMs;
      let a = await rig.until(c3.waitFor('digit:A', { timeoutMs: 10_000 }));
      while (a.atMs < ringAt) a = await rig.until(c3.waitFor('digit:A', { timeoutMs: 10_000 }));
      phone.offhook();
      await rig.run(3000);
      // Nothing of the announcement after the 'A' reached either end: no position digit, no 'B'.
      expect(digitsAfter(c3.heard, a.atMs)).toBe('');
      expect(digitsAfter(phone.heard, 0)).toBe('');
      const call3 = rt.telephony.activeCalls().find((c) => c.from === '13800000003')!;
      expect(call3.legs[0]!.partner).toBeDefined();
      expect(cc.acd.invariants()).toEqual([]);
      expect(cc.agents.invariants(cc.acd.probe)).toEqual([]);

      // The records: all three answered by a1, each with the wait the ACD measured.
      c3.hangup();
      await rig.run(3000);
      phone.onhook();
      await rig.run(1000);
      const recs = await queueRecords(rig, 'support', 3);
      expect(recs.map((x) => [x.from, x.result, x.agent])).toEqual([
        ['13800000001', 'answered', AGENT.a1],
        ['13800000002', 'answered', AGENT.a1],
        ['13800000003', 'answered', AGENT.a1],
      ]);
      expect(recs[1]!.waitMs).toBe(waited);
      expect(recs[2]!.waitMs).toBeGreaterThan(waited);
      expect(recs[0]!.talkMs).toBeGreaterThan(19_000); // the 20 s from the line's answer, less the ring before a1 answered
    });
  });
