// The tones area of the addon (native/napi/tones_napi.cc): call-progress
// detection from tone plans, and energy (silence / voice) detection.
import type { ToneDescriptor } from './dsp-basic.ts';

/** stutter: special / stutter dial tone (messages waiting); howler: off-hook warning (ROH). */
export const TONE_KINDS = ['dial', 'busy', 'ringback', 'congestion', 'sit', 'cng', 'ced', 'stutter', 'howler'] as const;
export type ToneKind = (typeof TONE_KINDS)[number];

/** One tone, from the start of its first burst to the end of its last; ms from the start (sample / 8, rounded). */
export interface ToneSpan {
  tone: ToneKind;
  startMs: number;
  endMs: number;
}

/** A detector event from a 16-lane bank: `end: false` when recognised, `end: true` when it stopped. */
export interface ToneBankEvent {
  lane: number;
  tone: ToneKind;
  end: boolean;
  startMs: number;
  /** End of the last burst (end events only). */
  endMs?: number;
  /** How far into the input the detector was when it reported the event. */
  atMs: number;
}

export interface ToneBankOptions {
  /** Samples handed to the bank per call, as the engine's frame. Default 160. */
  frameSamples?: number;
  /** Feed the interleaved float path (rx) instead of 16 int16 pointers (rx16). */
  interleaved?: boolean;
}

/** The plan as the native side built it: Goertzel bins and tone windows. */
export interface TonePlanInfo {
  name: string;
  bins: { hz: number; windowSamples: number }[];
  tones: {
    tone: ToneKind;
    shape: 'continuous' | 'cadence' | 'sequence';
    cadence: { ms: number; minMs: number; maxMs: number }[];
    minMs?: number;
    minCycles?: number;
  }[];
}

export interface EnergyOptions {
  /** Frames at or above this level are voice, dBm0. Default -36. */
  voiceDbm0?: number;
  /** Frames below this level are silence, dBm0 (<= voiceDbm0). Default -42. */
  silenceDbm0?: number;
  /** Frame length, ms (5..50). Default 10. */
  frameMs?: number;
  /** Voice must last this long to count, ms. Default 40. */
  onsetMs?: number;
  /** Silence must last this long to count, ms. Default 300. */
  hangoverMs?: number;
}

/** Voice or silence began at `sample` (`ms` = sample / 8, rounded); level is the mean over the confirming run. */
export interface EnergyEvent {
  voice: boolean;
  sample: number;
  ms: number;
  levelDbm0: number;
}

export interface TonesAddon {
  /** Offline call-progress detection over one channel; `planJson` is a tone plan's JSON text. */
  detectTones(samples: Int16Array, planJson: string): ToneSpan[];
  /** Up to 16 channels through one CallProgressBank (null = silent lane); all events in report order. */
  detectTonesBank(channels: (Int16Array | null)[], planJson: string, options?: ToneBankOptions): ToneBankEvent[];
  /** Parses and checks a plan natively (throws CTI_ERR_BAD_TONE_PLAN). */
  tonePlanInfo(planJson: string): TonePlanInfo;
  /** What the engine plays for a tone of the plan, for generateTone() or a play command. */
  tonePlanDescriptor(planJson: string, tone: ToneKind): ToneDescriptor;
  /** Offline silence / voice detection over one channel. */
  detectEnergy(samples: Int16Array, options?: EnergyOptions): EnergyEvent[];
}
