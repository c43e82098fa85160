// A rig for drivers/dahdi tests: a simulated world, the DAHDI emulator on it,
// and a stepped engine with a DAHDI board of every emulated channel.
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import { MediaEngine } from '../../src/native/engine.ts';
import { DahdiEmulator, SimWorld } from '../../src/sim/index.ts';

export interface DahdiRig {
  world: SimWorld;
  emu: DahdiEmulator;
  engine: MediaEngine;
  board: number;
  /** the simulated board's channel behind a board channel */
  simChannel(ch: number): number;
  /** the DAHDI channel number of a board channel */
  dahdiChannel(ch: number): number;
  close(): Promise<void>;
}

export function dahdiRig(seed: number, opts: { devDir?: string } = {}): DahdiRig {
  const world = new SimWorld({ seed, fxs: 2, fxo: 2, e1: 1 });
  const emu = new DahdiEmulator(world);
  const chans = emu.channels();
  const engine = new MediaEngine({ mode: 'stepped', tonePlan: loadTonePlanJson('cn') });
  const board = engine.addDahdiBoard({ channels: chans.map((c) => c.number), sys: emu.sys, ...opts });
  engine.start();
  return {
    world,
    emu,
    engine,
    board,
    simChannel: (ch) => chans[ch - 1]!.simChannel,
    dahdiChannel: (ch) => chans[ch - 1]!.number,
    async close() {
      await engine.close();
      emu.close();
      world.close();
    },
  };
}
