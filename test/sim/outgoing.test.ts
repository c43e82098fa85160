// Outgoing calls: the board seizes a trunk, hears dial tone, dials DTMF that
// the exchange detects, and reaches each kind of scripted far end; the audio
// the board receives is checked with the project's detectors (detectTones,
// detectEnergy, detectDtmf), the line signals against the line's configuration.
import { afterEach, describe, expect, it } from 'vitest';
import { detectDtmf, detectEnergy, generateDtmf } from '../../src/native/index.ts';
import { detectTones } from '../../src/dsp/tones.ts';
import type { SimWorldConfig } from '../../src/sim/index.ts';
import { Bench, levelDbm0 } from './harness.ts';

let bench: Bench | undefined;
afterEach(() => bench?.close());

async function dialOut(b: Bench, trunk: string, number: string) {
  b.record(trunk);
  b.world.hook(trunk, 'off-hook');
  await b.advance(2_000);
  const dialTone = b.take(trunk);
  b.send(trunk, generateDtmf(number, { onMs: 80, offMs: 80, levelDbm0: -8 }));
  const far = await b.until(b.world.pstn.nextCall(number, { timeoutMs: 10_000 }));
  return { far, dialTone };
}

function tones(pcm: Int16Array): string[] {
  return detectTones(pcm, 'cn').map((t) => t.tone);
}

function start(config: SimWorldConfig = {}) {
  bench = new Bench({ seed: 11, ...config });
  return bench;
}

