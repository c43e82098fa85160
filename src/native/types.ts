// The addon's exports, one interface per native area. Each area's file is owned by
// that area (DSP detectors, media, engine); this file only composes them.
import type { DspBasicAddon } from './types/dsp-basic.ts';
import type { DtmfAddon } from './types/dtmf.ts';
import type { CallerIdAddon } from './types/callerid.ts';
import type { TonesAddon } from './types/tones.ts';
import type { MediaAddon } from './types/media.ts';
import type { EngineAddon } from './types/engine.ts';
import type { MfR2Addon } from './types/mfr2.ts';

export interface NativeAddon extends DspBasicAddon, DtmfAddon, CallerIdAddon, TonesAddon, MediaAddon, EngineAddon, MfR2Addon {
  setErrorFactory(factory: (code: string, message: string) => Error): void;
}
