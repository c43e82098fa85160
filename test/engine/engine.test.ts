// The media engine end to end on the loopback board: prompts and digit scripts
// played on one channel are heard, detected, collected and recorded on its
// partner, through G.711, bridges and conferences, on the stepped clock.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { CtiError } from '../../src/native/errors.ts';
import { peakOf, toInt16, tones, wavBytes } from '../helpers/ref-signal.ts';
import { loopbackEngine, tempDir, type TestEngine } from './helpers.ts';

let t: TestEngine | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function level(x: Int16Array, freq: number, from: number, to: number): number {
  let re = 0;
  let im = 0;
  for (let i = from; i < to; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * freq * i) / 8000);
    im -= x[i]! * Math.sin((2 * Math.PI * freq * i) / 8000);
  }
  return 20 * Math.log10((2 * Math.hypot(re, im)) / (to - from) / 22656);
}

describe('media engine on the loopback board', () => {
  it('detects digits played by the partner, with engine times to the frame', async () => {
    t = loopbackEngine(2);
    await t.engine.detect(t.ch(2), { dtmf: true });
    const p = t.engine.play(t.ch(1), { digits: '159#', onMs: 100, offMs: 100 });
    await t.engine.advance(1200);
    expect(await p).toMatchObject({ reason: 'finished', durationMs: 800 });
    const got = t.on('dtmf:digit', 2);
    expect(got.map((e) => e.digit).join('')).toBe('159#');
    // The partner hears a frame later (20 ms): digit i starts at 20 + 200 i ms.
    got.forEach((e, i) => expect(Math.abs(e.startMs! - (20 + 200 * i))).toBeLessThanOrEqual(10));
    const ends = t.on('dtmf:end', 2);
    ends.forEach((e, i) => expect(Math.abs(e.endMs! - (120 + 200 * i))).toBeLessThanOrEqual(10));
    // Nobody hears its own prompt on a loopback pair.
    expect(t.on('dtmf:digit', 1)).toHaveLength(0);
  });

  it('reports voice and silence (energy detection) on what the partner sends', async () => {
    t = loopbackEngine(2);
    await t.engine.detect(t.ch(2), { energy: true });
    await t.engine.advance(500);
    // 800 ms of a -20 dBm0 tone from an independent generator, then quiet.
    void t.engine.play(t.ch(1), { pcm: toInt16(tones([{ freq: 700, level: -20 }], 800)) });
    await t.engine.advance(2000);
    const got = t.events.filter((e) => e.channel === 2 && e.type.startsWith('energy:'));
    expect(got.map((e) => e.type)).toEqual(['energy:silence', 'energy:voice', 'energy:silence']);
    // Heard a frame later (20 ms); back-dated to the run that confirmed it.
    expect(Math.abs(got[1]!.startMs! - 520)).toBeLessThanOrEqual(10);
    expect(Math.abs(got[2]!.startMs! - 1320)).toBeLessThanOrEqual(10);
    expect(got[1]!.value).toBeGreaterThan(-21);
    expect(got[1]!.value).toBeLessThan(-19);
  });

  it('collects digits up to a terminator, and times out', async () => {
    t = loopbackEngine(2, { law: 'ulaw' });
    const c = t.engine.collect(t.ch(2), { max: 8, terminators: '#', timeoutMs: 3000 });
    void t.engine.play(t.ch(1), { digits: '4711#' });
    await t.engine.advance(1500);
    expect(await c).toEqual({ digits: '4711', reason: 'terminator', terminator: '#' });

    const c2 = t.engine.collect(t.ch(2), { max: 4, timeoutMs: 2000 });
    await t.engine.advance(2100);
    expect(await c2).toEqual({ digits: '', reason: 'timeout' });
    expect(t.engine.clock.now()).toBeGreaterThanOrEqual(3600);
  });

  it('ends a collect on the maximum and on the inter-digit timeout', async () => {
    t = loopbackEngine(2);
    const c = t.engine.collect(t.ch(2), { max: 2, timeoutMs: 5000 });
    void t.engine.play(t.ch(1), { digits: '987' });
    await t.engine.advance(800);
    expect(await c).toEqual({ digits: '98', reason: 'max' });
    // The third digit was typed ahead and waits for the next collect.
    const c2 = t.engine.collect(t.ch(2), { max: 5, timeoutMs: 5000, interDigitTimeoutMs: 1000 });
    await t.engine.advance(1200);
    expect(await c2).toEqual({ digits: '7', reason: 'inter-digit-timeout' });
  });

  it('flushes typed-ahead digits when asked', async () => {
    t = loopbackEngine(2);
    await t.engine.detect(t.ch(2), { dtmf: true });
    void t.engine.play(t.ch(1), { digits: '12' });
    await t.engine.advance(600);
    const c = t.engine.collect(t.ch(2), { max: 2, timeoutMs: 500, flush: true });
    await t.engine.advance(600);
    expect(await c).toEqual({ digits: '', reason: 'timeout' });
  });

  it('stops a prompt when the caller presses a digit (barge-in)', async () => {
    t = loopbackEngine(2);
    const prompt = t.engine.play(t.ch(2), { tone: { segments: [{ tones: [{ freq: 440, level: -15 }], ms: 10000 }] }, bargeIn: true });
    await t.engine.advance(1000);
    void t.engine.play(t.ch(1), { digits: '5' });
    await t.engine.advance(400);
    const r = await prompt;
    expect(r.reason).toBe('barge-in');
    expect(r.digit).toBe('5');
    expect(r.durationMs).toBeGreaterThan(1000);
    expect(r.durationMs).toBeLessThan(1200);
  });

  it('plays a WAV prompt (resampled from 16 kHz) that the partner records', async () => {
    const dir = tempDir();
    const prompt = join(dir, 'prompt.wav');
    // One second of 1 kHz at -12 dBm0, sampled at 16 kHz.
    const x16 = new Float64Array(16000).map((_, i) => peakOf(-12) * Math.sin((2 * Math.PI * 1000 * i) / 16000));
    writeFileSync(prompt, wavBytes(x16, { rate: 16000 }));
    t = loopbackEngine(2);
    const out = join(dir, 'rec.wav');
    const rec = t.engine.record(t.ch(2), { path: out, maxMs: 1500 });
    const play = t.engine.play(t.ch(1), { file: prompt });
    await t.engine.advance(1600);
    expect((await play).durationMs).toBe(1000);
    const r = await rec;
    expect(r).toMatchObject({ reason: 'max-length', durationMs: 1500, path: out });
    const wav = addon.readWav(out);
    expect(wav.samples.length).toBe(12000);
    // Heard from 20 ms (one frame of loopback) for one second, at its level.
    expect(level(wav.samples, 1000, 400, 7600)).toBeGreaterThan(-12.6);
    expect(level(wav.samples, 1000, 400, 7600)).toBeLessThan(-11.4);
    expect(level(wav.samples, 1000, 8800, 12000)).toBeLessThan(-60);
  });

  it('stops a recording on a digit and on silence', async () => {
    const dir = tempDir();
    t = loopbackEngine(2);
    const r1 = t.engine.record(t.ch(2), { path: join(dir, 'a.wav'), stopDigits: '#' });
    void t.engine.play(t.ch(1), { pcm: toInt16(tones([{ freq: 700, level: -20 }], 1000)) });
    await t.engine.advance(1200);
    void t.engine.play(t.ch(1), { digits: '#' });
    await t.engine.advance(400);
    expect(await r1).toMatchObject({ reason: 'digit', digit: '#' });

    const r2 = t.engine.record(t.ch(2), { path: join(dir, 'b.wav'), maxSilenceMs: 1000, silenceLevel: -45 });
    void t.engine.play(t.ch(1), { tone: { segments: [{ tones: [{ freq: 500, level: -20 }], ms: 600 }] } });
    await t.engine.advance(2500);
    const r = await r2;
    expect(r.reason).toBe('max-silence');
    expect(r.durationMs).toBeGreaterThanOrEqual(1500);
    expect(r.durationMs).toBeLessThanOrEqual(1700);
  });

  it('bridges two channels full duplex', async () => {
    t = loopbackEngine(4);
    await t.engine.bridge(t.ch(2), t.ch(3));
    await t.engine.detect(t.ch(1), { dtmf: true });
    await t.engine.detect(t.ch(4), { dtmf: true });
    void t.engine.play(t.ch(1), { digits: '123' });
    void t.engine.play(t.ch(4), { digits: '789' });
    await t.engine.advance(1000);
    expect(
      t
        .on('dtmf:digit', 4)
        .map((e) => e.digit)
        .join(''),
    ).toBe('123');
    expect(
      t
        .on('dtmf:digit', 1)
        .map((e) => e.digit)
        .join(''),
    ).toBe('789');
    // Two frames of delay across the bridge: loopback, bridge, loopback.
    expect(t.on('dtmf:digit', 4)[0]!.startMs).toBeGreaterThanOrEqual(30);
    expect(t.on('dtmf:digit', 4)[0]!.startMs).toBeLessThanOrEqual(50);
    await t.engine.stop('unbridge', t.ch(2));
    void t.engine.play(t.ch(1), { digits: '0' });
    await t.engine.advance(500);
    expect(
      t
        .on('dtmf:digit', 4)
        .map((e) => e.digit)
        .join(''),
    ).toBe('123');
  });

  it('mixes a conference: each member hears the others, never itself', async () => {
    t = loopbackEngine(6);
    for (const c of [2, 4, 6]) await t.engine.conference(t.ch(c), 7);
    for (const c of [1, 3, 5]) await t.engine.detect(t.ch(c), { dtmf: true });
    void t.engine.play(t.ch(1), { digits: '1' });
    await t.engine.advance(400);
    void t.engine.play(t.ch(3), { digits: '2' });
    await t.engine.advance(400);
    expect(
      t
        .on('dtmf:digit', 5)
        .map((e) => e.digit)
        .join(''),
    ).toBe('12');
    expect(
      t
        .on('dtmf:digit', 1)
        .map((e) => e.digit)
        .join(''),
    ).toBe('2');
    expect(
      t
        .on('dtmf:digit', 3)
        .map((e) => e.digit)
        .join(''),
    ).toBe('1');
  });

  it('cancels an operation replaced by a newer one or ended by a hang-up', async () => {
    t = loopbackEngine(2);
    const first = t.engine.play(t.ch(1), { tone: { segments: [{ tones: [{ freq: 400 }], ms: 5000 }] } });
    const firstError = first.catch((e: unknown) => e);
    const second = t.engine.play(t.ch(1), { digits: '1' });
    await t.engine.advance(300);
    expect(await firstError).toMatchObject({ code: 'CTI_ERR_CANCELED' });
    expect((await second).reason).toBe('finished');
    const c = t.engine.collect(t.ch(2), { max: 4, timeoutMs: 10000 });
    await t.engine.stop('hangup', t.ch(2));
    const err = await c.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).canceled).toBe(true);
  });

  it('refuses line signalling on a channel that has none', async () => {
    t = loopbackEngine(2);
    await expect(t.engine.ring(t.ch(1))).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT', message: /only FXS ports ring/ });
    await expect(t.engine.offhook(t.ch(1))).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    await expect(t.engine.ring(t.ch(1), { cadenceMs: [5] })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    expect(t.engine.lineStates(0)).toEqual(['idle', 'idle']);
  });

  it('refuses bad commands with typed errors, and keeps running', async () => {
    t = loopbackEngine(2);
    await expect(t.engine.play(t.ch(9), { digits: '1' })).rejects.toMatchObject({ code: 'CTI_ERR_NO_SUCH_CHANNEL' });
    await expect(t.engine.play(t.ch(1), { file: '/nonexistent/x.wav' })).rejects.toMatchObject({ code: 'CTI_ERR_FILE_IO' });
    const dir = tempDir();
    writeFileSync(join(dir, 'not.wav'), 'this is not a wav file at all, just text');
    await expect(t.engine.play(t.ch(1), { file: join(dir, 'not.wav') })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_WAV' });
    await expect(t.engine.play(t.ch(1), { digits: 'x' })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    await expect(t.engine.play(t.ch(1), {})).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    await expect(t.engine.record(t.ch(1), { path: '' })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
    const rec = t.engine.record(t.ch(2), { path: '/nonexistent-dir/r.wav', maxMs: 500 }).catch((e: unknown) => e);
    await t.engine.advance(600);
    expect(await rec).toMatchObject({ code: 'CTI_ERR_FILE_IO' });
    const p = t.engine.play(t.ch(1), { digits: '2' });
    await t.engine.advance(300);
    expect((await p).reason).toBe('finished');
  });

  it('gives the same events from the same script (stepped clock)', async () => {
    async function run(): Promise<string[]> {
      const e = loopbackEngine(4);
      await e.engine.detect(e.ch(2), { dtmf: true });
      await e.engine.bridge(e.ch(2), e.ch(3));
      await e.engine.detect(e.ch(4), { dtmf: true });
      void e.engine.play(e.ch(1), { digits: '31,4*1#', onMs: 60, offMs: 60 });
      await e.engine.advance(2000);
      await e.close();
      return e.events.map((x) => `${x.type}@${x.ts}:${x.channel ?? ''}${x.digit ?? ''}:${x.startMs ?? ''}`);
    }
    const a = await run();
    const b = await run();
    expect(a.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it('runs with 10 ms frames', async () => {
    t = loopbackEngine(2, { frameMs: 10 });
    await t.engine.detect(t.ch(2), { dtmf: true });
    void t.engine.play(t.ch(1), { digits: '42' });
    await t.engine.advance(500);
    const got = t.on('dtmf:digit', 2);
    expect(got.map((e) => e.digit).join('')).toBe('42');
    expect(Math.abs(got[0]!.startMs! - 10)).toBeLessThanOrEqual(10);
  });

  it('keeps wall-clock pace in realtime mode', async () => {
    const beforeMono = Number(process.hrtime.bigint()) / 1e6;
    t = loopbackEngine(2, { mode: 'realtime' });
    const start = Date.now();
    const p = t.engine.play(t.ch(1), { digits: '1', onMs: 100, offMs: 200 });
    await p;
    const wall = Date.now() - start;
    expect(wall).toBeGreaterThanOrEqual(260);
    const s = t.engine.stats();
    expect(s.ticks).toBeGreaterThanOrEqual(15);
    // Tick 0 was due on process.hrtime's clock, after the engine was made.
    expect(s.scheduleOriginMs).toBeGreaterThanOrEqual(beforeMono);
    expect(s.scheduleOriginMs).toBeLessThanOrEqual(Number(process.hrtime.bigint()) / 1e6);
    // The loopback board's I/O is part of the thread's time, never more.
    expect(s.boardCpuMs).toBeGreaterThanOrEqual(0);
    expect(s.boardCpuMs).toBeLessThanOrEqual(s.threadCpuMs);
    expect(s.boardReadCpuMs).toBeLessThanOrEqual(s.boardCpuMs);
    expect(s.rtPriority).toBe(0);
  });

  it('runs the media thread SCHED_FIFO when asked and allowed, and says so', async () => {
    t = loopbackEngine(2, { mode: 'realtime', rtPriority: 5 });
    await t.engine.play(t.ch(1), { digits: '1', onMs: 40, offMs: 40 });
    // Root (or CAP_SYS_NICE) gets it; anyone else keeps normal scheduling.
    expect([0, 5]).toContain(t.engine.stats().rtPriority);
    expect(() => loopbackEngine(1, { rtPriority: 100 })).toThrow(/rtPriority/);
  });
});
