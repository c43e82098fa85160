// Ringing phones with caller ID, answering, bridging, hold with music, hook
// flash, conferences, and what a phone left off hook after its call hears, on
// the mock engine.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import type { ChannelRef } from '../../src/telephony/engine-port.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { mockRig, type MockRig } from './helpers.ts';

let r: MockRig;
afterEach(async () => {
  await r?.tel.shutdown();
});

/** An answered inbound call on FXO line 1. */
async function answeredCaller(): Promise<{ call: Call; leg: Leg }> {
  let got: { call: Call; leg: Leg } | undefined;
  r.tel.once('call:offered', (o: { call: Call; leg: Leg }) => (got = o));
  r.engine.ringIn(r.line(1));
  await r.run(20);
  await r.until(got!.leg.answer());
  return got!;
}

describe('phones', () => {
  it('rings an extension with caller ID, connects when it answers, bridges, and tears down when the caller leaves', async () => {
    const shown: { ch: ChannelRef; number: string }[] = [];
    r = mockRig({ callerId: async (ch, id) => void shown.push({ ch, number: id.number }) });
    const { call, leg: caller } = await answeredCaller();
    const phone = await r.until(r.tel.ring('101', { call, callerId: '13800138000' }));
    expect(phone.state).toBe('ringing');
    expect(shown).toEqual([{ ch: r.phone(1), number: '13800138000' }]);
    expect(r.engine.channel(r.phone(1)).state).toBe('ringing');
    const answered = phone.waitForAnswer(30000);
    await r.run(3000);
    r.engine.phoneOffhook(r.phone(1));
    expect(await r.until(answered)).toBe(true);
    await r.until(call.bridge(caller, phone));
    expect(r.engine.channel(r.line(1)).peer).toBe(r.engine.channel(r.phone(1)));
    expect(caller.partner).toBe(phone);

    r.engine.farHangup(r.line(1), 'polarity');
    const ended = await r.until(call.ended);
    expect(ended.cause).toBe('remote-hangup');
    expect(phone.cause).toBe('remote-hangup');
    expect(phone.detail).toBe('partner left');
    // The phone is still off hook: released, it hears busy tone until it hangs up.
    await r.run(100);
    const port = r.inventory.channel(r.phone(1))!;
    expect(port.clearing).toBe(true);
    expect(r.engine.channel(r.phone(1)).state).toBe('clearing');
    expect(r.engine.channel(r.phone(1)).play?.req.tone?.segments[0]?.tones?.[0]?.freq).toBe(450);
    r.engine.phoneOnhook(r.phone(1));
    await r.run(40);
    expect(port.clearing).toBe(false);
    expect(r.engine.channel(r.phone(1)).play).toBeUndefined();

    const rec = (await r.tel.records.get(call.id))!;
    expect(rec.legs.map((l) => [l.kind, l.extension, l.cause])).toEqual([
      ['fxo', null, 'remote-hangup'],
      ['fxs', '101', 'remote-hangup'],
    ]);
    expect(rec.legs[1]!.callerId).toBe('13800138000');
  });

  it('stops ringing, and times out waiting for an answer', async () => {
    r = mockRig();
    const leg = await r.until(r.tel.ring('102'));
    const w = leg.waitForAnswer(5000);
    expect(await r.until(w)).toBe(false);
    expect(r.engine.clock.now()).toBeGreaterThanOrEqual(5000);
    await r.until(leg.stopRinging('no-answer'));
    expect(leg.state).toBe('ended');
    expect(leg.cause).toBe('no-answer');
    expect(r.engine.channel(r.phone(2)).state).toBe('idle');
    expect(r.inventory.channel(r.phone(2))!.leg).toBeUndefined();
  });

  it('cancels the ringing phone when the caller gives up first', async () => {
    r = mockRig();
    const { call } = await answeredCaller();
    const phone = await r.until(r.tel.ring('103', { call }));
    r.engine.farHangup(r.line(1), 'loop-drop');
    await r.until(call.ended);
    expect(phone.cause).toBe('canceled');
    expect(r.engine.channel(r.phone(3)).state).toBe('idle');
  });

  it('refuses to ring a busy or unknown extension, or a line', async () => {
    r = mockRig();
    await r.until(r.tel.ring('101'));
    await expect(r.tel.ring('101')).rejects.toMatchObject({ code: 'CTI_ERR_BUSY' });
    await expect(r.tel.ring('999')).rejects.toMatchObject({ code: 'CTI_ERR_NO_SUCH_CHANNEL' });
    await expect(r.tel.ring(r.line(1))).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
  });

  it('holds a party with music and takes it back to its partner', async () => {
    r = mockRig();
    const { call, leg: caller } = await answeredCaller();
    const phone = await r.until(r.tel.ring('101', { call }));
    r.engine.phoneOffhook(r.phone(1));
    await r.run(40);
    await r.until(call.bridge(caller, phone));
    await r.until(caller.hold());
    expect(caller.state).toBe('held');
    expect(call.state).toBe('held');
    expect(r.engine.channel(r.line(1)).peer).toBeUndefined();
    expect(r.engine.channel(r.line(1)).play?.req.tone?.repeat).toBe(0);
    await r.run(5000);
    await r.until(caller.unhold());
    expect(caller.state).toBe('connected');
    expect(r.engine.channel(r.line(1)).play).toBeUndefined();
    expect(r.engine.channel(r.line(1)).peer).toBe(r.engine.channel(r.phone(1)));
    // Held with a WAV file, then the phone hangs up: the held caller goes too.
    await r.until(caller.hold({ music: '/music/hold.wav' }));
    expect(r.engine.channel(r.line(1)).play?.req).toMatchObject({ file: '/music/hold.wav', loop: true });
    r.engine.phoneOnhook(r.phone(1));
    await r.until(call.ended);
    expect(caller.detail).toBe('partner left');
  });

  it('reports a hook flash', async () => {
    r = mockRig();
    const offered: Leg[] = [];
    r.tel.on('call:offered', ({ leg }: { leg: Leg }) => offered.push(leg));
    r.engine.phoneOffhook(r.phone(4));
    await r.run(20);
    const leg = offered[0]!;
    await r.until(leg.answer());
    const f = leg.waitForFlash(10000);
    await r.run(1000);
    r.engine.phoneFlash(r.phone(4));
    expect(await r.until(f)).toBe(true);
    expect(await r.until(leg.waitForFlash(500))).toBe(false);
  });

  it('mixes a conference; a leg that ends leaves it', async () => {
    r = mockRig();
    const { call, leg: caller } = await answeredCaller();
    const a = await r.until(r.tel.ring('101', { call }));
    const b = await r.until(r.tel.ring('102', { call }));
    r.engine.phoneOffhook(r.phone(1));
    r.engine.phoneOffhook(r.phone(2));
    await r.run(40);
    const conf = r.tel.conference();
    for (const l of [caller, a, b]) await r.until(conf.add(l));
    expect([1, 2].map((i) => r.engine.channel(r.phone(i)).conference)).toEqual([conf.id, conf.id]);
    expect(r.engine.channel(r.line(1)).conference).toBe(conf.id);
    r.engine.phoneOnhook(r.phone(2));
    await r.run(40);
    expect(conf.members.size).toBe(2);
    expect(call.live).toBe(true);
    await r.until(conf.close());
    expect(r.engine.channel(r.phone(1)).conference).toBeUndefined();
    expect(r.tel.conferences.size).toBe(0);
  });
});
