// The simulated board and its world (firmware-sim), for tests, the demo and
// `npm start`. See firmware-sim/README.md.
export { SimWorld, Pstn, Phones, Faults, LINE_EVENT_NAMES, ALARMS } from './world.ts';
export type { ChannelInfo, CallOptions, LineSignal, StepResult, AlarmName, LineEventName } from './world.ts';
export { DahdiEmulator, DAHDI } from './dahdi-emulator.ts';
export type { DahdiEmuChannel } from './dahdi-emulator.ts';
export { mountDahdiFuse, probeDahdiFuse, dahdiFuseUnavailable, detachDeadMounts, kernelCalls } from './dahdi-fuse.ts';
export type { DahdiFuseMount } from './dahdi-fuse.ts';
export { FarEnd } from './far-end.ts';
export type { FarState, FarWait, WaitOptions } from './far-end.ts';
export { Phone } from './phone.ts';
export type { PhoneStatus, PhoneWait } from './phone.ts';
export type { Heard, HeardKind, HeardSpec } from './heard.ts';
export { SimTimeoutError, DEFAULT_WAIT_MS } from './waiters.ts';
export { resolveSimConfig, DEFAULT_NUMBERS, DEFAULT_LINE_MODELS, FAR_KINDS } from './config.ts';
export type {
  SimWorldConfig,
  FarScript,
  ScriptStep,
  LineModel,
  PhoneConfig,
  LineConfig,
  E1Config,
  FarKind,
  SimTone,
  HangupSignal,
} from './config.ts';
