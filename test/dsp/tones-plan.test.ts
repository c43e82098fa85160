// Tone plans are data: the bundled plans carry the standards' numbers, bad plans
// are refused with errors that name the field (in TS and again natively), what a
// plan plays is what it detects, and `boardcti dsp tones` prints the contract.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addon } from '../../src/native/addon.ts';
import { CtiError } from '../../src/native/errors.ts';
import { detectTones, formatToneLines, loadTonePlan, loadTonePlanJson, toneDescriptor, TONE_PLAN_NAMES } from '../../src/dsp/tones.ts';
import { parseTonePlan, validateTonePlan } from '../../src/dsp/tone-plans.ts';
import { TONE_KINDS } from '../../src/native/types/tones.ts';
import { wavBytes } from '../helpers/ref-signal.ts';
import { STANDARD, Track, addTone, line, type PlanName } from '../helpers/ref-tones.ts';

const root = join(import.meta.dirname, '..', '..');

describe('the bundled plans', () => {
  it('hold the standards cadences and frequencies', () => {
    for (const name of TONE_PLAN_NAMES) {
      const { plan } = loadTonePlan(name);
      expect(plan.tones.map((t) => t.tone).sort()).toEqual([...TONE_KINDS].sort());
      for (const t of plan.tones) {
        const std = STANDARD[name as PlanName][t.tone];
        if (!std) continue; // sit: checked below
        expect('freqs' in t && t.freqs, `${name} ${t.tone}`).toEqual(std.freqs);
        if ('cadenceMs' in t)
          expect(
            t.cadenceMs.map((e) => (typeof e === 'number' ? e : e.ms)),
            `${name} ${t.tone}`,
          ).toEqual(std.cadence);
        else expect('continuous' in t && t.continuous, `${name} ${t.tone}`).toBe(true);
      }
      const sit = plan.tones.find((t) => t.tone === 'sit');
      expect(sit && 'sequence' in sit && sit.sequence.length).toBe(3);
    }
  });

  it('native and TS agree they are valid; the native side lists windows that accept the standard', () => {
    for (const name of TONE_PLAN_NAMES) {
      const info = addon.tonePlanInfo(loadTonePlanJson(name));
      expect(info.name).toBe(name);
      for (const t of info.tones) {
        const std = STANDARD[name as PlanName][t.tone];
        if (!std || std.cadence.length === 0) continue;
        t.cadence.forEach((w, k) => {
          const ms = std.cadence[k]!;
          expect(w.minMs, `${name} ${t.tone}[${k}]`).toBeLessThanOrEqual(ms * 0.9 - 25);
          expect(w.maxMs, `${name} ${t.tone}[${k}]`).toBeGreaterThanOrEqual(ms * 1.1 + 25);
        });
      }
    }
  });
});

