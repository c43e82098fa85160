// Which vector kernels the engine's DSP runs on this CPU (health, bench).
import { addon } from './addon.ts';
import type { Isa } from './types/dsp-basic.ts';

export function activeIsa(): Isa {
  return addon.activeIsa();
}
