// The typed facade over the native addon: the only way the rest of boardcti
// reaches C++.
export { addon } from './addon.ts';
export { CtiError, ERROR_CODES, type ErrorCode } from './errors.ts';
export { EngineClock, type Clock, type TimerHandle } from './clock.ts';
export { MediaEngine, type ChannelRef, type EngineOptions, type PlayResult, type RecordResult, type CollectResult } from './engine.ts';
export type { Law, Isa, ToneDescriptor } from './types/dsp-basic.ts';
