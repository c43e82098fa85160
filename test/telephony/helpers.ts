// The telephony core on the mock engine: one board of 4 FXS ports
// (extensions 101-104), 4 FXO lines and one E1 span, stepped 20 ms at a time
// with the call layer settled between frames.
import { Inventory } from '../../src/telephony/inventory.ts';
import { memoryLog } from '../../src/telephony/log.ts';
import { MockEngine } from './mock/mock-engine.ts';
import { Telephony, type TelephonyOptions } from '../../src/telephony/telephony.ts';
import type { ChannelRef } from '../../src/telephony/engine-port.ts';

export type MockRig = ReturnType<typeof mockRig>;

export function mockRig(opts: Partial<TelephonyOptions> & { tonePlan?: boolean } = {}) {
  const { tonePlan = true, ...telOpts } = opts;
  const engine = new MockEngine({ tonePlan, fileMs: () => 3000 });
  const board = engine.addBoard({ fxs: 4, fxo: 4, e1: 1 });
  const inventory = new Inventory();
  inventory.addBoard(board, engine.boardInfo(board), 'mock0', engine.lineStates(board));
  for (let i = 1; i <= 4; i++) inventory.channel({ board, channel: i })!.role.extension = String(100 + i);
  const log = memoryLog();
  let n = 0;
  const tel = new Telephony({
    engine,
    inventory,
    log,
    ids: () => `c${++n}`,
    toneDetection: tonePlan,
    epochMs: 0,
    ...telOpts,
  }).start();
  const ch = (channel: number): ChannelRef => ({ board, channel });
  return {
    engine,
    tel,
    inventory,
    log,
    board,
    ch,
    /** FXS port i (1..4): extension 100 + i */
    phone: (i: number) => ch(i),
    /** FXO line i (1..4) */
    line: (i: number) => ch(4 + i),
    /** E1 timeslot index i (1..30) */
    e1: (i: number) => ch(8 + i),
    /** runs ms of engine time, settling the call layer after each frame */
    async run(ms: number): Promise<void> {
      await tel.settled();
      for (let t = 0; t < ms; t += engine.frameMs) {
        engine.step();
        await tel.settled();
      }
    },
    /** runs until p settles (at most maxMs), then returns its value */
    async until<T>(p: Promise<T>, maxMs = 120_000): Promise<T> {
      let done = false;
      const q = p.finally(() => (done = true));
      q.catch(() => {});
      await tel.settled();
      for (let t = 0; t < maxMs && !done; t += engine.frameMs) {
        engine.step();
        await tel.settled();
      }
      return q;
    },
  };
}
