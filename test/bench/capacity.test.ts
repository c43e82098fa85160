// The capacity benchmark's trial, tiny and in fast mode: two E1 channels in
// IVR calls, keys pressed by the far ends' scripts. Everything asserted is in
// world time (deterministic); wall-clock delays are only measured in real time.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../bench/capacity/digits.ts';
import { report } from '../../bench/capacity/report.ts';
import { runTrial } from '../../bench/capacity/trial.ts';

describe('bench capacity', () => {
  it('runs a trial: calls answered, every key heard, its delays measured from the truth on the line', async () => {
    const r = await runTrial({ channels: 2, mode: 'fast', seconds: 6 });
    expect(r.connected).toBe(2);
    expect(r.spans).toBe(1);
    expect(r.keys.pressed).toBeGreaterThanOrEqual(4);
    expect(r.keys.detected).toBe(r.keys.pressed);
    expect(r.keys.ended).toBe(r.keys.pressed);
    expect(r.keys.extra).toBe(0);
    for (const edge of [r.keys.start, r.keys.end]) {
      expect(edge.detect.n).toBe(r.keys.pressed);
      // The detector's own edge estimate agrees with the key the script
      // pressed (a frame's error here would mean the truth is derived wrongly).
      expect(Math.abs(edge.estimate.min!)).toBeLessThanOrEqual(5);
      expect(Math.abs(edge.estimate.max!)).toBeLessThanOrEqual(5);
      // Line -> tick: at least the detector's decision, at most a few frames.
      expect(edge.detect.min!).toBeGreaterThan(0);
      expect(edge.detect.max!).toBeLessThanOrEqual(100);
      // No wall-clock relation in fast mode.
      expect(edge.total.n).toBe(0);
    }
    expect(r.lateTicks).toBe(0);
    expect(r.cpu.engine).toBeGreaterThan(0);

    const { text, json } = report({ max: 30, cpu: null, rtPriority: 0, best: null, failedAt: 30, trials: [], fast: r });
    expect(text).toContain('fast mode, 30 ch');
    expect((json.targets as { channels: { met: boolean } }).channels.met).toBe(false);
  });

  it('summarizes with the nearest-rank percentile', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(xs)).toEqual({ n: 100, median: 50, p99: 99, max: 100, min: 1 });
    expect(summarize([])).toMatchObject({ n: 0, median: null, p99: null });
  });
});
