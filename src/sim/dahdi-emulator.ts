// The DAHDI emulator on a simulated board (firmware-sim/src/dahdi_emu.h):
// DAHDI's channel devices as dahdi/user.h describes them, served to
// drivers/dahdi through a system-call table, so the real driver code runs on
// the simulated world:
//
//   const world = new SimWorld({ fxs: 2, fxo: 2, e1: 1 });
//   const dahdi = new DahdiEmulator(world);
//   engine.addDahdiBoard({ channels: dahdi.channels().map((c) => c.number), sys: dahdi.sys });
//
// The other methods make the system calls from JS, for tests of the DAHDI
// discipline (an event pending fails read/write with ELAST and polls POLLPRI
// until DAHDI_GETEVENT), and play the far end of each E1 span's D-channel.
import { simAddon, type NativeDahdiEmulator } from './addon.ts';
import type { SimWorld } from './world.ts';

const ioc = (dir: number, nr: number, size: number): number => ((dir << 30) | (size << 16) | (0xda << 8) | nr) >>> 0;
const IOW = 1;
const IOR = 2;

/** The numbers of dahdi/user.h the tests use (ioctls on an int argument, events, signalling, errno). */
export const DAHDI = {
  SPECIFY: ioc(IOW, 38, 4),
  HOOK: ioc(IOW, 7, 4),
  GETEVENT: ioc(IOR, 8, 4),
  GETRXBITS: ioc(IOR, 43, 4),
  ONHOOK: 0,
  OFFHOOK: 1,
  RING: 5,
  RINGOFF: 6,
  EVENT_NONE: 0,
  EVENT_ONHOOK: 1,
  EVENT_RINGOFFHOOK: 2,
  EVENT_WINKFLASH: 3,
  EVENT_ALARM: 4,
  EVENT_NOALARM: 5,
  EVENT_RINGERON: 10,
  EVENT_RINGEROFF: 11,
  EVENT_BITSCHANGED: 13,
  EVENT_POLARITY: 17,
  EVENT_RINGBEGIN: 18,
  SIG_FXSKS: (1 << 2) | (1 << 13),
  SIG_FXOKS: (1 << 5) | (1 << 12),
  SIG_CAS: 1 << 15,
  SIG_HARDHDLC: (1 << 19) | (1 << 7),
  ELAST: 500,
  EAGAIN: 11,
  EBUSY: 16,
  POLLIN: 0x1,
  POLLPRI: 0x2,
  POLLOUT: 0x4,
} as const;

export interface DahdiEmuChannel {
  /** DAHDI channel number */
  number: number;
  /** DAHDI span (= the simulated board's span) */
  span: number;
  /** position in the span (E1: the timeslot) */
  chanpos: number;
  /** the simulated board's channel; 0 for a D-channel */
  simChannel: number;
  /** DAHDI_SIG_*: fxoks for an FXS port, fxsks for an FXO port, cas, hardhdlc */
  sig: number;
}

export class DahdiEmulator {
  readonly #native: NativeDahdiEmulator;

  constructor(world: SimWorld, opts: { dchannel?: boolean } = {}) {
    this.#native = new simAddon.DahdiEmulator(world.port, opts);
  }

  /** The system-call table for `engine.addDahdiBoard({ sys })`. */
  get sys(): unknown {
    return this.#native.sys();
  }

  channels(): DahdiEmuChannel[] {
    return this.#native.channels();
  }

  /** The raw calls; each returns what the call returned (>= 0, or -errno). */
  get calls(): Pick<NativeDahdiEmulator, 'open' | 'closeFd' | 'ioctlInt' | 'read' | 'write' | 'poll'> {
    return this.#native;
  }

  /** Queue a DAHDI event on a channel, as a card's kernel driver would. */
  raise(channel: number, event: number): boolean {
    return this.#native.raise(channel, event);
  }

  /** The network sends a frame on a span's D-channel. */
  dchanSend(span: number, frame: Uint8Array): boolean {
    return this.#native.dchanSend(span, frame);
  }

  /** The frames the board sent on a span's D-channel since the last call. */
  dchanTake(span: number): Uint8Array[] {
    return this.#native.dchanTake(span);
  }

  /**
   * Serves this emulator's `ctl` and `channel` files on a FUSE mount at `dir`
   * (an existing empty directory) until unmountFuse() or close(), so the
   * driver's real system calls reach it (devDir: dir). Throws why it cannot;
   * see mountDahdiFuse() (dahdi-fuse.ts) for the temporary directory and the
   * clean-up around it.
   */
  mountFuse(dir: string): void {
    this.#native.fuseMount(dir);
  }

  unmountFuse(): void {
    this.#native.fuseUnmount();
  }

  close(): void {
    this.#native.close();
  }
}
