// A queue that tells the caller who answered: on answer the caller hears the
// agent's number (here the DTMF-coded announcer: C + the number's digits,
// detected at the caller's end), the agent hears none of it, and then the two
// are joined.
import { afterEach, describe, expect, it } from 'vitest';
import { ACD_BOARD } from './acd-config.ts';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('announcing the agent to the caller', () => {
  it("plays the agent's number to the caller alone on answer, then bridges", async () => {
    rig = await startRig({
      config: `${ACD_BOARD}\nqueues:\n  - { name: q, strategy: linear, agents: [a2], announceAgent: true }\nroutes:\n  inbound:\n    - { lines: any, queue: q }\n`,
    });
    const cc = rig.rt.callCenter!;
    await rig.until(cc.ready);
    cc.agents.login('a2');
    const caller = rig.rt.world.pstn.call({ from: '13800000001', to: 'line:1' });
    const phone = rig.rt.world.phones.get('102');
    await rig.until(phone.waitFor('ringing', { timeoutMs: 15_000 }));
    phone.offhook();
    await rig.until(caller.waitFor('digit:C', { timeoutMs: 5000 }));
    await rig.until(caller.waitFor('digit:2', { timeoutMs: 3000 }));
    await rig.run(1000);
    // Then the two talk: a key from the agent reaches the caller.
    phone.dial('5');
    await rig.until(caller.waitFor('digit:5', { timeoutMs: 3000 }));
    expect(caller.log.digits()).toBe('C25');
    expect(phone.log.digits()).not.toContain('C');
    expect(cc.agents.get('a2')!.state).toBe('on-call');
  });
});
