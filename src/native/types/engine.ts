// The native Engine class as the addon exports it. src/native/engine.ts wraps it
// with Promises and the engine clock; nothing else should use this directly.
import type { Law, ToneDescriptor } from './dsp-basic.ts';

export type ClockMode = 'realtime' | 'fast' | 'stepped';

export interface NativeEngineOptions {
  frameMs?: 10 | 20;
  mode?: ClockMode;
  /** engine:clock period in ms, a multiple of frameMs; 0 = off */
  clockEventMs?: number;
  /** call-progress plan as JSON text (see src/dsp/tone-plans) */
  tonePlan?: string;
}

export interface NativeEvent {
  type: string;
  seq: number;
  /** engine time, ms */
  ts: number;
  board?: number;
  span?: number;
  channel?: number;
  cmd?: number;
  name?: string;
  code?: string;
  digit?: string;
  startMs?: number;
  endMs?: number;
  value?: number;
  text?: string;
  /** line:ring on an ISDN PRI span: the parties the SETUP carried */
  calling?: string;
  called?: string;
  callingTon?: TypeOfNumber;
  calledTon?: TypeOfNumber;
  presentation?: 'allowed' | 'restricted' | 'unavailable';
}

/** Q.931 type of number (the numbering plan is E.164). */
export type TypeOfNumber = 'unknown' | 'international' | 'national' | 'network' | 'subscriber' | 'abbreviated';

/** An ISDN PRI span of a board (E1, D channel on TS16); the others keep CAS. */
export interface PriSpanOptions {
  span: number;
  /** overlap receiving: SETUP without "sending complete" is acknowledged and the number collected */
  overlap?: boolean;
  /** overlap: quiet after the last digit that completes the number (default 3000) */
  overlapMs?: number;
}

/** An outgoing ISDN call (Q.931 SETUP) on a B channel. */
export interface SetupRequest {
  called: string;
  calling?: string;
  calledTon?: TypeOfNumber;
  callingTon?: TypeOfNumber;
  presentation?: 'allowed' | 'restricted';
  /** channel selection: this B channel only (default) or preferred */
  exclusive?: boolean;
}

export interface PlayRequest {
  file?: string;
  pcm?: Int16Array;
  tone?: ToneDescriptor;
  /** DTMF dialing script; ',' pauses */
  digits?: string;
  onMs?: number;
  offMs?: number;
  pauseMs?: number;
  level?: number;
  loop?: boolean;
  /** a DTMF digit stops the prompt */
  bargeIn?: boolean;
}

export interface RecordRequest {
  path: string;
  format?: 'pcm16' | Law;
  maxMs?: number;
  maxSilenceMs?: number;
  /** dBm0 below which audio counts as silence */
  silenceLevel?: number;
  stopDigits?: string;
  beep?: boolean;
  source?: 'rx' | 'tx' | 'both';
}

export interface DetectRequest {
  dtmf?: boolean;
  tones?: boolean;
  energy?: boolean;
}

export interface CollectRequest {
  max?: number;
  timeoutMs?: number;
  interDigitTimeoutMs?: number;
  terminators?: string;
  flush?: boolean;
}

export interface SpanStatus {
  alarms: ('los' | 'red' | 'yellow' | 'ais')[];
  slips: number;
  crcErrors: number;
  bipolarViolations: number;
  frameErrors: number;
}

export interface BoardInfo {
  driver: string;
  /** highest span number on the board */
  spans: number;
  model: string;
  serial: string;
  firmware: string;
  channels: { span: number; number: number; kind: 'fxs' | 'fxo' | 'e1' | 'loopback'; law: Law; timeslot?: number; signalling?: 'cas' | 'pri' }[];
}

export interface EngineStats {
  ticks: number;
  lateTicks: number;
  maxTickUs: number;
  meanTickUs: number;
  threadCpuMs: number;
  nowMs: number;
  channels: number;
}

export type SimpleOp =
  | 'stopPlay'
  | 'stopRecord'
  | 'stopCollect'
  | 'unbridge'
  | 'confLeave'
  | 'hangup'
  | 'offhook'
  | 'onhook'
  | 'flash'
  | 'stopRing';

/** native/sig/line_state.h */
export type LineStateName = 'idle' | 'ringing' | 'alerting' | 'seized' | 'up' | 'clearing' | 'blocked';

export interface NativeEngine {
  addBoard(board: { driver: 'loopback'; channels: number; law?: Law } | { driver: 'sim'; port: unknown; pri?: PriSpanOptions[] }): number;
  setup(board: number, channel: number, req: SetupRequest): number;
  release(board: number, channel: number, cause: number): number;
  spanStatus(board: number, span: number): SpanStatus;
  boardInfo(board: number): BoardInfo;
  start(): void;
  stop(): void;
  play(board: number, channel: number, req: PlayRequest): number;
  record(board: number, channel: number, req: RecordRequest): number;
  detect(board: number, channel: number, req: DetectRequest): number;
  collect(board: number, channel: number, req: CollectRequest): number;
  simple(op: SimpleOp, board: number, channel: number): number;
  bridge(board: number, channel: number, board2: number, channel2: number): number;
  confJoin(board: number, channel: number, conference: number, mode?: 'talk-listen' | 'listen' | 'talk'): number;
  ring(board: number, channel: number, req: { cadenceMs?: number[] }): number;
  lineStates(board: number): LineStateName[];
  advance(ms: number): number;
  stats(): EngineStats;
}

export interface EngineAddon {
  Engine: new (options: NativeEngineOptions, onEvents: (events: NativeEvent[]) => void) => NativeEngine;
}
