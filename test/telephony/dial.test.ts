// dial(): every far-end kind the call-progress classification tells apart, on
// an FXO line (dial tone, DTMF, tones, polarity answer) and an E1 timeslot
// (seizure, in-band DTMF, CAS answer), on the mock engine.
import { afterEach, describe, expect, it } from 'vitest';
import type { DialOutcome } from '../../src/telephony/telephony.ts';
import { mockRig, type MockRig } from './helpers.ts';

let r: MockRig;
afterEach(async () => {
  await r?.tel.shutdown();
});

/** Starts a dial on FXO line 1, gives dial tone, and runs until the number has been sent. */
async function dialFxo(number = '13800000001', timeout?: number): Promise<{ p: Promise<DialOutcome> }> {
  const p = r.tel.dial(number, { line: r.line(1), ...(timeout ? { timeout } : {}) });
  p.catch(() => {});
  await r.run(40);
  expect(r.engine.channel(r.line(1)).state).toBe('seized');
  r.engine.tone(r.line(1), 'dial');
  await r.run(20);
  r.engine.toneEnd(r.line(1), 'dial');
  await r.run(200 * number.length + 40);
  return { p }; // (an async function would wait for a returned promise)
}

describe('dial() on an FXO line', () => {
  it('seizes, waits for dial tone, sends the digits, alerts on ringback and answers on polarity', async () => {
    r = mockRig();
    const { p } = await dialFxo('13800000001');
    expect(r.engine.channel(r.line(1)).played.map((x) => x.digits)).toEqual(['13800000001']);
    r.engine.tone(r.line(1), 'ringback');
    await r.run(100);
    const leg = r.inventory.channel(r.line(1))!.leg as DialOutcome['leg'];
    expect(leg.state).toBe('alerting');
    r.engine.farAnswer(r.line(1), 'polarity');
    const o = await r.until(p);
    expect(o).toMatchObject({ result: 'answered', detail: 'polarity' });
    expect(o.leg.state).toBe('connected');
    expect(o.call.state).toBe('connected');
    expect(o.leg.sm.history.map((h) => h.to)).toEqual(['dialing', 'proceeding', 'alerting', 'connected']);
    await r.until(o.call.hangup());
    expect(await r.tel.records.get(o.call.id)).toMatchObject({ direction: 'outbound', to: '13800000001', cause: 'normal' });
  });

  it('answers when ringback ends and no other tone follows (no polarity on the line)', async () => {
    r = mockRig();
    const { p } = await dialFxo();
    r.engine.tone(r.line(1), 'ringback', 5000);
    await r.run(5200);
    const o = await r.until(p);
    expect(o).toMatchObject({ result: 'answered', detail: 'ringback ended' });
  });

  it('answers on voice when no tone is recognised for the confirmation time', async () => {
    r = mockRig({ timings: { voiceAnswerConfirmMs: 1500 } });
    const { p } = await dialFxo();
    r.engine.voice(r.line(1));
    await r.run(1000);
    r.engine.voice(r.line(1), false);
    const t0 = r.engine.clock.now();
    const o = await r.until(p);
    expect(o).toMatchObject({ result: 'answered', detail: 'voice' });
    expect(r.engine.clock.now() - t0).toBeLessThanOrEqual(600);
  });

  it('does not take the energy of a tone for an answer', async () => {
    r = mockRig({ timings: { voiceAnswerConfirmMs: 1500 } });
    const { p } = await dialFxo();
    r.engine.voice(r.line(1));
    await r.run(1300);
    r.engine.tone(r.line(1), 'busy');
    expect(await r.until(p)).toMatchObject({ result: 'busy' });
  });

  for (const [tone, result] of [
    ['busy', 'busy'],
    ['congestion', 'congestion'],
    ['sit', 'unallocated'],
    ['cng', 'fax'],
    ['ced', 'fax'],
  ] as const) {
    it(`classifies ${tone} tone as ${result} and releases the line with that cause`, async () => {
      r = mockRig();
      const { p } = await dialFxo();
      r.engine.tone(r.line(1), 'ringback');
      await r.run(500);
      r.engine.toneEnd(r.line(1), 'ringback');
      r.engine.tone(r.line(1), tone);
      const o = await r.until(p);
      expect(o.result).toBe(result);
      expect(o.leg.state).toBe('ended');
      expect(o.leg.cause).toBe(result);
      expect(r.engine.channel(r.line(1)).state).toBe('idle');
      const rec = await r.until(r.tel.records.get(o.call.id));
      expect(rec).toMatchObject({ cause: result, answerMs: null });
    });
  }

  it('gives no-answer after the timeout, counted from the number sent', async () => {
    r = mockRig();
    const { p } = await dialFxo('13800000003', 20000);
    const t0 = r.engine.clock.now();
    r.engine.tone(r.line(1), 'ringback');
    const o = await r.until(p);
    expect(o.result).toBe('no-answer');
    expect(r.engine.clock.now() - t0).toBeGreaterThanOrEqual(19900);
    expect(r.engine.clock.now() - t0).toBeLessThanOrEqual(20100);
  });

  it('fails without dial tone, and when the line drops while dialing', async () => {
    r = mockRig({ timings: { dialToneTimeoutMs: 2000 } });
    const p = r.tel.dial('123', { line: r.line(2) });
    const o = await r.until(p);
    expect(o).toMatchObject({ result: 'failed', detail: 'no dial tone' });
    expect(r.engine.channel(r.line(2)).state).toBe('idle');

    const p2 = r.tel.dial('123', { line: r.line(2) });
    await r.run(40);
    r.engine.tone(r.line(2), 'dial');
    await r.run(1000);
    r.engine.farHangup(r.line(2), 'loop-drop');
    const o2 = await r.until(p2);
    expect(o2.result).toBe('failed');
    expect(o2.detail).toMatch(/loop-drop/);
  });

  it('picks a free line when none is given, and refuses bad requests with typed errors', async () => {
    r = mockRig();
    const p = r.tel.dial('5');
    await r.run(40);
    expect(r.inventory.channel(r.line(1))!.leg).toBeDefined();
    await expect(r.tel.dial('1', { line: r.line(1) })).rejects.toMatchObject({ code: 'CTI_ERR_BUSY' });
    await expect(r.tel.dial('12x')).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    await expect(r.tel.dial('1', { line: r.phone(1) })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT', message: /not a line/ });
    await expect(r.tel.dial('1', { line: r.ch(99) })).rejects.toMatchObject({ code: 'CTI_ERR_NO_SUCH_CHANNEL' });
    await r.until(p);
  });
});

describe('dial() on an E1 timeslot', () => {
  it('seizes, sends the number in-band and answers on the CAS answer bits', async () => {
    r = mockRig();
    const p = r.tel.dial('075512345', { line: r.e1(1) });
    await r.run(2500);
    expect(r.engine.channel(r.e1(1)).played.map((x) => x.digits)).toEqual(['075512345']);
    r.engine.tone(r.e1(1), 'ringback');
    await r.run(200);
    r.engine.farAnswer(r.e1(1), 'cas');
    const o = await r.until(p);
    expect(o).toMatchObject({ result: 'answered', detail: 'cas' });
    r.engine.farHangup(r.e1(1), 'clear-back');
    expect((await r.until(o.call.ended)).detail).toBe('clear-back');
  });

  it('classifies busy on E1 too', async () => {
    r = mockRig();
    const p = r.tel.dial('13800000002', { line: r.e1(2) });
    await r.run(3000);
    r.engine.tone(r.e1(2), 'busy');
    expect((await r.until(p)).result).toBe('busy');
  });
});
