// The MFC-R2 area of the addon (native/napi/mfr2_napi.cc).

/** Forward: group I/II signals of the outgoing register; backward: group A/B of the incoming. */
export type MfR2Direction = 'forward' | 'backward';

export interface MfR2RxOptions {
  direction: MfR2Direction;
  /** Per-frequency level below which a pair is not a signal, dBm0. Default -35 (Q.455). */
  minLevelDbm0?: number;
}

export interface MfR2TxOptions {
  direction: MfR2Direction;
  /** Each signal's duration, ms. Default 100. */
  onMs?: number;
  /** Silence after each signal, ms. Default 100. */
  offMs?: number;
}

/** A detected signal (1..15); times in ms from the start of the samples. */
export interface MfR2Hit {
  signal: number;
  startMs: number;
  endMs: number;
}

export interface MfR2Addon {
  detectMfR2(samples: Int16Array, options: MfR2RxOptions): MfR2Hit[];
  generateMfR2(signals: number[], options: MfR2TxOptions): Int16Array;
}
