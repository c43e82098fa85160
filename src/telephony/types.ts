// The vocabulary of the telephony core: leg and call states, why a leg ended,
// what a dial attempt found, and the options of the operations on a leg.
import type { ToneKind } from '../native/types/tones.ts';

/** Leg and call states (one declared table each: states.ts). */
export const LEG_STATES = [
  'idle', // created, nothing on the line yet
  'offered', // inbound: the line rings us (FXO/E1) or a phone went off hook (FXS)
  'ringing', // we ring a phone (FXS)
  'dialing', // outbound: line seized, waiting for dial tone / sending digits
  'proceeding', // outbound: number sent, waiting for progress
  'alerting', // outbound: the far end rings (ringback heard)
  'connected', // answered: media flows
  'held', // connected, but the other party hears music instead
  'disconnecting', // being released
  'ended', // gone, with a cause
] as const;
export type LegState = (typeof LEG_STATES)[number];
export type CallState = LegState;

/** Why a leg (or a call) ended. `detail` says more: the native cause, the tone... */
export const END_CAUSES = [
  'normal', // we hung up
  'remote-hangup', // the other party hung up (detail: polarity, loop-drop, clear-forward, clear-back, busy-tone, onhook)
  'abandoned', // the caller gave up before we answered
  'canceled', // we stopped ringing or dialing before an answer
  'no-answer',
  'busy',
  'unallocated',
  'congestion',
  'fax',
  'failed', // the line could not be used (no dial tone, refused command...)
  'alarm', // span alarm
  'reset', // board reset
  'shutdown', // the server stopped
] as const;
export type EndCause = (typeof END_CAUSES)[number];

/** What dial() found at the far end. */
export const DIAL_RESULTS = ['answered', 'busy', 'no-answer', 'unallocated', 'fax', 'congestion', 'failed'] as const;
export type DialResult = (typeof DIAL_RESULTS)[number];

export type ChannelKind = 'fxs' | 'fxo' | 'e1' | 'loopback';
export type Direction = 'inbound' | 'outbound';

export interface CollectOptions {
  max?: number;
  /** ms to wait for the first digit */
  timeout?: number;
  /** ms to wait between digits */
  interDigitTimeout?: number;
  terminators?: string;
  /** drop digits typed before the collect started */
  flush?: boolean;
}

export interface DialOptions {
  /** presented where the line allows (ISDN, E1 CAS with MFC-R2 registers); kept on the leg */
  callerId?: string;
  /** ms from the number sent to the answer; then no-answer */
  timeout?: number;
  /** ISDN and MFC-R2: whether the network may show callerId to the called party (default allowed) */
  presentation?: 'allowed' | 'restricted';
  /** FXO: dial by loop-disconnect pulses (10 pps) instead of DTMF; default the line's configuration */
  pulse?: boolean;
}

export interface RingOptions {
  /** shown on the phone's display (FSK caller ID arrives with a later issue) */
  callerId?: string;
  callerName?: string;
  /**
   * The number is not to be shown (an ISDN caller with presentation
   * restricted): the phone's caller ID says "private" instead -- what PBXs
   * do (the FSK message's "reason for absence" P), rather than nothing, which
   * would look like a caller ID fault. Set by Telephony.ring() from the call.
   */
  callerIdWithheld?: 'private';
  /** ms on, off, ... (default: the board's country cadence) */
  cadenceMs?: number[];
  /** FSK caller ID in the first ring pause (default) or before the first ring (ETSI: 'etsi-dtas', 'etsi-rpas', sent as V.23). */
  callerIdTiming?: 'between-rings' | 'etsi-dtas' | 'etsi-rpas';
}

export interface HoldOptions {
  /** a WAV file looped to the held party; default: the tone plan's... a gentle tone pattern */
  music?: string;
}

export interface CallerId {
  number: string;
  name?: string;
}

/** Timings of the call layer; every one is read from the injected clock. */
export interface TelephonyTimings {
  /** dial(): ms to wait for dial tone after seizing an FXO line */
  dialToneTimeoutMs: number;
  /** dial(): if false, dial blind after `blindDialDelayMs` without waiting for dial tone */
  requireDialTone: boolean;
  blindDialDelayMs: number;
  /** dial(): default ms from the number sent to the answer */
  noAnswerTimeoutMs: number;
  /** dial(): voice with no tone recognised for this long after it began counts as an answer */
  voiceAnswerConfirmMs: number;
  /** dial(): ringback ended and no other tone for this long: answered */
  ringbackEndAnswerMs: number;
  /**
   * dial(): after the line's answer signal (polarity, CAS), listen this long for
   * a fax tone before calling it answered (T.30: an answering fax sends CED
   * 1.8 to 2.5 s after it answers). 0: answered at the signal.
   */
  answerListenMs: number;
  /** dial(): voice this long after the answer signal, with no fax tone: answered at once */
  answerVoiceMs: number;
  /** connected FXO legs: busy or congestion tone lasting this long after recognition means the far end left */
  busyToneGuardMs: number;
  busyToneSupervision: boolean;
  /** a phone left off hook after its call ended hears busy tone this long */
  clearingToneMs: number;
  /** then the off-hook warning (howler / ROH) this long, then silence until it hangs up; 0: none */
  howlerMs: number;
}

export const DEFAULT_TIMINGS: TelephonyTimings = {
  dialToneTimeoutMs: 3000,
  requireDialTone: true,
  blindDialDelayMs: 2000,
  noAnswerTimeoutMs: 30000,
  voiceAnswerConfirmMs: 5000,
  ringbackEndAnswerMs: 1000,
  answerListenMs: 3000,
  answerVoiceMs: 600,
  busyToneGuardMs: 2000,
  busyToneSupervision: true,
  clearingToneMs: 30000,
  howlerMs: 60000,
};

export type { ToneKind };
