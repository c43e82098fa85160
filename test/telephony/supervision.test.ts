// Busy-tone disconnect supervision on connected FXO legs: busy or congestion
// tone that goes on for the guard time ends the call; a tone that stops
// sooner, or silence however long, never does.
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src/telephony/call.ts';
import type { Leg } from '../../src/telephony/leg.ts';
import { mockRig, type MockRig } from './helpers.ts';

let r: MockRig;
afterEach(async () => {
  await r?.tel.shutdown();
});

async function connected(): Promise<{ call: Call; leg: Leg }> {
  let got: { call: Call; leg: Leg } | undefined;
  r.tel.once('call:offered', (o: { call: Call; leg: Leg }) => (got = o));
  r.engine.ringIn(r.line(2));
  await r.run(20);
  await r.until(got!.leg.answer());
  return got!;
}

describe('busy-tone supervision', () => {
  it('ends the call when busy tone lasts the guard time', async () => {
    r = mockRig({ timings: { busyToneGuardMs: 2000 } });
    const { call, leg } = await connected();
    await r.run(1000);
    r.engine.tone(r.line(2), 'busy');
    const t0 = r.engine.clock.now();
    await r.until(call.ended);
    expect(r.engine.clock.now() - t0).toBeGreaterThanOrEqual(2000);
    expect(r.engine.clock.now() - t0).toBeLessThanOrEqual(2100);
    expect(leg.cause).toBe('remote-hangup');
    expect(leg.detail).toBe('busy-tone');
    expect(r.engine.channel(r.line(2)).state).toBe('idle');
  });

  it('keeps the call when the tone stops within the guard time, and through long silence', async () => {
    r = mockRig({ timings: { busyToneGuardMs: 2000 } });
    const { call } = await connected();
    r.engine.tone(r.line(2), 'congestion', 1500);
    await r.run(60_000);
    r.engine.voice(r.line(2), false);
    await r.run(60_000);
    expect(call.state).toBe('connected');
    r.engine.tone(r.line(2), 'congestion');
    await r.until(call.ended);
    expect(call.detail).toBe('congestion-tone');
  });

  it('is off when configured off, or without tone detection', async () => {
    r = mockRig({ timings: { busyToneSupervision: false } });
    const a = await connected();
    r.engine.tone(r.line(2), 'busy');
    await r.run(10_000);
    expect(a.call.state).toBe('connected');
    await r.tel.shutdown();

    r = mockRig({ tonePlan: false });
    const b = await connected();
    expect(r.engine.channel(r.line(2)).detect).toMatchObject({ dtmf: true, tones: false });
    await r.run(100);
    expect(b.call.state).toBe('connected');
  });
});
