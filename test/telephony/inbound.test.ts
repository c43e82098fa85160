// Calls that arrive: a PSTN call on an FXO line or an E1 timeslot, a phone
// going off hook; answered, media on the leg, and ended with the right cause
// and a call record, on the mock engine.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { mockRig, type MockRig } from './helpers.ts';

let r: MockRig;
afterEach(async () => {
  await r?.tel.shutdown();
});

function offers(rig: MockRig): { call: Call; leg: Leg }[] {
  const got: { call: Call; leg: Leg }[] = [];
  rig.tel.on('call:offered', (o: { call: Call; leg: Leg }) => got.push(o));
  return got;
}

describe('inbound calls', () => {
  it('offers an FXO call, answers it, plays, collects digits, and ends when the caller hangs up', async () => {
    r = mockRig();
    const offered = offers(r);
    r.engine.ringIn(r.line(1));
    await r.run(20);
    expect(offered).toHaveLength(1);
    const { call, leg } = offered[0]!;
    expect(call.direction).toBe('inbound');
    expect(leg.state).toBe('offered');
    expect(leg.rings).toBe(1);
    r.engine.ringAgain(r.line(1), 2);
    await r.run(20);
    expect(leg.rings).toBe(2);

    await r.until(leg.answer());
    expect(leg.state).toBe('connected');
    expect(call.state).toBe('connected');
    expect(r.engine.commands).toContain('offhook 0/5');
    expect(r.engine.channel(r.line(1)).detect).toMatchObject({ dtmf: true, tones: true });

    const played = leg.play('/prompts/welcome.wav');
    await r.run(1000);
    r.engine.press(r.line(1), '4');
    const p = await r.until(played);
    expect(p.reason).toBe('finished');
    // Typed ahead during the prompt, then collected.
    const c = leg.collectDigits({ max: 4, timeout: 3000, terminators: '#' });
    await r.run(100);
    r.engine.press(r.line(1), '2#');
    expect(await r.until(c)).toEqual({ digits: '42', reason: 'terminator', terminator: '#' });
    expect(leg.digits).toBe('42');

    r.engine.farHangup(r.line(1), 'loop-drop');
    const ended = await r.until(call.ended);
    expect(ended.cause).toBe('remote-hangup');
    expect(ended.detail).toBe('loop-drop');
    expect(leg.state).toBe('ended');
    expect(r.engine.channel(r.line(1)).state).toBe('idle');
    expect(r.inventory.channel(r.line(1))!.leg).toBeUndefined();
    const rec = await r.tel.records.get(call.id);
    expect(rec).toMatchObject({ direction: 'inbound', cause: 'remote-hangup', detail: 'loop-drop', state: 'ended' });
    expect(rec!.legs[0]).toMatchObject({ kind: 'fxo', channel: 5, cause: 'remote-hangup', digits: '42' });
    expect(rec!.legs[0]!.history.map((h) => h.to)).toEqual(['offered', 'connected', 'disconnecting', 'ended']);
    expect(rec!.answerMs).not.toBeNull();
    expect(rec!.durationMs).toBeGreaterThan(1000);
  });

  it('ends an unanswered call as abandoned when the caller gives up', async () => {
    r = mockRig();
    const offered = offers(r);
    r.engine.ringIn(r.line(2));
    await r.run(20);
    r.engine.callerGivesUp(r.line(2));
    const call = await r.until(offered[0]!.call.ended);
    expect(call.cause).toBe('abandoned');
    expect((await r.tel.records.list())[0]).toMatchObject({ id: call.id, cause: 'abandoned', answerMs: null });
  });

  it('answers an E1 seizure and ends on clear-forward; a leg hung up by us ends normal', async () => {
    r = mockRig();
    const offered = offers(r);
    r.engine.ringIn(r.e1(3));
    await r.run(20);
    const { call, leg } = offered[0]!;
    expect(leg.channel).toMatchObject({ kind: 'e1', span: 2, timeslot: 3 });
    await r.until(leg.answer());
    r.engine.farHangup(r.e1(3), 'clear-forward');
    expect((await r.until(call.ended)).detail).toBe('clear-forward');

    r.engine.ringIn(r.e1(4));
    await r.run(20);
    const second = offered[1]!;
    await r.until(second.leg.answer());
    await r.until(second.leg.hangup());
    expect(second.call.cause).toBe('normal');
    expect(r.engine.commands).toContain('onhook 0/12');
  });

  it('offers a phone that goes off hook as an internal call', async () => {
    r = mockRig();
    const offered = offers(r);
    r.engine.phoneOffhook(r.phone(2));
    await r.run(20);
    const { call, leg } = offered[0]!;
    expect(call.direction).toBe('internal');
    expect(call.from).toBe('102');
    await r.until(leg.answer());
    expect(leg.state).toBe('connected');
    r.engine.phoneOnhook(r.phone(2));
    expect((await r.until(call.ended)).detail).toBe('onhook');
  });

  it('refuses operations the leg state does not allow, with typed errors', async () => {
    r = mockRig();
    const offered = offers(r);
    r.engine.ringIn(r.line(1));
    await r.run(20);
    const { leg } = offered[0]!;
    await expect(leg.play({ digits: '1' })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT', message: /is offered/ });
    await expect(leg.stopRinging()).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    r.engine.callerGivesUp(r.line(1));
    await r.run(40);
    await expect(leg.answer()).rejects.toMatchObject({ code: 'CTI_ERR_CANCELED', message: /abandoned/ });
    await expect(leg.collectDigits()).rejects.toMatchObject({ code: 'CTI_ERR_CANCELED' });
  });

  it('writes span, channel and call id on every line about a call', async () => {
    r = mockRig();
    const offered = offers(r);
    r.engine.ringIn(r.line(3));
    await r.run(20);
    await r.until(offered[0]!.leg.answer());
    await r.until(offered[0]!.call.hangup());
    const lines = r.log.lines.filter((l) => l.callId);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines.filter((x) => x.legId)) expect(l).toMatchObject({ span: 1, channel: 7, callId: offered[0]!.call.id });
  });
});
