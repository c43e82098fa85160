// The only module that loads firmware-sim's addon (the simulated board):
// firmware-sim/build/Release/firmware_sim.node, built by src/setup/build-sim.mjs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createError } from '../native/errors.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SIM_ADDON_PATH = join(root, 'firmware-sim', 'build', 'Release', 'firmware_sim.node');

/** A world event as the addon reports it (t in samples at 8 kHz). */
export interface NativeWorldEvent {
  type:
    | 'clock'
    | 'phone:ring'
    | 'phone:state'
    | 'phone:heard'
    | 'phone:display'
    | 'call:state'
    | 'call:dialled'
    | 'call:calling'
    | 'call:heard'
    | 'call:script'
    | 'call:ended'
    | 'line:signal'
    | 'line:bits'
    | 'span:alarm'
    | 'board:reset'
    | 'pri:event';
  channel: number;
  call: number;
  t: number;
  value: number;
  text: string;
}

/** A raw line event the board reported to its driver (drivers/driver.h LineEventType values). */
export interface NativeLineEvent {
  type: number;
  span: number;
  channel: number;
  value: number;
  /** World sample after the frame it was reported in. */
  t: number;
}

export interface NativeChannelInfo {
  span: number;
  number: number;
  timeslot: number;
  kind: 'fxs' | 'fxo' | 'e1';
  law: 'alaw' | 'ulaw';
}

export interface NativeSpanStatus {
  alarms: number;
  slips: number;
  crcErrors: number;
  bipolarViolations: number;
  frameErrors: number;
}

export interface NativeStep {
  rx: Uint8Array[];
  pcm: Int16Array[];
  lineEvents: NativeLineEvent[];
}

/** The config object the addon reads (built by config.ts; see firmware-sim/src/config.h). */
export type NativeSimConfig = Record<string, unknown>;
export type NativeScript = Record<string, unknown>;

export interface NativeSimBoard {
  port(): unknown;
  info(): { abiVersion: number; model: string; serial: string; firmware: string; spans: number; channels: NativeChannelInfo[] };
  now(): number;
  attached(): boolean;
  /** restricted: an ISDN caller's number is not to be presented */
  callIn(channel: number, from: string, script: NativeScript, restricted?: boolean): number;
  expect(number: string, script: NativeScript): void;
  forget(number: string): void;
  far(op: 'press', call: number, digits: string): void;
  far(op: 'speak' | 'silence', call: number, ms: number): void;
  far(op: 'play', call: number, tone: string, ms: number): void;
  far(op: 'hangup', call: number): void;
  phone(op: 'offhook' | 'onhook' | 'stop', channel: number): void;
  phone(op: 'dial', channel: number, digits: string): void;
  phone(op: 'flash' | 'speak', channel: number, ms: number): void;
  fault(op: 'drop', channel: number, ms: number): void;
  fault(op: 'alarm', span: number, bits: number): void;
  fault(op: 'clear', span: number): void;
  fault(op: 'errors', span: number, crc: number, slips: number): void;
  fault(op: 'reset'): void;
  fault(op: 'restart', channel: number): void;
  drain(): NativeWorldEvent[];
  spanStatus(span: number): NativeSpanStatus | null;
  stepForTest(frames: number, frameSamples: number, tx?: (Int16Array | undefined)[]): NativeStep;
  hookForTest(channel: number, op: number): void;
  setBitsForTest(channel: number, abcd: number): void;
  close(): void;
}

/** firmware-sim/src/dahdi_emu_napi.cc: the DAHDI emulator on a simulated board. */
export interface NativeDahdiEmulator {
  sys(): unknown;
  channels(): { number: number; span: number; chanpos: number; simChannel: number; sig: number }[];
  open(path: string): number;
  closeFd(fd: number): number;
  ioctlInt(fd: number, request: number, value?: number): { ret: number; value: number };
  read(fd: number, n: number): Uint8Array | number;
  write(fd: number, data: Uint8Array): number;
  poll(fd: number, events: number): number;
  raise(channel: number, event: number): boolean;
  dchanSend(span: number, frame: Uint8Array): boolean;
  dchanTake(span: number): Uint8Array[];
  /** Serves the emulator's ctl and channel files on a FUSE mount (dahdi_fuse.h); throws why it cannot. */
  fuseMount(dir: string): void;
  fuseUnmount(): void;
  close(): void;
}

/** firmware-sim/src/kernel_calls_napi.cc: the same raw calls, as real system calls (>= 0, or -errno). */
export interface NativeKernelCalls {
  open(path: string): number;
  closeFd(fd: number): number;
  ioctlInt(fd: number, request: number, value?: number): { ret: number; value: number };
  read(fd: number, n: number): Uint8Array | number;
  write(fd: number, data: Uint8Array): number;
  poll(fd: number, events: number, timeoutMs?: number): number;
}

export interface SimAddon {
  SimBoard: new (config: NativeSimConfig, onEvents?: (events: NativeWorldEvent[]) => void) => NativeSimBoard;
  DahdiEmulator: new (port: unknown, opts?: { dchannel?: boolean }) => NativeDahdiEmulator;
  kernelCalls: NativeKernelCalls;
  setErrorFactory(f: (code: string, message: string) => Error): void;
  abiVersion: number;
}

function load(): SimAddon {
  if (!existsSync(SIM_ADDON_PATH)) {
    throw new Error(`simulated board not built (${SIM_ADDON_PATH} is missing): run \`node src/setup/build-sim.mjs\``);
  }
  const require = createRequire(import.meta.url);
  const a = require(SIM_ADDON_PATH) as SimAddon;
  a.setErrorFactory(createError);
  return a;
}

export const simAddon: SimAddon = load();
