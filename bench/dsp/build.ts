// Builds bench/out/bench_dsp: the engine's own DSP sources compiled the way
// binding.gyp compiles them (the flags are read from binding.gyp, so the two
// cannot drift apart), the benchmark's C++ files, linked with Debian's libspandsp.
// spandsp is linked into this program only, never into the engine.
//
// Incremental: g++ writes a dependency file beside each object (-MMD), and an
// object is rebuilt when its source, any header it includes or its flags change.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = join(REPO_ROOT, 'bench', 'out');
const OBJ_DIR = join(OUT_DIR, 'obj');
export const BENCH_DSP_BINARY = join(OUT_DIR, 'bench_dsp');
const LIBS = ['-lspandsp', '-lm', '-lpthread'];

export class BuildError extends Error {}

interface Unit {
  source: string; // absolute
  flags: string[];
}

interface GypFile {
  variables?: Record<string, unknown>;
  target_defaults?: { cflags?: string[]; cflags_cc?: string[] };
  conditions?: unknown[];
}

// binding.gyp is a Python literal; ours is plain JSON, but tolerate the two
// liberties gyp files commonly take (# comments, trailing commas).
function readGyp(): GypFile {
  const path = join(REPO_ROOT, 'binding.gyp');
  const text = readFileSync(path, 'utf8')
    .replace(/^\s*#.*$/gm, '')
    .replace(/,(\s*[\]}])/g, '$1');
  try {
    return JSON.parse(text) as GypFile;
  } catch (e) {
    throw new BuildError(`cannot read compiler flags from ${path}: ${(e as Error).message}`);
  }
}

// Expands gyp's "<@(name)" list references from `variables`.
function expand(list: string[] | undefined, vars: Record<string, unknown>): string[] {
  return (list ?? []).flatMap((f) => {
    const m = /^<@\((\w+)\)$/.exec(f);
    if (!m) return [f];
    const v = vars[m[1]!];
    if (!Array.isArray(v)) throw new BuildError(`binding.gyp: variable ${m[1]} is not a list`);
    return v as string[];
  });
}

// Every target dictionary in the file, wherever gyp's conditions nest it.
function targets(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => targets(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.target_name === 'string') out.push(o);
    for (const v of Object.values(o)) if (v && typeof v === 'object') targets(v, out);
  }
  return out;
}

/** The compile flags binding.gyp gives every C++ file, and the extra ones per ISA file. */
export function gypFlags(): { common: string[]; isa: Map<string, string[]> } {
  const gyp = readGyp();
  const vars = gyp.variables ?? {};
  const td = gyp.target_defaults ?? {};
  const common = [...new Set([...expand(td.cflags, vars), ...expand(td.cflags_cc, vars)])];
  const isa = new Map<string, string[]>();
  for (const t of targets(gyp)) {
    const sources = (t.sources as string[] | undefined) ?? [];
    const extra = expand(t.cflags_cc as string[] | undefined, vars);
    for (const s of sources) if (s.startsWith('native/dsp/isa/') && extra.length) isa.set(basename(s), extra);
  }
  return { common, isa };
}

