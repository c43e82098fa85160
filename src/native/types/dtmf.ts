// The DTMF area of the addon (native/napi/dtmf_napi.cc).

/** Receiver limits; every field is optional and defaults to the Q.24 values. */
export interface DtmfRxOptions {
  /** Per-tone level below which a tone pair is not a digit, dBm0. Default -40. */
  minLevelDbm0?: number;
  /** Largest accepted twist with the high group weaker, dB. Default 8. */
  maxNormalTwistDb?: number;
  /** Largest accepted twist with the high group stronger, dB. Default 4. */
  maxReverseTwistDb?: number;
  /** Frequency acceptance, percent of nominal. Default 2.5 (accepts 1.5, rejects 3.5). */
  freqTolerancePct?: number;
  /** Share of the signal energy the tone pair must hold, 0..1. Default 0.8. */
  minToneShare?: number;
  /** Offline runs only: samples per call into the receiver (a board's frame). Default 53. */
  frameSamples?: number;
}

/** A detected digit; times in ms from the start of the samples (sample / 8, rounded). */
export interface DtmfDigitHit {
  digit: string;
  startMs: number;
  endMs: number;
  /** When the receiver reported the digit's start (its latency is reportedMs - startMs). */
  reportedMs: number;
}

export interface DtmfTxOptions {
  /** Tone duration per digit, ms. Default 50. */
  onMs?: number;
  /** Silence after each digit, ms. Default 50. */
  offMs?: number;
  /** Silence for each ',' in the digit string, ms. Default 500. */
  pauseMs?: number;
  /** Low-group tone level, dBm0. Default -10. */
  levelDbm0?: number;
  /** High-group level minus low-group level, dB. Default 0. */
  twistDb?: number;
}

export interface DtmfAddon {
  /** Offline detection over one channel of 8 kHz PCM. */
  detectDtmf(samples: Int16Array, options?: DtmfRxOptions): DtmfDigitHit[];
  /** Up to 16 channels at once, one per lane of one receiver bank. */
  detectDtmfBank(channels: Int16Array[], options?: DtmfRxOptions): DtmfDigitHit[][];
  /** Transmitter helper: digits (0-9 * # A-D, ',' = pause) as 8 kHz PCM. */
  generateDtmf(digits: string, options?: DtmfTxOptions): Int16Array;
}
