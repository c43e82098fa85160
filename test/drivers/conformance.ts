// The driver conformance suite: what every drv::Board must do, checked through
// the engine only (board info, frames as the clock, raw line events turned into
// line states, audio both ways, span alarms, board reset). A driver's test file
// calls driverConformance() with a factory that builds an engine in stepped
// mode with the board added, and whatever stimuli its test rig can produce (a
// simulated world, a loopback cable, a line simulator); checks whose stimulus
// is missing are skipped, never passed silently.
import { describe, expect, it } from 'vitest';
import type { MediaEngine, NativeEvent } from '../../src/native/engine.ts';

export interface ConformanceStimuli {
  /** A call from the network rings this FXO channel / seizes this E1 channel. */
  incomingCall?(channel: number): void;
  /** The phone on this FXS channel goes off hook / on hook. */
  phoneOffHook?(channel: number): void;
  phoneOnHook?(channel: number): void;
  /** The party on the line of this channel (connected) presses keys. */
  farEndPress?(channel: number, digits: string): void;
  /** The digits the party on this channel has heard so far. */
  farEndHeard?(channel: number): string;
  /** Span alarms raised (bits as drv::AlarmBits) and cleared. */
  alarm?(span: number, bits: number): void;
  clearAlarm?(span: number): void;
  resetBoard?(): void;
}

