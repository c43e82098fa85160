// The conformance suite against drivers/sim, the engine's driver for the
// simulated board (firmware-sim), with the simulated world as the test rig.
import { describe, expect, it } from 'vitest';
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import { MediaEngine } from '../../src/native/engine.ts';
import { SimWorld } from '../../src/sim/index.ts';
import { driverConformance, type ConformanceTarget } from './conformance.ts';

async function simTarget(): Promise<ConformanceTarget> {
  const world = new SimWorld({ seed: 21, fxs: 2, fxo: 2, e1: 1 });
  const engine = new MediaEngine({ mode: 'stepped', tonePlan: loadTonePlanJson('cn') });
  const board = engine.addSimBoard(world.port);
  engine.start();
  const byChannel = new Map<number, ReturnType<SimWorld['pstn']['call']>>();
  return {
    engine,
    board,
    stimuli: {
      incomingCall: (ch) => byChannel.set(ch, world.pstn.call({ from: '13800138000', to: world.channel(ch).name })),
      phoneOffHook: (ch) => world.phones.get(world.channel(ch).name.slice(6)).offhook(),
      phoneOnHook: (ch) => world.phones.get(world.channel(ch).name.slice(6)).onhook(),
      farEndPress: (ch, digits) => byChannel.get(ch)?.press(digits),
      farEndHeard: (ch) => byChannel.get(ch)?.log.digits() ?? '',
      alarm: (span, bits) =>
        world.faults.alarm(
          span,
          (['los', 'red', 'yellow', 'ais'] as const).filter((_, i) => bits & (1 << i)),
        ),
      clearAlarm: (span) => world.faults.clearAlarm(span),
      resetBoard: () => world.faults.resetBoard(),
    },
    // The world's events come through its own thread-safe function.
    settle: () => new Promise((r) => setTimeout(r, 5)),
    async close() {
      await engine.close();
      world.close();
    },
  };
}

driverConformance('sim', simTarget);

describe('the scenario API with the engine driving the board', () => {
  it('fast mode: world events arrive through the thread-safe function; waits follow world time', async () => {
    const world = new SimWorld({ seed: 22, fxs: 1, fxo: 1, e1: 0 });
    const engine = new MediaEngine({ mode: 'fast', tonePlan: loadTonePlanJson('cn') });
    const board = engine.addSimBoard(world.port);
    const line = { board, channel: 2 };
    engine.on('line:ring', () => void engine.offhook(line).catch(() => {}));
    engine.start();
    try {
      const caller = world.pstn.call({ from: '13800138000', to: 'line:1' });
      await caller.waitFor('connected', { timeoutMs: 20_000 });
      const played = engine.play(line, { digits: '123' });
      expect(await caller.waitFor('digits', { count: 3, timeoutMs: 5_000 })).toBe('123');
      await played;
      const disconnected = new Promise((r) => engine.once('line:disconnect', r));
      caller.hangup();
      expect(((await disconnected) as { name?: string }).name).toBe('polarity');
      expect(world.nowMs).toBeGreaterThan(0);
      expect(world.info.model).toBe(engine.boardInfo(board).model);
      expect(() => world.step(1)).toThrow(/an engine drives this board/);
    } finally {
      await engine.close();
      world.close();
    }
  });

  it('fast mode waits for the call layer: a handler that is slow does not let the board run ahead', async () => {
    const world = new SimWorld({ seed: 23, fxs: 1, fxo: 1, e1: 0 });
    const engine = new MediaEngine({ mode: 'fast', tonePlan: loadTonePlanJson('cn') });
    const board = engine.addSimBoard(world.port);
    const line = { board, channel: 2 };
    let ringTs = -1;
    engine.once('line:ring', (e: { ts: number }) => {
      ringTs = e.ts;
      const until = Date.now() + 300; // a call layer busy for 300 ms of wall time
      while (Date.now() < until);
      void engine.offhook(line).catch(() => {});
    });
    const up = new Promise<{ ts: number }>((r) => engine.on('line:state', (e: { name?: string; ts: number }) => e.name === 'up' && r(e)));
    engine.start();
    try {
      world.pstn.call({ from: '13800138000', to: 'line:1' });
      const answered = await up;
      // The seizure went out on the frame after the ring was reported (20 ms
      // frames), not seconds of board time later.
      expect(ringTs).toBeGreaterThanOrEqual(0);
      expect(answered.ts - ringTs).toBeLessThanOrEqual(40);
    } finally {
      await engine.close();
      world.close();
    }
  });
});
