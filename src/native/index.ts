// The typed facade over the native addon: the only way the rest of boardcti
// reaches C++ (test/layers/arrows.test.ts keeps it so). Arguments are checked
// here with precise messages; C++ only guards (STYLE.md #5).
export { CtiError, ERROR_CODES, type ErrorCode } from './errors.ts';
export { EngineClock, type Clock, type TimerHandle } from './clock.ts';
export { MediaEngine, type ChannelRef, type EngineOptions, type PlayResult, type RecordResult, type CollectResult } from './engine.ts';
export type { Law, Isa, ToneDescriptor } from './types/dsp-basic.ts';
export { activeIsa } from './isa.ts';
export * from './callerid.ts';
export * from './dtmf.ts';
export * from './mfr2.ts';
export * from './tones.ts';
export * from './wav.ts';
