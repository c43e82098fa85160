// The telephony core on the simulated board with one E1 span signalling ISDN
// PRI: the engine is the user side, the simulated exchange the network side,
// real Q.921/Q.931 frames crossing the span's D channel. Stepped 20 ms at a
// time with the call layer settled between frames.
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import { MediaEngine, type PriSpanOptions } from '../../src/native/engine.ts';
import { SimWorld } from '../../src/sim/index.ts';
import type { E1Config } from '../../src/sim/config.ts';
import { Inventory } from '../../src/telephony/inventory.ts';
import { memoryLog } from '../../src/telephony/log.ts';
import { Telephony } from '../../src/telephony/telephony.ts';

export type PriRig = Awaited<ReturnType<typeof priRig>>;

export async function priRig(opts: { seed?: number; span?: Partial<E1Config>; pri?: Partial<PriSpanOptions> } = {}) {
  const world = new SimWorld({ seed: opts.seed ?? 1, fxs: 0, fxo: 0, e1: [{ signalling: 'pri', ...opts.span }] });
  const engine = new MediaEngine({ mode: 'stepped', tonePlan: loadTonePlanJson('cn') });
  const board = engine.addSimBoard(world.port, { pri: [{ span: 2, ...opts.pri }] });
  const inventory = new Inventory();
  inventory.addBoard(board, engine.boardInfo(board), 'sim0', engine.lineStates(board));
  const log = memoryLog();
  let n = 0;
  const tel = new Telephony({ engine, inventory, log, ids: () => `c${++n}`, toneDetection: true, epochMs: 0 }).start();
  engine.start();
  const step = async () => {
    await engine.advance(20);
    await tel.settled();
  };
  const rig = {
    world,
    engine,
    tel,
    inventory,
    log,
    board,
    /** the board channel of timeslot ts */
    ts: (ts: number) => ({ board, channel: ts < 16 ? ts : ts - 1 }),
    span: () => inventory.span(board, 2)!,
    async run(ms: number): Promise<void> {
      for (let t = 0; t < ms; t += 20) await step();
    },
    async until<T>(p: Promise<T>, maxMs = 120_000): Promise<T> {
      let done = false;
      const q = p.finally(() => (done = true));
      q.catch(() => {});
      await tel.settled();
      for (let t = 0; t < maxMs && !done; t += 20) await step();
      // World events arrive through the world's own thread-safe function.
      for (let i = 0; i < 5 && !done; i++) await new Promise((r) => setTimeout(r, 5));
      if (!done) throw new Error(`not settled within ${maxMs} ms of engine time`);
      return q;
    },
    async close(): Promise<void> {
      await tel.shutdown();
      await engine.close();
      world.close();
    },
  };
  // The D channel comes up (SABME / UA) within the first frames.
  for (let t = 0; t < 2000 && rig.span().dchan !== 'up'; t += 20) await step();
  return rig;
}
