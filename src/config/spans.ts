// Every E1 span of a board with its signalling, whether the configuration
// lists it under `spans` or not (an unlisted span is CAS with MFC-R2 registers,
// the schema's defaults).
import type { BoardConfig, SpanConfig } from './schema.ts';

export const SPAN_DEFAULTS: Omit<SpanConfig, 'e1'> = {
  signalling: 'cas',
  overlap: false,
  overlapMs: 3000,
  registers: 'mfcr2',
  mfcr2: { variant: 'china', maxDnis: 0, category: 1 },
};

export function e1Spans(b: BoardConfig): SpanConfig[] {
  return Array.from({ length: b.e1 }, (_, i) => {
    const s = b.spans.find((x) => x.e1 === i + 1);
    return s ? { ...SPAN_DEFAULTS, ...s, mfcr2: { ...SPAN_DEFAULTS.mfcr2, ...s.mfcr2 } } : { ...SPAN_DEFAULTS, e1: i + 1 };
  });
}

/** The CAS spans whose numbers travel in MFC-R2 registers. */
export function casRegisterSpans(b: BoardConfig): SpanConfig[] {
  return e1Spans(b).filter((s) => s.signalling === 'cas' && s.registers === 'mfcr2');
}
