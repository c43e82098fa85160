// `boardcti bench [NAME...] [--json] [options]`: runs the named benchmarks, or
// every one under bench/ when no name is given. A benchmark is a folder
// bench/<name>/ whose index.ts exports `benchmark` (see bench/benchmark.ts).
// Exit status: 0 ran (figures are reported, never asserted), 1 a benchmark
// failed to build or run, 2 bad usage.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchUsageError, type BenchOption, type Benchmark } from './benchmark.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

async function discover(): Promise<Benchmark[]> {
  const found: Benchmark[] = [];
  for (const name of readdirSync(BENCH_DIR, { withFileTypes: true })) {
    const index = join(BENCH_DIR, name.name, 'index.ts');
    if (!name.isDirectory() || !existsSync(index)) continue;
    const mod = (await import(pathToFileURL(index).href)) as { benchmark?: Benchmark };
    if (!mod.benchmark) throw new Error(`${index} does not export 'benchmark'`);
    if (mod.benchmark.name !== name.name) throw new Error(`${index} names itself '${mod.benchmark.name}'`);
    found.push(mod.benchmark);
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function usage(all: Benchmark[]): string {
  const lines = ['usage: boardcti bench [NAME...] [--json] [options]', '', 'benchmarks (all of them when none is named):'];
  for (const b of all) lines.push(`  ${b.name.padEnd(10)} ${b.summary}`);
  lines.push('', 'options:', `  ${'--json'.padEnd(28)} one JSON object instead of the table`);
  for (const b of all) {
    for (const [name, o] of Object.entries(b.options)) {
      lines.push(`  ${`--${name}${o.arg ? ` ${o.arg}` : ''}`.padEnd(28)} (${b.name}) ${o.help}`);
    }
  }
  return lines.join('\n') + '\n';
}

interface Parsed {
  names: string[];
  json: boolean;
  help: boolean;
  options: Map<string, string | true>;
}

function parse(argv: string[], known: Map<string, BenchOption>): Parsed {
  const p: Parsed = { names: [], json: false, help: false, options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') p.json = true;
    else if (a === '-h' || a === '--help') p.help = true;
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const opt = known.get(name);
      if (!opt) throw new BenchUsageError(`unknown option '--${name}'`);
      if (!opt.arg) {
        if (eq >= 0) throw new BenchUsageError(`--${name} takes no value`);
        p.options.set(name, true);
      } else {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined || v === '') throw new BenchUsageError(`--${name} needs a value (${opt.arg})`);
        p.options.set(name, v);
      }
    } else if (a.startsWith('-')) throw new BenchUsageError(`unknown option '${a}'`);
    else p.names.push(a);
  }
  return p;
}

export async function runBench(argv: string[]): Promise<number> {
  const all = await discover();
  let parsed: Parsed;
  let selected: Benchmark[];
  try {
    const known = new Map(all.flatMap((b) => Object.entries(b.options)));
    parsed = parse(argv, known);
    if (parsed.help) {
      process.stdout.write(usage(all));
      return 0;
    }
    parsed.names = [...new Set(parsed.names)];
    selected = parsed.names.length ? parsed.names.map((n) => all.find((b) => b.name === n) ?? unknown(n, all)) : all;
    for (const name of parsed.options.keys()) {
      if (!selected.some((b) => name in b.options)) {
        throw new BenchUsageError(`--${name} does not apply to ${selected.map((b) => b.name).join(', ')}`);
      }
    }
  } catch (e) {
    if (!(e instanceof BenchUsageError)) throw e;
    process.stderr.write(`boardcti bench: ${e.message}\n${usage(all)}`);
    return 2;
  }

  const results: Record<string, Record<string, unknown>> = {};
  const texts: string[] = [];
  for (const b of selected) {
    const log = (msg: string) => process.stderr.write(`[bench ${b.name}] ${msg}\n`);
    const options = new Map([...parsed.options].filter(([k]) => k in b.options));
    try {
      const r = await b.run({ options, log });
      results[b.name] = r.json;
      texts.push(r.text);
    } catch (e) {
      process.stderr.write(`boardcti bench ${b.name}: ${(e as Error).message}\n`);
      return e instanceof BenchUsageError ? 2 : 1;
    }
  }
  if (parsed.json) {
    // One benchmark named: its object as is; otherwise one object keyed by name
    // (so `bench --json` keeps its shape when benchmarks are added).
    const only = parsed.names.length === 1 ? results[parsed.names[0]!] : results;
    process.stdout.write(JSON.stringify(only, null, 2) + '\n');
  } else {
    process.stdout.write(texts.join('\n\n') + '\n');
  }
  return 0;
}

function unknown(name: string, all: Benchmark[]): never {
  throw new BenchUsageError(`unknown benchmark '${name}' (available: ${all.map((b) => b.name).join(', ') || 'none'})`);
}
