// What the telephony core needs of an engine: the MediaEngine facade
// (src/native/engine.ts) has this shape, and so has the pure-TS MockEngine
// (mock-engine.ts) that unit tests drive. Only types are imported from
// src/native here, so nothing in src/telephony loads the addon.
import type { Clock } from '../native/clock.ts';
import type {
  BoardInfo,
  ChannelRef,
  CollectRequest,
  CollectResult,
  DetectRequest,
  LineStateName,
  NativeEvent,
  PlayRequest,
  PlayResult,
  RecordRequest,
  RecordResult,
  SetupRequest,
  SpanStatus,
} from '../native/engine.ts';
import type { ToneDescriptor } from '../native/types/dsp-basic.ts';
import type { RingRequest, SimpleOp } from '../native/types/engine.ts';
import type { ToneKind } from '../native/types/tones.ts';

export type {
  BoardInfo,
  ChannelRef,
  CollectResult,
  LineStateName,
  NativeEvent,
  PlayRequest,
  PlayResult,
  RecordRequest,
  RecordResult,
  SetupRequest,
  SimpleOp,
  SpanStatus,
};

export interface EnginePort {
  readonly clock: Clock;
  boardInfo(board: number): BoardInfo;
  lineStates(board: number): LineStateName[];
  /** alarms and error counters of a span, where the board reports them */
  spanStatus?(board: number, span: number): SpanStatus;
  play(ch: ChannelRef, req: PlayRequest): Promise<PlayResult>;
  record(ch: ChannelRef, req: RecordRequest): Promise<RecordResult>;
  collect(ch: ChannelRef, req: CollectRequest): Promise<CollectResult>;
  detect(ch: ChannelRef, req: DetectRequest): Promise<void>;
  bridge(a: ChannelRef, b: ChannelRef): Promise<void>;
  conference(ch: ChannelRef, conference: number, mode?: 'talk-listen' | 'listen' | 'talk'): Promise<void>;
  stop(op: SimpleOp, ch: ChannelRef): Promise<void>;
  offhook(ch: ChannelRef): Promise<void>;
  /** cause: the Q.850 cause an ISDN line clears with (other lines ignore it) */
  onhook(ch: ChannelRef, cause?: number): Promise<void>;
  /** ISDN PRI B channel: place a call (SETUP); progress follows as line:* events */
  setup?(ch: ChannelRef, req: SetupRequest): Promise<void>;
  flash(ch: ChannelRef): Promise<void>;
  ring(ch: ChannelRef, opts?: RingRequest): Promise<void>;
  stopRing(ch: ChannelRef): Promise<void>;
  /** FXO: dial by loop-disconnect pulses; `line:dialed` when the last is sent (boards without it: DTMF only) */
  pulseDial?(ch: ChannelRef, digits: string): Promise<void>;
  on(event: 'event', listener: (e: NativeEvent) => void): unknown;
  off(event: 'event', listener: (e: NativeEvent) => void): unknown;
}

/** The tones of the configured tone plan, to play (dial tone, ringback and busy to a phone or a caller). */
export type ToneSource = (tone: ToneKind) => ToneDescriptor | undefined;

/**
 * Sends caller ID to a phone some other way than the engine's own (which sends
 * FSK in the first ring pause through engine.ring({ callerId })). When one is
 * configured, legs use it instead of the engine's; normally none is.
 */
export type CallerIdSender = (ch: ChannelRef, id: { number: string; name?: string }) => Promise<void>;

/** A fallback ToneSource: the cn plan's 450 Hz tones, for tests and boards without a plan. */
export const simpleTones: ToneSource = (tone) => {
  const on = (ms: number) => ({ tones: [{ freq: 450, level: -10 }], ms });
  const off = (ms: number) => ({ tones: [], ms });
  switch (tone) {
    case 'dial':
      return { segments: [on(1000)], repeat: 0 };
    case 'busy':
      return { segments: [on(350), off(350)], repeat: 0 };
    case 'congestion':
      return { segments: [on(700), off(700)], repeat: 0 };
    case 'ringback':
      return { segments: [on(1000), off(4000)], repeat: 0 };
    default:
      return undefined;
  }
};