export interface ConformanceTarget {
  engine: MediaEngine;
  board: number;
  stimuli: ConformanceStimuli;
  /** Lets the rig deliver its own events (thread-safe callbacks) after an engine step. */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

interface Ctx {
  t: ConformanceTarget;
  events: NativeEvent[];
}

async function open(factory: () => Promise<ConformanceTarget>): Promise<Ctx> {
  const t = await factory();
  const events: NativeEvent[] = [];
  t.engine.on('event', (e: NativeEvent) => events.push(e));
  return { t, events };
}

async function run(c: Ctx, ms: number): Promise<void> {
  await c.t.engine.advance(ms);
  await (c.t.settle?.() ?? new Promise((r) => setImmediate(r)));
}

function channelOf(c: Ctx, kind: 'fxs' | 'fxo' | 'e1'): number | undefined {
  return c.t.engine.boardInfo(c.t.board).channels.find((x) => x.kind === kind)?.number;
}

function eventsOn(c: Ctx, type: string, channel?: number): NativeEvent[] {
  return c.events.filter((e) => e.type === type && e.board === c.t.board && (channel === undefined || e.channel === channel));
}

function state(c: Ctx, channel: number): string {
  return c.t.engine.lineStates(c.t.board)[channel - 1]!;
}

export function driverConformance(name: string, factory: () => Promise<ConformanceTarget>): void {
  describe(`driver conformance: ${name}`, () => {
    it('describes itself: driver, identity, channels numbered 1..n with a kind and a law', async () => {
      const c = await open(factory);
      try {
        const info = c.t.engine.boardInfo(c.t.board);
        expect(info.driver).toBe(name);
        expect(info.model.length).toBeGreaterThan(0);
        expect(info.serial.length).toBeGreaterThan(0);
        expect(info.channels.length).toBeGreaterThan(0);
        info.channels.forEach((ch, i) => {
          expect(ch.number).toBe(i + 1);
          expect(['fxs', 'fxo', 'e1']).toContain(ch.kind);
          expect(['alaw', 'ulaw']).toContain(ch.law);
          expect(ch.span).toBeGreaterThanOrEqual(1);
        });
        expect(c.t.engine.lineStates(c.t.board).every((s) => s === 'idle')).toBe(true);
      } finally {
        await c.t.close();
      }
    });

    it('is the clock: engine time moves by the frames the board delivers', async () => {
      const c = await open(factory);
      try {
        const t0 = c.t.engine.clock.now();
        await run(c, 1_000);
        expect(c.t.engine.clock.now() - t0).toBe(1_000);
      } finally {
        await c.t.close();
      }
    });

    it('FXS: a phone going off hook and on hook reaches the engine as line:offhook / line:onhook', async (ctx) => {
      const c = await open(factory);
      try {
        const ch = channelOf(c, 'fxs');
        const s = c.t.stimuli;
        if (ch === undefined || !s.phoneOffHook || !s.phoneOnHook) return ctx.skip();
        s.phoneOffHook(ch);
        await run(c, 100);
        expect(eventsOn(c, 'line:offhook', ch)).toHaveLength(1);
        expect(state(c, ch)).toBe('up');
        s.phoneOnHook(ch);
        await run(c, 1_000); // past the flash window
        expect(eventsOn(c, 'line:onhook', ch)).toHaveLength(1);
        expect(state(c, ch)).toBe('idle');
      } finally {
        await c.t.close();
      }
    });

    it('FXO: ringing is reported, the engine answers, DTMF passes both ways', async (ctx) => {
      const c = await open(factory);
      try {
        const ch = channelOf(c, 'fxo');
        const s = c.t.stimuli;
        if (ch === undefined || !s.incomingCall) return ctx.skip();
        s.incomingCall(ch);
        await run(c, 500);
        expect(eventsOn(c, 'line:ring', ch)[0]?.value).toBe(1);
        expect(state(c, ch)).toBe('alerting');
        await c.t.engine.offhook({ board: c.t.board, channel: ch });
        await run(c, 200);
        expect(state(c, ch)).toBe('up');
        if (!s.farEndPress || !s.farEndHeard) return;
        const collected = c.t.engine.collect({ board: c.t.board, channel: ch }, { max: 3, timeoutMs: 5_000 });
        s.farEndPress(ch, '159');
        await run(c, 1_500);
        expect((await collected).digits).toBe('159');
        const played = c.t.engine.play({ board: c.t.board, channel: ch }, { digits: '2580' });
        await run(c, 1_500);
        await played;
        expect(s.farEndHeard(ch)).toBe('2580');
      } finally {
        await c.t.close();
      }
    });

    it('E1: a seizure is reported and answered through ABCD bits', async (ctx) => {
      const c = await open(factory);
      try {
        const ch = channelOf(c, 'e1');
        const s = c.t.stimuli;
        if (ch === undefined || !s.incomingCall) return ctx.skip();
        s.incomingCall(ch);
        await run(c, 200);
        expect(state(c, ch)).toBe('alerting');
        await c.t.engine.offhook({ board: c.t.board, channel: ch });
        await run(c, 200);
        expect(state(c, ch)).toBe('up');
      } finally {
        await c.t.close();
      }
    });

    it('span alarms are reported, block the span, and clear', async (ctx) => {
      const c = await open(factory);
      try {
        const ch = channelOf(c, 'e1');
        const s = c.t.stimuli;
        if (ch === undefined || !s.alarm || !s.clearAlarm) return ctx.skip();
        const span = c.t.engine.boardInfo(c.t.board).channels[ch - 1]!.span;
        s.alarm(span, 2);
        await run(c, 200);
        expect(eventsOn(c, 'span:alarm').map((e) => [e.span, e.value ?? 0])).toEqual([[span, 2]]);
        expect(state(c, ch)).toBe('blocked');
        expect(c.t.engine.spanStatus(c.t.board, span).alarms).toEqual(['red']);
        s.clearAlarm(span);
        await run(c, 200);
        expect(eventsOn(c, 'span:alarm').map((e) => e.value ?? 0)).toEqual([2, 0]); // the engine leaves a zero value out
        expect(state(c, ch)).toBe('idle');
        expect(c.t.engine.spanStatus(c.t.board, span).alarms).toEqual([]);
      } finally {
        await c.t.close();
      }
    });

    it('a board reset is reported and leaves every channel idle', async (ctx) => {
      const c = await open(factory);
      try {
        const ch = channelOf(c, 'fxo');
        const s = c.t.stimuli;
        if (!s.resetBoard || ch === undefined || !s.incomingCall) return ctx.skip();
        s.incomingCall(ch);
        await run(c, 200);
        await c.t.engine.offhook({ board: c.t.board, channel: ch });
        await run(c, 200);
        s.resetBoard();
        await run(c, 200);
        expect(eventsOn(c, 'board:reset')).toHaveLength(1);
        expect(c.t.engine.lineStates(c.t.board).every((x) => x === 'idle')).toBe(true);
      } finally {
        await c.t.close();
      }
    });
  });
}
