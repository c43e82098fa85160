// The caller ID area of the addon (native/napi/callerid_napi.cc).

export type CallerIdFormat = 'bell202' | 'v23' | 'dtmf';
export type CallerIdWithheld = 'private' | 'unavailable';

/** What a caller ID message says; fields absent when not sent. */
export interface CallerIdInfo {
  /** Digits (and * # + -); DTMF caller ID: 0-9 only. */
  number?: string;
  /** Printable ASCII; FSK MDMF / ETSI only. */
  name?: string;
  /** MMDDHHMM. */
  time?: string;
  /** The number is withheld (private) or not available (out of area). */
  withheld?: CallerIdWithheld;
  /** FSK MDMF: the reason the name is absent. */
  nameWithheld?: CallerIdWithheld;
  /** DTMF A..D..C only: the redirecting number. */
  redirect?: string;
  /** A message-waiting message (FSK type 0x82): the lamp on or off. */
  messageWaiting?: boolean;
}

export interface CallerIdHit extends CallerIdInfo {
  format: CallerIdFormat;
  /** The message's first and last bit (FSK) or digit (DTMF), ms from the start. */
  startMs: number;
  endMs: number;
}

export interface CallerIdTxOptions {
  /** Default bell202. */
  format?: CallerIdFormat;
  /** FSK: SDMF (0x04: time + number), MDMF / ETSI call set-up (0x80), or message waiting (0x82). Default mdmf. */
  message?: 'sdmf' | 'mdmf' | 'mwi';
  /** FSK: channel seizure bits (alternating), 0 for none. Default 300. */
  seizureBits?: number;
  /** FSK: mark bits before the message. Default 180 (bell202), 80 (v23). */
  markBits?: number;
  /** Tone level, dBm0. FSK default -13; DTMF (low group) default -8. */
  levelDbm0?: number;
  /** FSK: every tone's frequency times this (tests of a receiver). Default 1. */
  freqScale?: number;
  /** DTMF: AC (A<n>C, B00C / B10C), DC (D<n>C), A# (A<n>#, D1# / D3#), # (<n>#). Default AC. */
  dtmfVariant?: 'AC' | 'DC' | 'A#' | '#';
  /** DTMF: tone and gap per digit, ms. Default 70 / 70. */
  onMs?: number;
  offMs?: number;
}

export interface CallerIdAddon {
  /** Every caller ID message (FSK of both standards, DTMF) in one channel of 8 kHz PCM. */
  detectCallerId(samples: Int16Array): CallerIdHit[];
  /** A whole caller ID burst as 8 kHz PCM. */
  generateCallerId(info: CallerIdInfo, options?: CallerIdTxOptions): Int16Array;
}
