// Reads the configuration file: YAML, checked against the schema (ajv), then
// against itself (ports that exist on the board, extensions a route rings,
// numbers used twice). Every error names the file, line and column:
//   config.yaml:14:13: routes.inbound[0].ring: no extension "109" (have 101..108)
// and the whole list is thrown as one ConfigError (a CtiError).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CtiError } from '../native/errors.ts';
import { acdCrossChecks } from './acd-schema.ts';
import { CONFIG_SCHEMA, type Config } from './schema.ts';

export const DEFAULT_CONFIG_PATH = join(dirname(fileURLToPath(import.meta.url)), 'default.yaml');

export interface ConfigIssue {
  line: number;
  col: number;
  /** dotted path: routes.inbound[0].ring */
  path: string;
  message: string;
}

export class ConfigError extends CtiError {
  constructor(
    readonly source: string,
    readonly issues: ConfigIssue[],
  ) {
    super('CTI_ERR_BAD_ARGUMENT', issues.map((i) => `${source}:${i.line}:${i.col}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true, verbose: true });
const validate = ajv.compile<Config>(CONFIG_SCHEMA);

/** Reads and checks a configuration file (default: src/config/default.yaml). */
export function loadConfig(path: string = DEFAULT_CONFIG_PATH): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CtiError('CTI_ERR_FILE_IO', `config ${path}: ${(e as Error).message}`);
  }
  return parseConfig(text, path);
}

/** Checks configuration text; `source` names it in errors. */
export function parseConfig(text: string, source = 'config.yaml'): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const p = lc.linePos(offset ?? 0);
    return { line: p.line, col: p.col };
  };
  if (doc.errors.length) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => ({ ...at(e.pos[0]), path: '', message: e.message.split('\n')[0]! })),
    );
  }
  const data: unknown = doc.toJS() ?? {};
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    const issues = errors.filter((e) => useful(e, errors)).map((e) => schemaIssue(doc, e, at));
    throw new ConfigError(source, dedupe(issues));
  }
  const issues = crossChecks(data).map(({ path, message, key }) => ({
    ...at(nodeAt(doc, path, key)?.range?.[0]),
    path: dotted(path),
    message,
  }));
  if (issues.length) throw new ConfigError(source, issues);
  return data;
}

/**
 * oneOf reports every branch: drop the summary, and a branch whose type does
 * not even match the value (an enum of names against a list, `must be array`
 * against a name).
 */
function useful(e: ErrorObject, all: ErrorObject[]): boolean {
  if (e.keyword === 'oneOf') return false;
  if (!e.schemaPath.includes('/oneOf/')) return true;
  if (e.keyword === 'enum' && typeof e.data === 'object' && e.data !== null) return false;
  if (e.keyword === 'type' && all.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'oneOf')) return false;
  return true;
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.line}:${i.col}:${i.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function schemaIssue(doc: Document, e: ErrorObject, at: (o: number | undefined) => { line: number; col: number }): ConfigIssue {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let message = e.message ?? 'invalid';
  let key = false;
  if (e.keyword === 'additionalProperties') {
    const name = String((e.params as { additionalProperty: string }).additionalProperty);
    path.push(name);
    key = true;
    message = `unknown option (known: ${Object.keys(schemaAt(path.slice(0, -1))?.properties ?? {}).join(', ')})`;
  } else if (e.keyword === 'required') {
    message = `missing '${(e.params as { missingProperty: string }).missingProperty}'`;
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'pattern') {
    message = `${JSON.stringify(e.data)} is not valid here (${hint(path)})`;
  }
  return { ...at(nodeAt(doc, path, key)?.range?.[0]), path: dotted(path), message };
}

function hint(path: (string | number)[]): string {
  const names = path.filter((p) => typeof p === 'string');
  const last = String(names.at(-1));
  if (last === 'port' && names[0] === 'extensions') return "a phone port: 'fxs:N'";
  if (last === 'port' || last === 'lines') return "a line: 'fxo:N', 'e1:TS' or 'e1:SPAN:TS'";
  if (last === 'number' || last === 'ring') return 'digits';
  return 'see the documented format';
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode };
function schemaAt(path: (string | number)[]): SchemaNode | undefined {
  let s: SchemaNode | undefined = CONFIG_SCHEMA as unknown as SchemaNode;
  for (const p of path) s = typeof p === 'number' ? s?.items : s?.properties?.[p];
  return s;
}

/** The YAML node at `path` (its key node when `key`), or the nearest existing parent. */
export function nodeAt(doc: Document, path: (string | number)[], key = false): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (key && n === path.length) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === sub.at(-1));
        if (pair?.key) return pair.key as Node;
      }
      continue;
    }
    const node = sub.length ? doc.getIn(sub, true) : doc.contents;
    if (node && typeof node === 'object' && 'range' in node) return node as Node;
    if (isSeq(node) || isMap(node)) return node as Node;
  }
  return undefined;
}

export function dotted(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

interface CrossIssue {
  path: (string | number)[];
  message: string;
  key?: boolean;
}

/** What the schema cannot say: ports on this board, unique numbers, routes to real extensions. */
function crossChecks(c: Config): CrossIssue[] {
  const out: CrossIssue[] = [];
  const board = c.boards[0]!;
  const portOk = (port: string): string | undefined => {
    if (board.driver === 'dahdi') return undefined; // the ports are known once DAHDI is opened
    const [kind, a, b] = port.split(':') as [string, string, string | undefined];
    if (kind === 'fxs' && Number(a) > board.fxs) return `no FXS port ${a} (the board has ${board.fxs})`;
    if (kind === 'fxo' && Number(a) > board.fxo) return `no FXO port ${a} (the board has ${board.fxo})`;
    if (kind === 'e1') {
      const span = b === undefined ? 1 : Number(a);
      const ts = Number(b ?? a);
      if (span > board.e1) return `no E1 span ${span} (the board has ${board.e1})`;
      if (ts === 16 || ts > 31) return `E1 timeslot ${ts} does not carry calls (1-15, 17-31)`;
    }
    return undefined;
  };
  if (board.driver === 'dahdi' && !board.channels) {
    out.push({
      path: ['boards', 0, 'driver'],
      message: 'driver: dahdi needs channels, the DAHDI channel numbers as in system.conf (e.g. "1-8")',
    });
  }
  const seenSpan = new Map<number, number>();
  board.spans.forEach((s, i) => {
    if (s.e1 > board.e1) out.push({ path: ['boards', 0, 'spans', i, 'e1'], message: `no E1 span ${s.e1} (the board has ${board.e1})` });
    if (seenSpan.has(s.e1))
      out.push({ path: ['boards', 0, 'spans', i, 'e1'], message: `E1 span ${s.e1} is already configured (spans[${seenSpan.get(s.e1)}])` });
    seenSpan.set(s.e1, i);
  });
  const seenCode = new Set<string>();
  c.dispositions.forEach((d, i) => {
    if (seenCode.has(d.code)) out.push({ path: ['dispositions', i, 'code'], message: `disposition '${d.code}' is listed twice` });
    seenCode.add(d.code);
  });
  const seenExt = new Map<string, number>();
  const seenPort = new Map<string, number>();
  c.extensions.forEach((x, i) => {
    const bad = portOk(x.port);
    if (bad) out.push({ path: ['extensions', i, 'port'], message: bad });
    if (seenExt.has(x.number))
      out.push({
        path: ['extensions', i, 'number'],
        message: `extension ${x.number} is already defined (extensions[${seenExt.get(x.number)}])`,
      });
    if (seenPort.has(x.port))
      out.push({ path: ['extensions', i, 'port'], message: `${x.port} already belongs to extensions[${seenPort.get(x.port)}]` });
    seenExt.set(x.number, i);
    seenPort.set(x.port, i);
  });
  c.lines.forEach((l, i) => {
    const bad = portOk(l.port);
    if (bad) out.push({ path: ['lines', i, 'port'], message: bad });
  });
  c.routes.inbound.forEach((r, i) => {
    if (Array.isArray(r.lines)) {
      r.lines.forEach((p, j) => {
        const bad = portOk(p);
        if (bad) out.push({ path: ['routes', 'inbound', i, 'lines', j], message: bad });
      });
    }
    if (r.flow !== undefined && (r.ring !== undefined || r.collect !== undefined || r.prompt !== undefined)) {
      out.push({ path: ['routes', 'inbound', i, 'flow'], message: 'a route runs an IVR flow or prompt/collect/ring, not both' });
    }
    if (r.ring !== undefined && !seenExt.has(r.ring)) {
      const have = [...seenExt.keys()];
      out.push({
        path: ['routes', 'inbound', i, 'ring'],
        message: `no extension ${JSON.stringify(r.ring)} (have ${have.length ? have.join(', ') : 'none'})`,
      });
    }
  });
  out.push(...acdCrossChecks(c, new Set(seenExt.keys())));
  return out;
}

/** DAHDI channel numbers from a system.conf-style list: "1-4,9" -> [1, 2, 3, 4, 9]. */
export function parseChannelList(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    const end = b ?? a;
    if (!(a >= 1 && end >= a && end - a < 1024)) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `channels: bad range "${part}"`);
    for (let n = a; n <= end; n++) out.push(n);
  }
  return out;
}
