// The console's two languages have the same keys, no empty string, and the
// same {placeholders} in each string; a Chinese string left in English shows.
import { describe, expect, it } from 'vitest';
import en, { PARTS } from '../../web/src/i18n/en.ts';
import zh from '../../web/src/i18n/zh-CN.ts';

type Tree = { [k: string]: string | Tree };
function flat(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web console strings', () => {
  const E = flat(en as Tree);
  const Z = flat(zh as Tree);
  it('Chinese and English have the same keys and placeholders, none empty', () => {
    expect([...Z.keys()].sort()).toEqual([...E.keys()].sort());
    for (const [k, v] of E) {
      expect(v.trim(), k).not.toBe('');
      expect(Z.get(k)!.trim(), k).not.toBe('');
      expect(placeholders(Z.get(k)!), k).toEqual(placeholders(v));
    }
  });
  it('each area of the console (i18n/parts) has top-level keys of its own, the same in both languages', () => {
    const owners = new Map<string, string>();
    for (const [part, { en: e, zh: z }] of Object.entries(PARTS)) {
      expect(Object.keys(z).sort(), part).toEqual(Object.keys(e).sort());
      for (const k of Object.keys(e)) {
        expect(owners.get(k), `${part}.${k}`).toBeUndefined();
        owners.set(k, part);
      }
    }
    expect(owners.size).toBe(Object.keys(en).length);
  });
  it('every Chinese string but the product name has Chinese in it', () => {
    const untranslated = [...Z].filter(([k, v]) => k !== 'app.title' && !/[\u4e00-\u9fff]/.test(v)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});