// The engine's DSP library as the addon builds it: native/dsp/*.cc (the N-API
// glue lives in native/napi and is not wanted here), the generic kernels, and
// on x86-64 the AVX2 and AVX-512 kernels with their own flags.
function units(): Unit[] {
  const { common, isa } = gypFlags();
  const base = [...common, `-I${REPO_ROOT}`];
  const list: Unit[] = [];
  const dsp = join(REPO_ROOT, 'native', 'dsp');
  for (const name of readdirSync(dsp).sort()) {
    if (!name.endsWith('.cc')) continue;
    const src = join(dsp, name);
    if (/napi/.test(name) || /#include\s*[<"]napi\.h[">]/.test(readFileSync(src, 'utf8'))) continue;
    list.push({ source: src, flags: base });
  }
  const isaFiles = process.arch === 'x64' ? ['isa_generic.cc', 'isa_avx2.cc', 'isa_avx512.cc'] : ['isa_generic.cc'];
  for (const f of isaFiles) {
    const extra = f === 'isa_generic.cc' ? [] : isa.get(f);
    if (!extra) throw new BuildError(`binding.gyp has no flags for native/dsp/isa/${f}`);
    list.push({ source: join(dsp, 'isa', f), flags: [...base, ...extra] });
  }
  // The benchmark's own files: the same flags, minus GCC's note that 64-byte
  // vector arguments change the ABI without AVX-512 (simd.h's vf16 in headers).
  const own = join(REPO_ROOT, 'bench', 'dsp');
  for (const name of readdirSync(own).sort()) {
    if (name.endsWith('.cc')) list.push({ source: join(own, name), flags: [...base, '-Wno-psabi'] });
  }
  return list;
}

function mtime(p: string): number {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

// Paths listed in a g++ -MMD dependency file ("obj.o: a.cc b.h \\\n c.h").
function depsOf(depFile: string): string[] | undefined {
  if (!existsSync(depFile)) return undefined;
  const text = readFileSync(depFile, 'utf8').replace(/\\\n/g, ' ');
  const colon = text.indexOf(': ');
  if (colon < 0) return undefined;
  return text
    .slice(colon + 2)
    .split(/\s+/)
    .filter(Boolean);
}

function objectPath(u: Unit): string {
  return join(OBJ_DIR, relative(REPO_ROOT, u.source).replace(/[/\\]/g, '__').replace(/\.cc$/, '.o'));
}

function stale(u: Unit): boolean {
  const obj = objectPath(u);
  const t = mtime(obj);
  if (!t) return true;
  const flagsFile = obj.replace(/\.o$/, '.flags');
  if (!existsSync(flagsFile) || readFileSync(flagsFile, 'utf8') !== u.flags.join(' ')) return true;
  const deps = depsOf(obj.replace(/\.o$/, '.d'));
  if (!deps) return true;
  return deps.some((d) => mtime(d) === 0 || mtime(d) > t);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e) => reject(new BuildError(`${cmd}: ${e.message}`)));
    child.on('close', (code) => {
      if (err) process.stderr.write(err);
      if (code === 0) resolve();
      else {
        const hint = /spandsp\.h|lspandsp/.test(err)
          ? '\nspandsp is missing: `npm run bench` installs libspandsp-dev (or: sudo apt-get install libspandsp-dev)'
          : '';
        reject(new BuildError(`${cmd} ${args.join(' ')} failed (exit ${code})${hint}`));
      }
    });
  });
}

// Writes to a private name and renames, so two benchmark runs building at the
// same time never see half an object or half a program.
async function compile(u: Unit): Promise<void> {
  const obj = objectPath(u);
  const tmp = `${obj}.${process.pid}.tmp`;
  await run('g++', [...u.flags, '-MMD', '-MF', `${tmp}.d`, '-MT', obj, '-c', u.source, '-o', tmp]);
  renameSync(`${tmp}.d`, obj.replace(/\.o$/, '.d'));
  writeFileSync(obj.replace(/\.o$/, '.flags'), u.flags.join(' '));
  renameSync(tmp, obj);
}

/** Builds the benchmark program if anything it is made of changed; returns its path. */
export async function buildBenchDsp(log: (msg: string) => void): Promise<string> {
  mkdirSync(OBJ_DIR, { recursive: true });
  const all = units();
  const todo = all.filter(stale);
  if (todo.length) {
    log(`compiling ${todo.length} of ${all.length} files`);
    const queue = [...todo];
    const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
      for (let u = queue.shift(); u; u = queue.shift()) {
        log(`  g++ ${relative(REPO_ROOT, u.source)}`);
        await compile(u);
      }
    });
    await Promise.all(workers);
  }
  const objects = all.map(objectPath);
  const linkLine = [...objects, ...LIBS].join(' ');
  const linkFile = `${BENCH_DSP_BINARY}.link`;
  const relink =
    todo.length > 0 ||
    mtime(BENCH_DSP_BINARY) < Math.max(...objects.map(mtime)) ||
    !existsSync(linkFile) ||
    readFileSync(linkFile, 'utf8') !== linkLine; // a source file came or went
  if (relink) {
    log('linking bench/out/bench_dsp');
    const tmp = `${BENCH_DSP_BINARY}.${process.pid}.tmp`;
    await run('g++', [...objects, '-o', tmp, ...LIBS]);
    renameSync(tmp, BENCH_DSP_BINARY);
    writeFileSync(linkFile, linkLine);
  }
  return BENCH_DSP_BINARY;
}