describe('bad plans are refused with the field named', () => {
  const good = JSON.parse(loadTonePlanJson('cn'));
  const mutate = (f: (p: any) => void): any => {
    const p = structuredClone(good);
    f(p);
    return p;
  };
  const cases: { name: string; plan: any; ts: RegExp; native: RegExp }[] = [
    { name: 'not an object', plan: [], ts: /expected a JSON object/, native: /expected a JSON object/ },
    {
      name: 'no name',
      plan: mutate((p) => delete p.name),
      ts: /name: expected a non-empty string/,
      native: /name: expected a non-empty string/,
    },
    {
      name: 'unknown tone',
      plan: mutate((p) => (p.tones[1].tone = 'warble')),
      ts: /tones\[1\]\.tone: expected one of/,
      native: /tones\[1\]\.tone: unknown tone 'warble'/,
    },
    {
      name: 'tone twice',
      plan: mutate((p) => (p.tones[2].tone = 'busy')),
      ts: /tones\[2\]\.tone: 'busy' appears twice/,
      native: /tones\[2\]\.tone: 'busy' appears twice/,
    },
    {
      name: 'odd cadence',
      plan: mutate((p) => (p.tones[1].cadenceMs = [350, 350, 350])),
      ts: /tones\[1\] \(busy\)\.cadenceMs: expected 2 to 8 entries/,
      native: /tones\[1\] \(busy\)\.cadenceMs: expected on\/off pairs/,
    },
    {
      name: 'negative duration',
      plan: mutate((p) => (p.tones[1].cadenceMs = [-350, 350])),
      ts: /tones\[1\] \(busy\)\.cadenceMs\[0\]/,
      native: /tones\[1\] \(busy\)\.cadenceMs\[0\]/,
    },
    {
      name: 'frequency out of range',
      plan: mutate((p) => (p.tones[0].freqs = [4500])),
      ts: /tones\[0\] \(dial\)\.freqs\[0\]: 4500 is outside/,
      native: /tones\[0\] \(dial\)\.freqs\[0\]/,
    },
    {
      name: 'two shapes',
      plan: mutate((p) => (p.tones[1].continuous = true)),
      ts: /tones\[1\] \(busy\): needs exactly one of/,
      native: /tones\[1\] \(busy\): needs exactly one of/,
    },
    {
      name: 'too wide a tolerance',
      plan: mutate((p) => (p.tones[4].sequence[0].toleranceHz = 150)),
      ts: /tones\[4\] \(sit\)\.sequence\[0\]\.toleranceHz: 150 Hz is wider/,
      native: /tones\[4\] \(sit\)\.sequence\[0\]\.anyOfHz\[0\]: frequency tolerance of 150/,
    },
    {
      name: 'busy and congestion overlap',
      plan: mutate((p) => (p.tones[3].cadenceMs = [400, 400])),
      ts: /tones busy and congestion \(450 Hz\)/,
      native: /tones busy and congestion use the same frequencies/,
    },
    {
      name: 'dial shorter than a ringback burst',
      plan: mutate((p) => (p.tones[0].minMs = 1000)),
      ts: /dial\.minMs: 1000 must exceed the longest burst accepted for ringback/,
      native: /dial\.minMs: 1000\.0+ must exceed the longest burst accepted for ringback/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const tsErr = (() => {
        try {
          validateTonePlan(c.plan);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(tsErr).toBeInstanceOf(CtiError);
      expect((tsErr as CtiError).code).toBe('CTI_ERR_BAD_TONE_PLAN');
      expect((tsErr as CtiError).message).toMatch(c.ts);
      const nErr = (() => {
        try {
          addon.tonePlanInfo(JSON.stringify(c.plan));
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(nErr).toBeInstanceOf(CtiError);
      expect((nErr as CtiError).code).toBe('CTI_ERR_BAD_TONE_PLAN');
      expect((nErr as CtiError).message).toMatch(c.native);
    });
  }

  it('unknown fields (typos) are refused in TS; broken JSON in both', () => {
    expect(() => validateTonePlan(mutate((p) => (p.tones[1].cadense = [1, 1])))).toThrow(/tones\[1\] \(busy\): unknown field 'cadense'/);
    expect(() => parseTonePlan('{"name": "x", ')).toThrow(/invalid JSON/);
    expect(() => addon.tonePlanInfo('{"name": "x", ')).toThrow(/invalid JSON at offset/);
    expect(() => loadTonePlan('/nonexistent/plan.json')).toThrow(expect.objectContaining({ code: 'CTI_ERR_FILE_IO' }));
  });

  it('a plan file by path loads like a bundled one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcti-plan-'));
    const path = join(dir, 'mine.json');
    writeFileSync(path, readFileSync(join(root, 'src/dsp/tone-plans/itu.json')));
    expect(loadTonePlan(path).name).toBe('itu');
  });
});

describe('what a plan plays is what it detects', () => {
  for (const name of TONE_PLAN_NAMES) {
    it(name, () => {
      for (const tone of TONE_KINDS) {
        const d = toneDescriptor(name, tone);
        const cycle = d.segments.reduce((s, g) => s + Math.max(g.ms, 0), 0);
        const ms = d.repeat === 0 ? Math.max(cycle * 3, 7000) : cycle > 0 ? cycle : 3000;
        const pcm = addon.generateTone(d, Math.round(ms * 8));
        const withTail = new Int16Array(pcm.length + 8000 * 6);
        withTail.set(pcm);
        const got = detectTones(withTail, name);
        expect(
          got.map((g) => g.tone),
          `${name} ${tone}`,
        ).toEqual([tone]);
        expect(got[0]!.startMs).toBeLessThanOrEqual(25);
      }
    });
  }
});

describe('boardcti dsp tones FILE.wav --plan', () => {
  it('prints one JSON object per tone, one per line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcti-tones-'));
    const t = new Track(3);
    t.silence(500);
    addTone(t, 'busy', STANDARD.us.busy!, 4);
    t.silence(1000);
    addTone(t, 'ringback', STANDARD.us.ringback!, 2);
    const file = join(dir, 'call.wav');
    writeFileSync(file, wavBytes(line(t.samples()), { format: 'ulaw' }));
    const r = spawnSync(process.execPath, [join(root, 'src/cli/boardcti.mjs'), 'dsp', 'tones', file, '--plan', 'us'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const events = lines.map((l) => JSON.parse(l));
    expect(events.map((e) => Object.keys(e))).toEqual([
      ['tone', 'startMs', 'endMs'],
      ['tone', 'startMs', 'endMs'],
    ]);
    expect(events.map((e) => e.tone)).toEqual(['busy', 'ringback']);
    events.forEach((e, i) => {
      expect(Math.abs(e.startMs - t.truth[i]!.startMs)).toBeLessThanOrEqual(50);
      expect(Math.abs(e.endMs - t.truth[i]!.endMs)).toBeLessThanOrEqual(50);
      expect(Number.isInteger(e.startMs) && Number.isInteger(e.endMs)).toBe(true);
    });
    expect(formatToneLines(detectTones(line(t.samples()), 'us'))).toBe(r.stdout);
    const bad = spawnSync(process.execPath, [join(root, 'src/cli/boardcti.mjs'), 'dsp', 'tones', file, '--plan', 'xx'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});
