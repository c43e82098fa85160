// The kernels are compiled once per instruction set. If an ISA build defined an
// out-of-line inline function or template (weak symbol) the linker could pick its
// AVX-512 copy for everyone, and a CPU without AVX-512 would crash. Guard it: the
// AVX2 and AVX-512 objects may define only their own namespace's symbols.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const objects = ['isa_avx2', 'isa_avx512'].map((n) => `${root}build/Release/obj.target/${n}/native/dsp/isa/${n}.o`);

describe('per-ISA kernel objects', () => {
  it.skipIf(!objects.every((o) => existsSync(o)))('export nothing but their own namespace', () => {
    for (const obj of objects) {
      const isa = obj.includes('avx512') ? 'isa_avx512' : 'isa_avx2';
      // "address type name"; upper-case types are visible to the linker.
      const defined = execFileSync('nm', ['-C', '--defined-only', obj], { encoding: 'utf8' })
        .split('\n')
        .map((l) => /^[0-9a-f]+ (\w) (.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ type: m[1]!, name: m[2]! }));
      const shared = defined.filter((s) => /[A-Z]/.test(s.type) && !s.name.startsWith(`bcti::${isa}::`));
      expect(shared, `${isa} defines symbols other builds could bind to`).toEqual([]);
      expect(defined.some((s) => s.name.startsWith(`bcti::${isa}::`))).toBe(true);
    }
  });
});
