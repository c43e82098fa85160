// The telephony core: calls, legs, bridges and conferences as TS state
// machines over the engine (or the mock engine), on one clock.
export * from './types.ts';
export { Telephony, type TelephonyOptions, type DialOutcome } from './telephony.ts';
export { Call, type CallDirection } from './call.ts';
export { Leg, type LegEnd } from './leg.ts';
export { Conference, type ConferenceMode } from './conference.ts';
export { Inventory, BoardMirror, SpanMirror, ChannelMirror, type ChannelRole } from './inventory.ts';
export { MemoryCallRecords, callRecord, type CallRecord, type LegRecord, type CallRecordRepository } from './call-records.ts';
export { StateMachine, type TransitionTable, type Transition } from './state-machine.ts';
export { LEG_TRANSITIONS, CALL_TRANSITIONS } from './states.ts';
export { silentLog, memoryLog, channelLog, type Log, type LogLine } from './log.ts';
export { simpleTones, type EnginePort, type ToneSource, type CallerIdSender } from './engine-port.ts';
