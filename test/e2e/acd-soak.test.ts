// An hour of random traffic through two queues on the simulated clock, in
// seconds of wall time: callers arrive, wait, give up, talk; agents answer
// late or not at all, wrap up, go not-ready and come back. After every 20 ms
// frame the ACD's and the agents' invariants hold.
import { afterEach, describe, expect, it } from 'vitest';
import { rng, runTraffic } from '../../bench/acd/traffic.ts';
import { ACD_BOARD } from './acd-config.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('an hour of traffic', () => {
  it('keeps every invariant at every step', async () => {
    rig = await startRig({
      config: `${ACD_BOARD}
queues:
  - { name: sales, strategy: longest-idle, skills: { sales: 1 }, wrapUpMs: 5000, ringTimeoutMs: 8000, maxMissed: 2, announce: { everyMs: 20000 }, overflow: { afterMs: 90000, to: general } }
  - { name: general, strategy: ring-all, agents: [a1, a2, a3], wrapUpMs: 2000, maxWaitMs: 300000 }
routes:
  inbound:
    - { lines: [ "fxo:1", "fxo:2" ], queue: sales }
    - { lines: any, queue: general }
`,
    });
    const { rt } = rig;
    const cc = rt.callCenter!;
    await rig.until(cc.ready);
    for (const a of cc.agents.all()) cc.agents.login(a.id);
    const r = rng(11);
    const broken: string[] = [];
    let t = 0;
    const frame = rt.config.engine.frameMs;
    const stats = await runTraffic(
      rt,
      async () => {
        await rt.engine.advance(frame);
        rt.world.pump();
        await rt.telephony.settled();
      },
      3_600_000,
      {
        seed: 5,
        trunks: ['line:1', 'line:2', 'line:3', 'line:4'],
        phones: ['101', '102', '103'],
        callsPerHour: 120,
        meanTalkMs: 60_000,
        meanPatienceMs: 120_000,
        answerMs: [1000, 6000],
        noAnswer: 0.1,
      },
      () => {
        // Now and then an agent takes a break, or comes back.
        if (++t % 500 === 0) {
          const a = cc.agents.all()[Math.floor(r() * 3)]!;
          if (a.state === 'not-ready') cc.agents.ready(a.id);
          else if (r() < 0.3) cc.agents.notReady(a.id, 'break');
        }
        if (broken.length < 5) broken.push(...cc.acd.invariants(), ...cc.agents.invariants(cc.acd.probe));
      },
    );
    expect(broken).toEqual([]);
    // About 120 callers an hour offered to 4 lines; one finding every line busy is turned away.
    expect(stats.placed).toBeGreaterThan(80);
    expect(stats.answered).toBeGreaterThan(25);
    expect(stats.answered + stats.abandoned).toBeLessThanOrEqual(stats.placed);
    const q = cc.acd.queue('sales')!.stats;
    expect(q.entered).toBeGreaterThan(10);
  });
});
