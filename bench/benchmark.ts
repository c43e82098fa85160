// What a benchmark is to `boardcti bench`. Each one lives in its own folder,
// bench/<name>/index.ts, exporting `benchmark: Benchmark`; bench/run.ts finds
// them there, so adding bench/capacity/ or bench/acd/ needs no change elsewhere.

export interface BenchOption {
  /** Placeholder for the value (`N`, `FILE`); absent for a flag without value. */
  arg?: string;
  help: string;
}

export interface BenchContext {
  /** Options given on the command line, validated against `options` by the runner. */
  options: ReadonlyMap<string, string | true>;
  /** Progress for a person watching: goes to stderr, never into the --json output. */
  log(msg: string): void;
}

export interface BenchResult {
  /** The figures, printed with --json (one object per benchmark). */
  json: Record<string, unknown>;
  /** The report for a person: a table and what it means. */
  text: string;
}

export interface Benchmark {
  name: string;
  /** One line for `boardcti bench --help`. */
  summary: string;
  /** Options after the name, without the leading `--`. */
  options: Record<string, BenchOption>;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** Bad options or input: `boardcti bench` exits with status 2 and this message. */
export class BenchUsageError extends Error {}

/** A failure while building or running a benchmark: exit status 1. */
export class BenchFailure extends Error {}

/** Reads a numeric option, with its allowed range, or `fallback` when absent. */
export function numberOption(
  ctx: BenchContext,
  name: string,
  fallback: number,
  { min, max, integer = false }: { min: number; max: number; integer?: boolean },
): number {
  const raw = ctx.options.get(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (raw === true || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max) {
    const kind = integer ? 'an integer' : 'a number';
    throw new BenchUsageError(`--${name} must be ${kind} from ${min} to ${max} (got '${String(raw)}')`);
  }
  return v;
}

/** Plain-text table: first column left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
