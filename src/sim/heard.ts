// What a listener (a far end or a phone) heard, and waiting for it: every
// report of the world's detectors (DTMF, call-progress tones of the plan,
// voice / silence), in order, with world times. Each wait consumes the log
// from where the previous wait stopped, so nothing is missed or seen twice.
import type { SimTone } from './config.ts';

export const HEARD_KINDS = ['tone', 'tone-end', 'digit', 'voice', 'silence', 'flash', 'hangup'] as const;
export type HeardKind = (typeof HEARD_KINDS)[number];

export interface Heard {
  kind: HeardKind;
  /** Tone name, digit, or the kind again. */
  value: string;
  /** World time, ms. */
  atMs: number;
}

/** 'voice' | 'silence' | 'digit' | 'digit:5' | 'tone' | 'tone:busy' | 'tone-end:busy' | 'flash' | 'hangup' */
export type HeardSpec =
  'voice' | 'silence' | 'digit' | `digit:${string}` | 'tone' | `tone:${SimTone}` | `tone-end:${SimTone}` | 'flash' | 'hangup';

export function heardKindOf(spec: string): { kind: HeardKind; value?: string } | undefined {
  const [k, v] = spec.split(':', 2) as [string, string | undefined];
  if (!(HEARD_KINDS as readonly string[]).includes(k)) return undefined;
  return { kind: k as HeardKind, value: v };
}

export class HeardLog {
  readonly entries: Heard[] = [];
  private cursor = 0;

  push(h: Heard): void {
    this.entries.push(h);
  }

  /** The next entry matching spec at or after the cursor (consumed), or undefined. */
  take(kind: HeardKind, value?: string): Heard | undefined {
    for (let i = this.cursor; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.kind === kind && (value === undefined || e.value === value)) {
        this.cursor = i + 1;
        return e;
      }
    }
    return undefined;
  }

  /** `count` digits at or after the cursor (consumed together), or undefined. */
  takeDigits(count: number): string | undefined {
    let s = '';
    for (let i = this.cursor; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.kind !== 'digit') continue;
      s += e.value;
      if (s.length === count) {
        this.cursor = i + 1;
        return s;
      }
    }
    return undefined;
  }

  /** Every digit heard, in order. */
  digits(): string {
    return this.entries
      .filter((e) => e.kind === 'digit')
      .map((e) => e.value)
      .join('');
  }

  tones(): string[] {
    return this.entries.filter((e) => e.kind === 'tone').map((e) => e.value);
  }
}