describe('outgoing calls on an FXO line', () => {
  it('dial tone, digits detected by the exchange, ringback, answer by polarity reversal, greeting, DTMF both ways, far end hangs up by reversal', async () => {
    const b = start();
    b.world.pstn.expect('95555', { kind: 'person', rings: 2, greetingMs: 1500 });
    const { far, dialTone } = await dialOut(b, 'line:1', '95555');
    expect(tones(dialTone)).toEqual(['dial']);
    expect(b.world.pstn.exchangeDigits.map((d) => d.digit).join('')).toBe('95555');
    expect(far.direction).toBe('outgoing');
    expect(far.from).toBe('075526600001');
    await b.until(far.waitFor('connected'));
    const ringing = b.take('line:1');
    expect(tones(ringing)).toContain('ringback');
    // Two 1 s bursts of ringback (5 s cycle) before the answer.
    expect(ringing.length / 8).toBeGreaterThan(5_000);
    expect(ringing.length / 8).toBeLessThan(7_500);
    expect(b.signals('line:1', 'polarity').map((e) => e.value)).toEqual([1]);
    await b.advance(2_000);
    expect(detectEnergy(b.take('line:1')).some((e) => e.voice)).toBe(true);
    // The far end presses keys; the board receives them.
    far.press('123');
    await b.advance(1_000);
    expect(
      detectDtmf(b.take('line:1'))
        .map((d) => d.digit)
        .join(''),
    ).toBe('123');
    // The board sends keys; the far end hears them.
    b.send('line:1', generateDtmf('9*', { onMs: 80, offMs: 80 }));
    expect(await b.until(far.waitFor('digits', { count: 2 }))).toBe('9*');
    far.hangup();
    await b.until(far.waitFor('far-cleared'));
    await b.advance(40);
    expect(b.signals('line:1', 'polarity').map((e) => e.value)).toEqual([1, 0]);
    b.world.hook('line:1', 'on-hook');
    await b.until(far.waitFor('ended'));
  });

  it('far end hanging up by loop drop, and by busy tone, per line configuration', async () => {
    const b = start({ fxo: [{}, { hangup: 'loop-drop' }, { hangup: 'busy-tone', answerPolarity: false }] });
    b.world.pstn.expect('200', { kind: 'person', rings: 0, steps: [{ op: 'speak', ms: 500 }, { op: 'hangup' }] });
    const a = await dialOut(b, 'line:2', '200');
    await b.until(a.far.waitFor('far-cleared'));
    await b.advance(40);
    expect(b.signals('line:2', 'loop-drop')).toHaveLength(1);

    const c = await dialOut(b, 'line:3', '200');
    await b.until(c.far.waitFor('far-cleared'));
    b.take('line:3');
    await b.advance(3_000);
    expect(b.signals('line:3', 'polarity')).toEqual([]);
    expect(tones(b.take('line:3'))).toContain('busy');
  });

  it('busy, congestion and no answer', async () => {
    const b = start();
    const busy = await dialOut(b, 'line:1', '13800000002');
    expect(busy.far.kind).toBe('busy');
    await b.until(busy.far.waitFor('treatment'));
    await b.advance(3_000);
    expect(tones(b.take('line:1'))).toContain('busy');

    const cong = await dialOut(b, 'line:2', '13800000007');
    await b.advance(4_000);
    expect(tones(b.take('line:2'))).toContain('congestion');
    expect(cong.far.state).toBe('treatment');

    const none = await dialOut(b, 'line:3', '13800000003');
    b.take('line:3');
    await b.advance(30_000);
    expect(tones(b.take('line:3'))).toEqual(['ringback']);
    expect(none.far.state).toBe('alerting');
    expect(b.signals('line:3', 'polarity')).toEqual([]);
  });

  it('an unallocated number: SIT then an announcement', async () => {
    const b = start();
    const r = await dialOut(b, 'line:1', '999'); // no such number: routed after the interdigit timeout
    expect(r.far.kind).toBe('unallocated');
    b.take('line:1');
    await b.advance(4_500);
    const pcm = b.take('line:1');
    const sit = detectTones(pcm, 'cn').find((t) => t.tone === 'sit');
    expect(sit).toBeDefined();
    expect(sit!.endMs).toBeLessThan(1_200);
    // The announcement: voice right after the three SIT tones.
    const announcement = pcm.subarray((sit!.endMs + 200) * 8, (sit!.endMs + 2_200) * 8);
    expect(detectEnergy(announcement).some((e) => e.voice)).toBe(true);
    expect(levelDbm0(announcement)).toBeGreaterThan(-40);
  });

  it('an answering machine: greeting, then a 1000 Hz beep, then it listens and hangs up', async () => {
    const b = start();
    b.world.pstn.expect('300', { kind: 'machine', rings: 1, greetingMs: 3000, recordMs: 2000 });
    const { far } = await dialOut(b, 'line:1', '300');
    await b.until(far.waitFor('connected'));
    b.take('line:1');
    await b.advance(3_600);
    const pcm = b.take('line:1');
    const ev = detectEnergy(pcm);
    expect(ev.find((e) => e.voice)!.ms).toBeLessThan(200);
    // The beep: 500 ms of a single tone at about -10 dBm0 less the line loss, right after the greeting.
    const beep = pcm.subarray(3_050 * 8, 3_450 * 8);
    expect(levelDbm0(beep)).toBeGreaterThan(-18);
    let crossings = 0;
    for (let i = 1; i < beep.length; i++) if (beep[i - 1]! < 0 !== beep[i]! < 0) crossings++;
    expect(crossings / 2 / 0.4).toBeGreaterThan(950);
    expect(crossings / 2 / 0.4).toBeLessThan(1050);
    await b.until(far.waitFor('far-cleared'), 5_000);
    expect(far.script.map((s) => s.result)).toEqual(['done', 'done', 'done', 'hangup']);
  });

  it('a fax machine answers with CED; one set to CNG sends 1100 Hz 0.5 s on / 3 s off', async () => {
    const b = start({ numbers: { '400': { kind: 'fax', rings: 1, cng: true } } });
    const ced = await dialOut(b, 'line:1', '13800000005');
    await b.until(ced.far.waitFor('connected'));
    b.take('line:1');
    await b.advance(4_000);
    expect(tones(b.take('line:1'))).toContain('ced');

    const cng = await dialOut(b, 'line:2', '400');
    await b.until(cng.far.waitFor('connected'));
    b.take('line:2');
    await b.advance(8_000);
    const spans = detectTones(b.take('line:2'), 'cn');
    expect(spans.map((s) => s.tone)).toEqual(['cng']);
  });
});
