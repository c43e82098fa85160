// Stands in for the engine in firmware-sim tests: steps the board frame by
// frame through its C ABI (SimWorld.step -> the addon's stepForTest), sends
// PCM on channels as the engine would, records what channels receive, and
// lets async scenario code run between frames.
import { SimWorld, type LineSignal, type SimWorldConfig } from '../../src/sim/index.ts';

export const FRAME = 160;

export class Bench {
  readonly world: SimWorld;
  readonly lineEvents: LineSignal[] = [];
  private txQueue = new Map<number, { pcm: Int16Array; pos: number }[]>();
  private recording = new Map<number, Int16Array[]>();
  private rawRecording = new Map<number, Uint8Array[]>();

  constructor(config: SimWorldConfig = {}) {
    this.world = new SimWorld(config);
  }

  ch(name: string | number): number {
    return this.world.channel(name).number;
  }

  /** Queue PCM for the board to send on a channel, after what is queued. */
  send(name: string | number, pcm: Int16Array): void {
    const c = this.ch(name);
    const q = this.txQueue.get(c) ?? [];
    q.push({ pcm, pos: 0 });
    this.txQueue.set(c, q);
  }

  /** Start keeping what a channel receives. */
  record(name: string | number): void {
    this.recording.set(this.ch(name), []);
    this.rawRecording.set(this.ch(name), []);
  }

  /** What a recorded channel received so far (and forget it). */
  take(name: string | number): Int16Array {
    const c = this.ch(name);
    const parts = this.recording.get(c) ?? [];
    this.recording.set(c, []);
    this.rawRecording.set(c, []);
    return concat(parts);
  }

  takeRaw(name: string | number): Uint8Array {
    const c = this.ch(name);
    const parts = this.rawRecording.get(c) ?? [];
    this.rawRecording.set(c, []);
    const n = parts.reduce((a, p) => a + p.length, 0);
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  /** One frame. */
  frame(): void {
    const tx: (Int16Array | undefined)[] = [];
    for (const [c, q] of this.txQueue) {
      const out = new Int16Array(FRAME);
      let filled = 0;
      while (filled < FRAME && q.length > 0) {
        const head = q[0]!;
        const n = Math.min(FRAME - filled, head.pcm.length - head.pos);
        out.set(head.pcm.subarray(head.pos, head.pos + n), filled);
        head.pos += n;
        filled += n;
        if (head.pos >= head.pcm.length) q.shift();
      }
      tx[c - 1] = out;
    }
    const r = this.world.step(1, { tx });
    this.lineEvents.push(...r.lineEvents);
    for (const [c, parts] of this.recording) parts.push(r.pcm[c - 1]!);
    for (const [c, parts] of this.rawRecording) parts.push(r.rx[c - 1]!);
  }

  /** Run ms of world time, letting promise continuations run between frames. */
  async advance(ms: number): Promise<void> {
    const frames = Math.round(ms / 20);
    for (let i = 0; i < frames; i++) {
      this.frame();
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Run until the promise settles (at most maxMs of world time); returns its value. */
  async until<T>(p: Promise<T>, maxMs = 60_000): Promise<T> {
    let done = false;
    let value: T | undefined;
    let error: unknown;
    p.then(
      (v) => ((done = true), (value = v)),
      (e) => ((done = true), (error = e)),
    );
    for (let t = 0; t < maxMs && !done; t += 20) {
      this.frame();
      await new Promise((r) => setImmediate(r));
    }
    if (!done) throw new Error(`not settled within ${maxMs} ms of world time`);
    if (error) throw error;
    return value as T;
  }

  signals(name: string | number, type?: LineSignal['type']): LineSignal[] {
    const c = this.ch(name);
    return this.lineEvents.filter((e) => e.channel === c && (type === undefined || e.type === type));
  }

  close(): void {
    this.world.close();
  }
}

export function concat(parts: Int16Array[]): Int16Array {
  const n = parts.reduce((a, p) => a + p.length, 0);
  const out = new Int16Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Level in dBm0 of PCM (0 dBm0 = a sine of peak 22656). */
export function levelDbm0(x: Int16Array): number {
  let e = 0;
  for (const s of x) e += s * s;
  const p = e / Math.max(1, x.length);
  return p <= 0 ? -120 : 10 * Math.log10(p / ((22656 * 22656) / 2));
}

/** A sine at `dbm0` for ms. */
export function sine(hz: number, dbm0: number, ms: number): Int16Array {
  const n = (ms * 8) | 0;
  const a = 22656 * 10 ** (dbm0 / 20);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(a * Math.sin((2 * Math.PI * hz * i) / 8000));
  return out;
}
