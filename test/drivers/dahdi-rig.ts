// A rig for drivers/dahdi tests: a simulated world, the DAHDI emulator on it,
// and a stepped engine with a DAHDI board of every emulated channel. The
// driver reaches the emulator through its system-call table, or with `fuse`
// through the kernel: real system calls on the emulator's files on a FUSE
// mount (src/sim/dahdi-fuse.ts), unmounted by close().
import { loadTonePlanJson } from '../../src/dsp/tones.ts';
import { MediaEngine } from '../../src/native/engine.ts';
import { DahdiEmulator, SimWorld, mountDahdiFuse, type DahdiFuseMount } from '../../src/sim/index.ts';
import type { ConformanceTarget } from './conformance.ts';

export interface DahdiRig {
  world: SimWorld;
  emu: DahdiEmulator;
  engine: MediaEngine;
  board: number;
  /** the FUSE mount the driver opens its files on (with `fuse`) */
  mount?: DahdiFuseMount;
  /** the simulated board's channel behind a board channel */
  simChannel(ch: number): number;
  /** the DAHDI channel number of a board channel */
  dahdiChannel(ch: number): number;
  close(): Promise<void>;
}

export function dahdiRig(seed: number, opts: { devDir?: string; fuse?: boolean } = {}): DahdiRig {
  const world = new SimWorld({ seed, fxs: 2, fxo: 2, e1: 1 });
  const emu = new DahdiEmulator(world);
  const chans = emu.channels();
  let mount: DahdiFuseMount | undefined;
  let engine: MediaEngine | undefined;
  try {
    mount = opts.fuse ? mountDahdiFuse(emu) : undefined;
    engine = new MediaEngine({ mode: 'stepped', tonePlan: loadTonePlanJson('cn') });
    const channels = chans.map((c) => c.number);
    const board = mount
      ? engine.addDahdiBoard({ channels, devDir: mount.dir })
      : engine.addDahdiBoard({ channels, sys: emu.sys, devDir: opts.devDir });
    engine.start();
    const eng = engine;
    return {
      world,
      emu,
      engine: eng,
      board,
      mount,
      simChannel: (ch) => chans[ch - 1]!.simChannel,
      dahdiChannel: (ch) => chans[ch - 1]!.number,
      async close() {
        try {
          await eng.close(); // the driver closes its files first
        } finally {
          mount?.unmount();
          emu.close();
          world.close();
        }
      },
    };
  } catch (e) {
    void engine?.close();
    mount?.unmount();
    emu.close();
    world.close();
    throw e;
  }
}

/**
 * The driver conformance suite's target on a DAHDI rig: the simulated world
 * gives the stimuli. A board reset has no DAHDI event (no resetBoard stimulus).
 */
export async function dahdiTarget(opts: { fuse?: boolean } = {}): Promise<ConformanceTarget> {
  const rig = dahdiRig(31, opts);
  const { world } = rig;
  const name = (ch: number): string => world.channel(rig.simChannel(ch)).name;
  const calls = new Map<number, ReturnType<SimWorld['pstn']['call']>>();
  return {
    engine: rig.engine,
    board: rig.board,
    stimuli: {
      incomingCall: (ch) => calls.set(ch, world.pstn.call({ from: '13800138000', to: name(ch) })),
      phoneOffHook: (ch) => world.phones.get(name(ch).slice(6)).offhook(),
      phoneOnHook: (ch) => world.phones.get(name(ch).slice(6)).onhook(),
      farEndPress: (ch, digits) => calls.get(ch)?.press(digits),
      farEndHeard: (ch) => calls.get(ch)?.log.digits() ?? '',
      alarm: (span, bits) =>
        world.faults.alarm(
          span,
          (['los', 'red', 'yellow', 'ais'] as const).filter((_, i) => bits & (1 << i)),
        ),
      clearAlarm: (span) => world.faults.clearAlarm(span),
    },
    settle: () => new Promise((r) => setTimeout(r, 5)),
    close: () => rig.close(),
  };
}
