// The import arrows of src/ and the include arrows of the C++ tree, read from
// the sources (ARCHITECTURE.md "Arrows point down"): web -> api -> services ->
// telephony -> native -> drivers. Each rule names the arrows it forbids; a
// finding is one file's import that breaks a rule.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Import {
  /** importing file, relative to the repository */
  from: string;
  /** imported file, relative to the repository */
  to: string;
  /** import type / export type, or every name marked type: loads nothing */
  typeOnly: boolean;
  /** import('...'): loaded when the code runs, not with the module */
  dynamic: boolean;
}

export interface Finding {
  rule: string;
  from: string;
  to: string;
}

function files(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'([^']+)'/gm;
const BARE = /^\s*import\s+'([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

function allTypes(clause: string): boolean {
  const m = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!m) return false;
  const names = m[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

/** Every relative import of every .ts file under src/. */
export function tsImports(): Import[] {
  const out: Import[] = [];
  for (const f of files('src', ['.ts'])) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const to = (spec: string) => relative(ROOT, resolve(ROOT, dirname(f), spec));
    for (const m of text.matchAll(STATIC)) {
      if (!m[4]!.startsWith('.')) continue;
      out.push({ from: f, to: to(m[4]!), typeOnly: !!m[2] || allTypes(m[3]!), dynamic: false });
    }
    for (const m of text.matchAll(BARE)) if (m[1]!.startsWith('.')) out.push({ from: f, to: to(m[1]!), typeOnly: false, dynamic: false });
    for (const m of text.matchAll(DYNAMIC)) if (m[1]!.startsWith('.')) out.push({ from: f, to: to(m[1]!), typeOnly: false, dynamic: true });
  }
  return out;
}

/** Every quoted #include of the C++ sources (paths are from the repository root). */
export function cppIncludes(): Import[] {
  const out: Import[] = [];
  for (const top of ['native', 'drivers', 'firmware-sim/src']) {
    for (const f of files(top, ['.h', '.cc'])) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      for (const m of text.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) {
        const spec = m[1]!;
        // "native/..." from the root; a bare name from the file's own folder.
        const to = spec.includes('/') && !spec.startsWith('.') ? spec : relative(ROOT, resolve(ROOT, dirname(f), spec));
        out.push({ from: f, to, typeOnly: false, dynamic: false });
      }
    }
  }
  return out;
}

const under = (p: string, dir: string) => p === dir || p.startsWith(dir + '/');
const top = (p: string) => p.split('/').slice(0, 2).join('/');

const SERVICES = ['src/acd', 'src/agents', 'src/callops', 'src/ivr', 'src/db', 'src/config'];
/** The only way into src/native from outside it, for code that runs. */
const NATIVE_ENTRIES = ['src/native/index.ts', 'src/native/errors.ts', 'src/native/clock.ts'];

interface Rule {
  name: string;
  applies(i: Import): boolean;
}

const TS_RULES: Rule[] = [
  {
    name: 'src/native imports nothing above it',
    applies: (i) => under(i.from, 'src/native') && under(i.to, 'src') && !under(i.to, 'src/native'),
  },
  {
    name: 'src/telephony imports only src/native',
    applies: (i) => under(i.from, 'src/telephony') && under(i.to, 'src') && !under(i.to, 'src/telephony') && !under(i.to, 'src/native'),
  },
  {
    name: 'src/dsp imports only src/native',
    applies: (i) => under(i.from, 'src/dsp') && under(i.to, 'src') && !['src/dsp', 'src/native'].includes(top(i.to)),
  },
  {
    name: 'src/sim imports only src/native and src/dsp',
    applies: (i) => under(i.from, 'src/sim') && under(i.to, 'src') && !['src/sim', 'src/native', 'src/dsp'].includes(top(i.to)),
  },
  {
    name: 'services (acd agents callops ivr db config) import no api, server, cli or simulator',
    applies: (i) => SERVICES.some((s) => under(i.from, s)) && ['src/api', 'src/server', 'src/cli', 'src/sim'].includes(top(i.to)),
  },
  {
    name: 'src/api imports no server, cli or simulator',
    applies: (i) => under(i.from, 'src/api') && ['src/server', 'src/cli', 'src/sim'].includes(top(i.to)),
  },
  {
    name: 'the raw addon (src/native/addon.ts) is imported only inside src/native',
    applies: (i) => i.to === 'src/native/addon.ts' && !under(i.from, 'src/native'),
  },
  {
    name: 'code outside src/native reaches it through the facade (index.ts; errors.ts, clock.ts, types/ for declarations)',
    applies: (i) =>
      !i.typeOnly &&
      under(i.to, 'src/native') &&
      !under(i.from, 'src/native') &&
      !NATIVE_ENTRIES.includes(i.to) &&
      !under(i.to, 'src/native/types'),
  },
  {
    name: 'the simulator loads only when asked for: src/sim is imported (for code that runs) by src/server/sim-world.ts only, itself imported only by import()',
    applies: (i) =>
      !i.typeOnly &&
      ((under(i.to, 'src/sim') && !under(i.from, 'src/sim') && i.from !== 'src/server/sim-world.ts') ||
        (i.to === 'src/server/sim-world.ts' && !i.dynamic)),
  },
];

const CPP_RULES: Rule[] = [
  {
    name: 'native/base (error codes, sample laws: the lowest C++ layer) includes nothing of ours',
    applies: (i) => under(i.from, 'native/base') && !under(i.to, 'native/base'),
  },
  {
    name: 'native/sig includes nothing of native/core, napi or media (core is above sig)',
    applies: (i) => under(i.from, 'native/sig') && ['native/core', 'native/napi', 'native/media'].includes(top(i.to)),
  },
  {
    name: 'native/dsp and native/media include nothing of native/core, sig or napi',
    applies: (i) =>
      ['native/dsp', 'native/media'].includes(top(i.from)) && ['native/core', 'native/sig', 'native/napi'].includes(top(i.to)),
  },
  { name: 'native/core includes nothing of native/napi', applies: (i) => under(i.from, 'native/core') && under(i.to, 'native/napi') },
  { name: 'a driver includes nothing of firmware-sim', applies: (i) => under(i.from, 'drivers') && under(i.to, 'firmware-sim') },
  {
    name: 'firmware-sim includes of drivers/ only the board ABIs the drivers own (boardcti_*.h)',
    applies: (i) => under(i.from, 'firmware-sim') && under(i.to, 'drivers') && !/^drivers\/[a-z]+\/boardcti_[a-z]+\.h$/.test(i.to),
  },
  {
    name: "the test addon's sources (native/napi/test) are included by nothing",
    applies: (i) => under(i.to, 'native/napi/test') && !under(i.from, 'native/napi/test'),
  },
  {
    name: 'a driver includes nothing of native/ but its base',
    applies: (i) => under(i.from, 'drivers') && under(i.to, 'native') && !under(i.to, 'native/base'),
  },
];

function check(rules: Rule[], imports: Import[]): Finding[] {
  const out: Finding[] = [];
  for (const i of imports) for (const r of rules) if (r.applies(i)) out.push({ rule: r.name, from: i.from, to: i.to });
  return out;
}

export const checkTs = (imports = tsImports()) => check(TS_RULES, imports);
export const checkCpp = (imports = cppIncludes()) => check(CPP_RULES, imports);
export const exists = (p: string) => statSync(join(ROOT, p), { throwIfNoEntry: false }) !== undefined;
