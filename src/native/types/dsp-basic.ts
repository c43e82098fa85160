export type Law = 'ulaw' | 'alaw';
export type Isa = 'generic' | 'avx2' | 'avx512';

/** A tone or cadence to generate: segments of up to four summed sines, levels in dBm0. */
export interface ToneDescriptor {
  segments: { tones?: { freq: number; level?: number }[]; ms: number }[];
  /** How many times the segment list plays; 0 = for ever. Default 1. */
  repeat?: number;
}

export interface DspBasicAddon {
  g711Encode(law: Law, samples: Int16Array): Uint8Array;
  g711Decode(law: Law, codes: Uint8Array): Int16Array;
  generateTone(descriptor: ToneDescriptor, maxSamples: number): Int16Array;
  activeIsa(): Isa;
  /** Returns false when this CPU lacks the ISA. */
  forceIsa(isa: Isa): boolean;
  supportedIsas(): Isa[];
}
