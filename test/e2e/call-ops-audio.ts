// Audio checks of the call-operation scenarios: the DTMF keys heard in a
// recording, and a key sent by one party heard by another.
import { detectDtmf, parseWav } from '../../src/native/index.ts';
import type { FarEnd } from '../../src/sim/far-end.ts';
import type { Phone } from '../../src/sim/phone.ts';
import type { Rig } from './harness.ts';

export function detectDigits(wav: Uint8Array): string {
  return detectDtmf(parseWav(wav).samples)
    .map((h) => h.digit)
    .join('');
}

/** `from` sends a key (a phone dials it, a far end presses it); runs the rig until `to` hears it. */
export async function keyHeard(rig: Rig, from: Phone | FarEnd, to: Phone | FarEnd, key: string): Promise<void> {
  if ('dial' in from) from.dial(key);
  else from.press(key);
  await rig.until(to.waitFor(`digit:${key}` as 'digit', { timeoutMs: 3000 }));
}
