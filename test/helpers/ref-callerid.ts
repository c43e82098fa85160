// Reference caller ID signals for the tests, written from the standards'
// numbers independently of native/dsp (no engine code builds these bytes or
// tones):
//   Bell 202 (Bellcore GR-30): mark 1200 Hz, space 2200 Hz, 1200 baud.
//   ITU-T V.23 (ETSI EN 300 659-1): mark 1300 Hz, space 2100 Hz, 1200 baud.
//   Character: start bit 0, 8 data bits least significant first, stop bit 1.
//   Channel seizure: alternating 0/1 bits (300); mark signal: 1 bits (180 / 80).
//   Message: type, length, body, checksum = two's complement of the mod-256
//   sum of type, length and body.
//   SDMF 0x04: MMDDHHMM + number (or 'P' private / 'O' unavailable).
//   MDMF / ETSI call set-up 0x80: parameters type, length, value —
//   0x01 date-time, 0x02 number, 0x03 called number, 0x04 number absent,
//   0x07 name, 0x08 name absent, 0x11 call type.
import { FS, concat, peakOf, silence, tones } from './ref-signal.ts';

export const BELL202 = { mark: 1200, space: 2200 } as const;
export const V23 = { mark: 1300, space: 2100 } as const;
export type Modem = typeof BELL202 | typeof V23;

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

export function withChecksum(typeAndBody: number[]): number[] {
  const sum = typeAndBody.reduce((a, b) => (a + b) & 0xff, 0);
  return [...typeAndBody, (256 - sum) & 0xff];
}

export function sdmf(time: string, numberOrCode: string): number[] {
  const body = [...ascii(time), ...ascii(numberOrCode)];
  return withChecksum([0x04, body.length, ...body]);
}

export type Param = [type: number, value: string];
export function mdmf(params: Param[]): number[] {
  const body = params.flatMap(([t, v]) => [t, v.length, ...ascii(v)]);
  return withChecksum([0x80, body.length, ...body]);
}

export function charBits(byte: number): number[] {
  const bits = [0];
  for (let i = 0; i < 8; i++) bits.push((byte >> i) & 1);
  bits.push(1);
  return bits;
}

export interface BurstOptions {
  seizure?: number;
  mark?: number;
  trailing?: number;
  /** dBm0 */
  level?: number;
  /** Every frequency times this (a line's or a generator's frequency error). */
  scale?: number;
  /** Fraction of a bit the first bit edge is late by (sub-sample timing). */
  offset?: number;
  /** Initial phase, radians. */
  phase?: number;
}

/** Bits of a burst: seizure (starting with 0), marks, the message's characters, trailing marks. */
export function burstBits(msg: number[], o: BurstOptions = {}): number[] {
  const bits: number[] = [];
  for (let i = 0; i < (o.seizure ?? 300); i++) bits.push(i % 2);
  for (let i = 0; i < (o.mark ?? 180); i++) bits.push(1);
  for (const b of msg) bits.push(...charBits(b));
  for (let i = 0; i < (o.trailing ?? 5); i++) bits.push(1);
  return bits;
}

/**
 * Continuous-phase FSK: the instantaneous frequency at time t is the tone of
 * bit floor(t * 1200 - offset); the phase is its running integral.
 */
export function fsk(bits: number[], modem: Modem, o: BurstOptions = {}): Float64Array {
  const baud = 1200;
  const off = o.offset ?? 0;
  const n = Math.ceil(((bits.length + off) * FS) / baud);
  const out = new Float64Array(n);
  const a = peakOf(o.level ?? -13);
  const scale = o.scale ?? 1;
  let phase = o.phase ?? 0;
  for (let i = 0; i < n; i++) {
    out[i] = a * Math.cos(phase);
    const k = Math.min(bits.length - 1, Math.max(0, Math.floor((i * baud) / FS - off)));
    const f = (bits[k] ? modem.mark : modem.space) * scale;
    phase = (phase + (2 * Math.PI * f) / FS) % (2 * Math.PI);
  }
  return out;
}

/** A burst with lead and tail silence. */
export function fskBurst(msg: number[], modem: Modem, o: BurstOptions = {}, leadMs = 200, tailMs = 200): Float64Array {
  return concat([silence(leadMs), fsk(burstBits(msg, o), modem, o), silence(tailMs)]);
}

const DTMF_ROWS = [697, 770, 852, 941];
const DTMF_COLS = [1209, 1336, 1477, 1633];
const DTMF_KEYS = '123A456B789C*0#D';

/** DTMF digits (70 ms on, 70 ms off by default) from plain sines. */
export function dtmfDigits(digits: string, o: { on?: number; off?: number; level?: number } = {}): Float64Array {
  const parts: Float64Array[] = [];
  for (const d of digits) {
    const i = DTMF_KEYS.indexOf(d);
    if (i < 0) throw new Error(`not a DTMF digit: ${d}`);
    const lv = o.level ?? -8;
    parts.push(
      tones(
        [
          { freq: DTMF_ROWS[i >> 2]!, level: lv },
          { freq: DTMF_COLS[i & 3]!, level: lv + 2 },
        ],
        o.on ?? 70,
      ),
    );
    parts.push(silence(o.off ?? 70));
  }
  return concat(parts);
}

/** ETSI dual-tone alerting signal: 2130 + 2750 Hz for 100 ms. */
export function dtas(level = -15): Float64Array {
  return tones(
    [
      { freq: 2130, level },
      { freq: 2750, level },
    ],
    100,
  );
}

export { FS };
