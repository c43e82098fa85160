// The native line state table (native/sig/line_state.h) lists every move the
// code takes, forced ones included: an alarm takes a channel out of service
// from any state, a board reset leaves it idle from any state, and each place
// in native/ that forces a move names its cause and goes through the table
// (LineSignalling::go), never around it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testAddon } from '../helpers/test-addon.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const table = testAddon.lineStateTable();

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(cc|h)$/.test(e.name)
        ? [{ file: join(dir, e.name), text: readFileSync(join(ROOT, dir, e.name), 'utf8') }]
        : [],
  );
}

describe('the line state table', () => {
  it('lists the forced moves from every state: alarm -> blocked, reset -> idle, and no others', () => {
    const forced = table.moves.filter((m) => m.by !== 'move');
    const want = [
      ...table.states.filter((s) => s !== 'blocked').map((from) => ({ from, to: 'blocked', by: 'alarm' })),
      ...table.states.filter((s) => s !== 'idle').map((from) => ({ from, to: 'idle', by: 'reset' })),
    ];
    expect(forced).toEqual(expect.arrayContaining(want));
    expect(forced).toHaveLength(want.length);
  });

  it('every forced move in native/ names its cause and a target the table lists for it; force() is called only by the table path', () => {
    const cpp = sources('native').filter((f) => !f.file.endsWith('line_state.cc') && !f.file.endsWith('line_state.h'));
    const sites = cpp.flatMap((f) =>
      [...f.text.matchAll(/\bgo\(S::k(\w+),[^;]*LineCause::k(\w+)\)/g)].map((m) => ({
        file: f.file,
        to: m[1]!.toLowerCase(),
        by: m[2]!.toLowerCase(),
      })),
    );
    expect(sites.map((s) => `${s.by} -> ${s.to}`).sort()).toEqual(['alarm -> blocked', 'reset -> idle']);
    for (const s of sites) expect(table.moves.some((m) => m.by === s.by && m.to === s.to)).toBe(true);
    // No cause outside those calls (a forced move taken some other way), and force() only inside go().
    const causes = cpp.flatMap((f) => [...f.text.matchAll(/LineCause::k(Alarm|Reset)\b/g)].map(() => f.file));
    expect(causes).toHaveLength(sites.length);
    const forces = cpp.flatMap((f) => [...f.text.matchAll(/\.force\(([^)]*)\)/g)].map((m) => `${f.file}: ${m[1]}`));
    expect(forces).toEqual(['native/sig/line_signalling.cc: by, to, now_ms, why']);
  });

  it('every move the code asks for through go() or pri_go() is a row of the table from some state', () => {
    const cpp = sources('native');
    const targets = new Set(cpp.flatMap((f) => [...f.text.matchAll(/\b(?:go|pri_go|drive)\(S::k(\w+),/g)].map((m) => m[1]!.toLowerCase())));
    expect(targets.size).toBeGreaterThan(3);
    for (const to of targets) expect(table.moves.some((m) => m.to === to)).toBe(true);
  });
});
