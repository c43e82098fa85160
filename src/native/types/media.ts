// The media area's addon exports: WAV files and resampling (the test drivers of
// the media-thread classes are in the test addon, test/helpers/test-addon.ts).
// Use the wrappers in src/media/ rather than these raw functions: they validate
// arguments with precise messages.
import type { ToneDescriptor } from './dsp-basic.ts';

/** Formats the engine writes (8 kHz mono). */
export type WavWriteFormat = 'pcm16' | 'ulaw' | 'alaw';
/** Formats the engine reads. */
export type WavSourceFormat = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64' | 'ulaw' | 'alaw';

export interface WavData {
  /** 8 kHz mono 16-bit samples (resampled and mixed down as needed). */
  samples: Int16Array;
  sourceRate: number;
  channels: number;
  format: WavSourceFormat;
  /** Duration of `samples`. */
  durationMs: number;
}

export interface WavProbe {
  sourceRate: number;
  channels: number;
  format: WavSourceFormat;
  sourceFrames: number;
  durationMs: number;
}

export type RecordStopReason = 'max-length' | 'max-silence' | 'digit' | 'stopped' | 'error';

/** Options of a recording (native RecordOptions). */
export interface RecordOptions {
  format?: WavWriteFormat;
  /** 0 = no limit. */
  maxLengthMs?: number;
  /** Silence that ends the recording once speech has begun; 0 = no limit. */
  maxSilenceMs?: number;
  /** Silence that ends it before any speech; -1 (default) = as maxSilenceMs, 0 = no limit. */
  maxInitialSilenceMs?: number;
  /** A 20 ms frame at or below this mean level (dBm0) is silence. Default -42. */
  silenceThresholdDbm0?: number;
  /** On max-silence keep only 300 ms of the trailing silence (no speech at all: empty file). */
  trimSilence?: boolean;
  /** Digits that end the recording, e.g. '#'. */
  stopDigits?: string;
  /** Audio cut off the end when a digit stops it (the tone the detector heard). */
  digitTrimMs?: number;
  /** Played before recording starts; must be finite. */
  beep?: ToneDescriptor;
  /** Crash safety: the header is rewritten after this much audio. Default 500. */
  headerIntervalMs?: number;
  /** Power-cut safety: fdatasync after this much audio; 0 (default) = only on close. */
  syncIntervalMs?: number;
}

export interface RecordResult {
  reason: RecordStopReason;
  digit: string | null;
  /** Samples in the file (8 kHz). */
  samples: number;
  durationMs: number;
  /** Samples lost because the writer thread fell behind. */
  droppedSamples: number;
  /** Some frame was above the silence threshold. */
  speech: boolean;
  path: string;
  /** Why, for reason 'error'. */
  error: string;
}

export interface MediaAddon {
  /** Throws CtiError CTI_ERR_BAD_WAV (not a readable WAV file) or CTI_ERR_FILE_IO. */
  readWav(path: string): WavData;
  parseWav(bytes: Uint8Array, name?: string): WavData;
  probeWav(path: string): WavProbe;
  /** Through the crash-safe writer (header, data, fsync). Throws CTI_ERR_FILE_IO. */
  writeWav(path: string, samples: Int16Array, format?: WavWriteFormat): void;
  resample(samples: Int16Array, fromRate: number, toRate: number): Int16Array;
  // The test drivers of the media-thread classes are in the test addon only
  // (test/helpers/test-addon.ts).
}
