// The scenario end to end, on the simulated board with the default
// configuration: a PSTN caller dials in on an FXO line -> the server answers ->
// the caller hears the prompt (detected by audio at the caller's end) ->
// presses digits that the server collects -> extension 101 rings with the
// caller's number on its display -> picks up -> audio flows both ways (a tone
// sent from each end is detected at the other) -> the caller hangs up -> the
// phone hears the line go down -> a call record exists.
import { afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './harness.ts';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('an inbound call, end to end', () => {
  it('answers, plays the prompt, collects digits, rings 101 with caller ID, bridges both ways, and records the call', async () => {
    rig = await startRig();
    const { rt } = rig;
    const world = rt.world!;
    const caller = world.pstn.call({ from: '13800138000', to: 'line:1' });
    const phone = world.phones.get('101');

    await rig.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
    // The prompt, heard as voice at the caller's end of the line.
    const prompt = await rig.until(caller.waitFor('voice', { timeoutMs: 5000 }));
    expect(prompt.atMs).toBeGreaterThan(0);
    caller.press('42#');
    // Extension 101 rings; its display shows the caller's number once the FSK
    // caller ID sent in the first ring pause is decoded (500 ms into the pause).
    await rig.until(phone.waitFor('ringing', { timeoutMs: 15_000 }));
    expect(phone.state.display).toBe(null);
    await rig.run(2500);
    expect(phone.state.display).toBe('13800138000');
    const call = rt.telephony.activeCalls()[0]!;
    expect(call.vars.digits).toBe('42');
    expect(call.from).toBe('13800138000');
    // The caller hears ringback meanwhile.
    await rig.until(caller.waitFor('tone:ringback', { timeoutMs: 10_000 }));

    phone.offhook();
    const extLeg = call.legs[1]!;
    expect(await rig.until(extLeg.waitForAnswer(5000))).toBe(true);
    await rig.run(200);
    expect(call.legs[0]!.partner).toBe(extLeg);
    expect(call.legs.map((l) => l.state)).toEqual(['connected', 'connected']);
    // Audio both ways: keys and a tone from each end, detected at the other.
    await rig.run(1500);
    caller.press('5');
    expect((await rig.until(phone.waitFor('digit:5', { timeoutMs: 3000 }))).value).toBe('5');
    phone.dial('7');
    expect((await rig.until(caller.waitFor('digit:7', { timeoutMs: 3000 }))).value).toBe('7');
    caller.play('ced', 2500);
    await rig.until(phone.waitFor('tone:ced', { timeoutMs: 4000 }));
    await rig.run(1000);

    caller.hangup();
    // The phone hears the line go down: busy tone.
    await rig.until(phone.waitFor('tone:busy', { timeoutMs: 8000 }));
    const ended = await rig.until(call.ended, 2000);
    expect(ended.cause).toBe('remote-hangup');
    expect(ended.detail).toBe('polarity');
    phone.onhook();
    await rig.run(1500);

    const [rec] = await rt.telephony.records.list();
    expect(rec).toMatchObject({
      id: call.id,
      direction: 'inbound',
      from: '13800138000',
      to: '075526600001',
      cause: 'remote-hangup',
      detail: 'polarity',
      vars: { digits: '42' },
    });
    expect(rec!.legs.map((l) => [l.kind, l.channel, l.extension, l.cause, l.callerId])).toEqual([
      ['fxo', 9, null, 'remote-hangup', '13800138000'], // captured from the line's FSK caller ID
      ['fxs', 1, '101', 'remote-hangup', '13800138000'],
    ]);
    expect(rec!.answerMs).not.toBeNull();
    expect(rec!.durationMs).toBeGreaterThan(5000);
    // Nothing left on any channel.
    for (const b of rt.boards()) for (const c of b.channels) expect([c.lineState, c.call, c.clearing]).toEqual(['idle', null, false]);
  });

  it('releases the caller with no-answer when the extension does not pick up', async () => {
    rig = await startRig({
      config: `
boards: [ { driver: sim, fxs: 2, fxo: 2, e1: 0 } ]
extensions: [ { number: "101", port: "fxs:1" } ]
routes:
  inbound:
    - { lines: any, ring: "101", ringTimeoutMs: 8000 }
`,
    });
    const caller = rig.rt.world!.pstn.call({ from: '13800138000', to: 'line:2' });
    await rig.until(caller.waitFor('connected', { timeoutMs: 10_000 }));
    await rig.until(caller.waitFor('ended', { timeoutMs: 15_000 }));
    const [rec] = await rig.rt.telephony.records.list();
    expect(rec).toMatchObject({ cause: 'no-answer' });
    expect(rec!.legs[1]).toMatchObject({ kind: 'fxs', cause: 'no-answer' });
  });

  it('a caller ID message with a bit error shows no number (never a wrong one), and the call goes on', async () => {
    rig = await startRig();
    const { rt } = rig;
    const caller = rt.world.pstn.call({ from: '13800138000', to: 'line:3', callerIdBitError: true });
    const phone = rt.world.phones.get('101');
    // With no caller ID the line is answered at the second ring.
    await rig.until(caller.waitFor('connected', { timeoutMs: 12_000 }));
    const call = rt.telephony.activeCalls()[0]!;
    expect(call.from).toBeUndefined();
    expect(call.legs[0]!.callerId).toBeUndefined();
    await rig.until(caller.waitFor('voice', { timeoutMs: 5000 }));
    caller.press('7#');
    await rig.until(phone.waitFor('ringing', { timeoutMs: 15_000 }));
    await rig.run(3000); // past the first ring pause: nothing to send, nothing shown
    expect(phone.state.display).toBe(null);
    phone.offhook();
    expect(await rig.until(call.legs[1]!.waitForAnswer(5000))).toBe(true);
    caller.hangup();
    await rig.until(call.ended, 8000);
    phone.onhook();
    await rig.run(1500);
  });
});
