import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { CtiError, ERROR_CODES } from '../../src/native/errors.ts';

describe('one error vocabulary for C++ and TS', () => {
  it('declares in TS every code the native side uses', () => {
    const header = readFileSync(new URL('../../native/base/errors.h', import.meta.url), 'utf8');
    const used = [...header.matchAll(/"(CTI_ERR_[A-Z_]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(5);
    for (const code of used) expect(Object.keys(ERROR_CODES)).toContain(code);
  });

  it('throws the TS class, with its code, from C++', () => {
    let err: unknown;
    try {
      addon.g711Encode('xlaw' as 'ulaw', new Int16Array(4));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CtiError);
    expect((err as CtiError).code).toBe('CTI_ERR_BAD_ARGUMENT');
    expect((err as CtiError).message).toMatch(/law/);
  });

  it('names the argument that was wrong', () => {
    expect(() => addon.g711Decode('ulaw', new Int16Array(4) as unknown as Uint8Array)).toThrow(/Uint8Array/);
    expect(() => addon.generateTone({ segments: [{ tones: [{ freq: 5000 }], ms: 10 }] }, 100)).toThrow(/freq/);
  });
});
