// Reads a recording the way a person would listen to it: the DTMF keys heard in it.
import { detectDtmf, parseWav } from '../../src/native/index.ts';

export function detectDigits(wav: Uint8Array): string {
  return detectDtmf(parseWav(wav).samples)
    .map((h) => h.digit)
    .join('');
}
