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
  /** realtime mode: SCHED_FIFO priority of the media thread (1..99); 0 = normal */
  rtPriority?: number;
  /** line signalling of every channel (native/sig/line_signalling.h) */
  signalling?: SignallingOptions;
}

/** Line signalling timers and supervision choices (native SigConfig). */
export interface SignallingOptions {
  /** FXS: an on-hook shorter than this is a bounce (default 100) */
  flashMinMs?: number;
  /** FXS: an on-hook up to this long is a hook flash, longer is a hang-up (default 800) */
  flashMaxMs?: number;
  /** FXO: no ring for this long and the caller gave up (default 6500) */
  ringTimeoutMs?: number;
  /** FXO: a polarity reversal on a seized line is the answer (default true) */
  answerOnPolarity?: boolean;
  /** FXO: a polarity reversal on a connected line is the far end leaving (default true) */
  disconnectOnPolarity?: boolean;
  /** FXO: loop current dropping is the far end leaving (default true) */
  disconnectOnLoopDrop?: boolean;
  /** FXO pulse dialling: break, make, interdigit pause (default 60, 40, 700: 10 pps) */
  pulseBreakMs?: number;
  pulseMakeMs?: number;
  pulseInterdigitMs?: number;
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
  /** line:refused: the line state the refused move was from (name: the state it was to, text: what asked for it, value: the channel's refused moves so far) */
  from?: string;
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
/** An E1 CAS span whose timeslots exchange the numbers in MFC-R2 registers (native/sig/r2_register.h). */
export interface R2SpanOptions {
  span: number;
  /** china: China No.1 (A-1, A-6, B-1); itu: Q.441 (A-5, B-6). Default china. */
  variant?: 'china' | 'itu';
  /** inbound: the DNIS is complete after this many digits (0: end signal or quiet, default) */
  maxDnis?: number;
  /** outbound: group II calling party category, 1..10 (default 1, ordinary subscriber) */
  category?: number;
}

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
  channels: {
    span: number;
    number: number;
    kind: 'fxs' | 'fxo' | 'e1' | 'loopback';
    law: Law;
    timeslot?: number;
    signalling?: 'cas' | 'pri';
    /** CAS: how the numbers travel (mfcr2 registers, or the dialled number alone in DTMF) */
    registers?: 'mfcr2' | 'dtmf';
  }[];
}

export interface EngineStats {
  ticks: number;
  lateTicks: number;
  maxTickUs: number;
  meanTickUs: number;
  /** CPU time of the media thread */
  threadCpuMs: number;
  /** of threadCpuMs, the time inside the boards' read/write/poll (driver I/O; with the simulated board, the simulated world) */
  boardCpuMs: number;
  /** of boardCpuMs, the boards' read(): it runs before the tick's detectors, delaying the tick's events */
  boardReadCpuMs: number;
  /** realtime: CLOCK_MONOTONIC ms (process.hrtime's clock) at which tick 0 was due; tick k is due k * frameMs later. 0 otherwise */
  scheduleOriginMs: number;
  nowMs: number;
  channels: number;
  /** the SCHED_FIFO priority the media thread got (0: normal scheduling, or refused) */
  rtPriority: number;
  /** line state moves the native table refused, every channel together (each one a line:refused event, logged) */
  refusedMoves: number;
}

export type SimpleOp =
  'stopPlay' | 'stopRecord' | 'stopCollect' | 'unbridge' | 'confLeave' | 'hangup' | 'offhook' | 'onhook' | 'flash' | 'stopRing';

/** native/sig/line_state.h */
export type LineStateName = 'idle' | 'ringing' | 'alerting' | 'seized' | 'up' | 'clearing' | 'blocked';

/** A DAHDI board: its channel numbers and the driver's options (src/native/engine.ts addDahdiBoard). */
export interface DahdiBoardOptions {
  channels: number[];
  devDir?: string;
  numbufs?: number;
  echoCancelTaps?: number;
  law?: Law;
  sys?: unknown;
  /** CAS spans running MFC-R2 registers */
  r2?: R2SpanOptions[];
}

export interface NativeEngine {
  addBoard(
    board:
      | { driver: 'loopback'; channels: number; law?: Law }
      | { driver: 'sim'; port: unknown; pri?: PriSpanOptions[]; r2?: R2SpanOptions[] }
      | ({ driver: 'dahdi' } & DahdiBoardOptions),
  ): number;
  setup(board: number, channel: number, req: SetupRequest): number;
  release(board: number, channel: number, cause: number): number;
  spanStatus(board: number, span: number): SpanStatus;
  boardInfo(board: number): BoardInfo;
  start(): void;
  stop(): void;
  /** JS has handled a delivered batch of events (fast mode waits for it). */
  batchDone(): void;
  play(board: number, channel: number, req: PlayRequest): number;
  record(board: number, channel: number, req: RecordRequest): number;
  detect(board: number, channel: number, req: DetectRequest): number;
  collect(board: number, channel: number, req: CollectRequest): number;
  simple(op: SimpleOp, board: number, channel: number): number;
  bridge(board: number, channel: number, board2: number, channel2: number): number;
  confJoin(board: number, channel: number, conference: number, mode?: 'talk-listen' | 'listen' | 'talk'): number;
  ring(board: number, channel: number, req: RingRequest): number;
  pulseDial(board: number, channel: number, digits: string): number;
  lineStates(board: number): LineStateName[];
  advance(ms: number): number;
  stats(): EngineStats;
}

export interface EngineAddon {
  Engine: new (options: NativeEngineOptions, onEvents: (events: NativeEvent[]) => void) => NativeEngine;
}

/** When an FXS port sends caller ID (RingRequest.callerIdTiming). */
export type CallerIdTiming = 'between-rings' | 'etsi-dtas' | 'etsi-rpas';

/** FXS ring command: the cadence, and caller ID to send in the first ring pause. */
export interface RingRequest {
  /** ms on, off, ...; default 1000 on, 4000 off. */
  cadenceMs?: number[];
  /** Sent 500 ms into the first pause; must end 200 ms before the second ring. */
  callerId?: { number?: string; name?: string; time?: string; withheld?: 'private' | 'unavailable' };
  /** Default bell202 (Bellcore GR-30, China YD/T 1277.1). */
  callerIdFormat?: 'bell202' | 'v23' | 'dtmf';
  callerIdLevelDbm0?: number;
  /**
   * 'between-rings' (default): in the first ring pause. Before the first ring,
   * as ETSI EN 300 659-1 has it (the format then defaults to v23):
   * 'etsi-dtas': line reversal, DT-AS (2130 + 2750 Hz, 100 ms) 150 ms later,
   * the FSK 100 ms after it, normal polarity again, the first ring 250 ms
   * after the FSK; 'etsi-rpas': a 250 ms ring pulse, the FSK 650 ms after it,
   * the first ring 250 ms after the FSK.
   */
  callerIdTiming?: CallerIdTiming;
}
