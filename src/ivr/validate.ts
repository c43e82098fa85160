// Reads and checks an IVR flow (YAML or JSON text, or an object from the API):
// the schema (flow-schema.ts), then the graph. A bad flow is refused with
// every issue, each naming the node, the field and (from text) the line:
//   main.yaml:12:11: nodes.menu.choices.1: unknown node "salse"
// Warnings (unreachable nodes) do not refuse a flow; they are returned.
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { dotted, nodeAt } from '../config/load.ts';
import { CtiError } from '../native/errors.ts';
import { FLOW_SCHEMA, INPUT_TYPES, type Flow, type FlowNode } from './flow-schema.ts';

export interface FlowIssue {
  /** the node concerned, when there is one */
  node?: string;
  /** dotted path: nodes.menu.choices.1 */
  path: string;
  message: string;
  line?: number;
  col?: number;
}

export class FlowError extends CtiError {
  constructor(
    readonly source: string,
    readonly issues: FlowIssue[],
  ) {
    super('CTI_ERR_BAD_ARGUMENT', issues.map((i) => formatIssue(source, i)).join('\n'));
    this.name = 'FlowError';
  }
}

export function formatIssue(source: string, i: FlowIssue): string {
  const at = i.line !== undefined ? `${source}:${i.line}:${i.col}` : source;
  return `${at}: ${i.path ? `${i.path}: ` : ''}${i.message}`;
}

export interface CheckOptions {
  /** names of the programmable nodes that exist (unchecked when absent) */
  programs?: ReadonlySet<string>;
  /** the shared schedules and holiday lists (/api/schedules, /api/holidays); without them a flow may use only its own calendars */
  calendars?: { schedules: ReadonlySet<string>; holidays: ReadonlySet<string> };
}

export interface Checked {
  flow: Flow;
  warnings: FlowIssue[];
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
const validateSchema = ajv.compile<Flow>(FLOW_SCHEMA);

/** Checks flow text (YAML or JSON); throws a FlowError naming lines. `source` names it in messages. */
export function parseFlow(text: string, source = 'flow.yaml', opts: CheckOptions = {}): Checked {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new FlowError(
      source,
      doc.errors.map((e) => ({ path: '', message: e.message.split('\n')[0]!, ...pos(lc, e.pos[0]) })),
    );
  }
  const withLines = (i: FlowIssue): FlowIssue => {
    const path = splitPath(i.path);
    // An issue about a whole node or an unknown option points at its name.
    const key = (path.length === 2 && path[0] === 'nodes') || i.message === 'unknown option';
    return { ...i, ...pos(lc, nodeAt(doc as Document, path, key)?.range?.[0]) };
  };
  try {
    const r = checkFlow(doc.toJS() ?? {}, source, opts);
    return { flow: r.flow, warnings: r.warnings.map(withLines) };
  } catch (e) {
    if (e instanceof FlowError) throw new FlowError(source, e.issues.map(withLines));
    throw e;
  }
}

/** Checks a flow object (from the API or a parsed file); throws a FlowError. Fills in defaults. */
export function checkFlow(data: unknown, source = 'flow', opts: CheckOptions = {}): Checked {
  const copy: unknown = structuredClone(data);
  if (!validateSchema(copy)) throw new FlowError(source, schemaIssues(validateSchema.errors ?? []));
  const { errors, warnings } = graphIssues(copy, opts);
  if (errors.length) throw new FlowError(source, errors);
  return { flow: copy, warnings };
}

function schemaIssues(errors: ErrorObject[]): FlowIssue[] {
  const seen = new Set<string>();
  const out: FlowIssue[] = [];
  // A value matching no branch of a oneOf is reported once, at the deepest such value.
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath);
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.keyword === 'oneOf' && oneOfs.some((p) => p.startsWith(`${e.instancePath}/`))) continue;
    if (e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/')) continue;
    const segs = e.instancePath.split('/').slice(1).map(unescape);
    let message = e.message ?? 'invalid';
    if (e.keyword === 'additionalProperties') {
      segs.push(String((e.params as { additionalProperty: string }).additionalProperty));
      message = 'unknown option';
    } else if (e.keyword === 'required') message = `missing '${(e.params as { missingProperty: string }).missingProperty}'`;
    else if (e.keyword === 'enum')
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'oneOf') message = ONE_OF[segs[0] as keyof typeof ONE_OF] ?? ONE_OF.nodes;
    const path = dotted(segs.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
    if (seen.has(`${path}:${message}`)) continue;
    seen.add(`${path}:${message}`);
    out.push({ path, message, ...(segs[0] === 'nodes' && segs[1] ? { node: segs[1] } : {}) });
  }
  return out;
}

const ONE_OF = {
  nodes: 'not a prompt name, a .wav file or a readout ({ number | digits | currency | ordinal | position | date | time: value })',
  calendars: 'not a date (YYYY-MM-DD, or MM-DD every year) or a range { from, to }',
  prompts: 'not a text to speak, or texts by language { en, zh }',
} as const;

const unescape = (p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~');

function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function pos(lc: LineCounter, offset: number | undefined): { line?: number; col?: number } {
  if (offset === undefined) return {};
  const p = lc.linePos(offset);
  return { line: p.line, col: p.col };
}

/** Where a node goes next: [field path under the node, target]. */
export function edges(node: FlowNode): [string, string][] {
  const out: [string, string][] = [];
  const add = (path: string, to: string | undefined) => to !== undefined && out.push([path, to]);
  switch (node.type) {
    case 'menu':
      for (const [k, v] of Object.entries(node.choices)) add(`choices.${k}`, v);
      add('onFail', node.onFail);
      break;
    case 'collect':
      add('next', node.next);
      add('onFail', node.onFail);
      break;
    case 'branch':
      node.when.forEach((c, i) => add(`when[${i}].next`, c.next));
      add('else', node.else);
      break;
    case 'code':
      add('next', node.next);
      for (const [k, v] of Object.entries(node.branches ?? {})) add(`branches.${k}`, v);
      add('error', node.error);
      break;
    case 'play':
    case 'set':
      add('next', node.next);
      break;
    case 'hangup':
      break;
    default:
      add('onFail', node.onFail);
  }
  return out;
}

function graphIssues(flow: Flow, opts: CheckOptions): { errors: FlowIssue[]; warnings: FlowIssue[] } {
  const errors: FlowIssue[] = [];
  const warnings: FlowIssue[] = [];
  const ids = Object.keys(flow.nodes);
  const known = (to: string) => Object.hasOwn(flow.nodes, to);
  const unknown = (to: string) => `unknown node ${JSON.stringify(to)} (have ${ids.join(', ')})`;
  if (!known(flow.start)) errors.push({ path: 'start', message: unknown(flow.start) });
  if (flow.onError !== undefined && !known(flow.onError)) errors.push({ path: 'onError', message: unknown(flow.onError) });
  if (flow.timezone !== undefined && !validZone(flow.timezone))
    errors.push({ path: 'timezone', message: `unknown time zone ${JSON.stringify(flow.timezone)} (an IANA name: Asia/Shanghai)` });
  for (const [name, list] of Object.entries(flow.calendars)) {
    list.forEach((h, i) => {
      for (const d of typeof h === 'string' ? [h] : [h.from, h.to])
        if (d !== undefined && !validDay(d)) errors.push({ path: `calendars.${name}[${i}]`, message: `no such date ${JSON.stringify(d)}` });
    });
  }
  for (const [id, node] of Object.entries(flow.nodes)) {
    const at = (field: string) => `nodes.${id}.${field}`;
    for (const [field, to] of edges(node)) if (!known(to)) errors.push({ node: id, path: at(field), message: unknown(to) });
    if (node.type === 'code' && opts.programs && !opts.programs.has(node.run)) {
      errors.push({
        node: id,
        path: at('run'),
        message: `no programmable node ${JSON.stringify(node.run)} (have ${[...opts.programs].join(', ') || 'none'})`,
      });
    }
    if (node.type === 'collect') {
      if (node.min > node.max) errors.push({ node: id, path: at('min'), message: `min ${node.min} is more than max ${node.max}` });
      if (node.pattern !== undefined && !validRegex(node.pattern))
        errors.push({ node: id, path: at('pattern'), message: 'not a regular expression' });
    }
    if (node.type === 'branch') {
      node.when.forEach((c, i) => {
        const shared = opts.calendars;
        if (c.holiday !== undefined && !Object.hasOwn(flow.calendars, c.holiday) && !shared?.holidays.has(c.holiday))
          errors.push({
            node: id,
            path: at(`when[${i}].holiday`),
            message: `no calendar ${JSON.stringify(c.holiday)} (have ${[...Object.keys(flow.calendars), ...(shared?.holidays ?? [])].join(', ') || 'none'})`,
          });
        if (c.schedule !== undefined && !shared?.schedules.has(c.schedule))
          errors.push({
            node: id,
            path: at(`when[${i}].schedule`),
            message: `no schedule ${JSON.stringify(c.schedule)} (have ${[...(shared?.schedules ?? [])].join(', ') || 'none'})`,
          });
        if (c.matches !== undefined && !validRegex(c.matches))
          errors.push({ node: id, path: at(`when[${i}].matches`), message: 'not a regular expression' });
        if ((c.equals !== undefined || c.in !== undefined || c.matches !== undefined) && c.var === undefined)
          errors.push({ node: id, path: at(`when[${i}]`), message: "equals / in / matches need 'var'" });
        if (c.var !== undefined && c.equals === undefined && c.in === undefined && c.matches === undefined)
          errors.push({ node: id, path: at(`when[${i}].var`), message: "'var' needs equals, in or matches" });
      });
    }
  }
  if (errors.length) return { errors, warnings };
  // Reachability from start (and onError, which any node may take).
  const seen = new Set<string>();
  const stack = [flow.start, ...(flow.onError ? [flow.onError] : [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const [, to] of edges(flow.nodes[id]!)) stack.push(to);
  }
  for (const id of ids) if (!seen.has(id)) warnings.push({ node: id, path: `nodes.${id}`, message: 'unreachable from start' });
  // Loops that never wait for the caller: cycles among nodes that take no input.
  for (const cycle of cyclesWithoutInput(flow)) {
    errors.push({
      node: cycle[0]!,
      path: `nodes.${cycle[0]}`,
      message: `loop without input: ${[...cycle, cycle[0]].join(' -> ')} (put a menu or collect node in it)`,
    });
  }
  return { errors, warnings };
}

function cyclesWithoutInput(flow: Flow): string[][] {
  const passive = (id: string) => !INPUT_TYPES.includes(flow.nodes[id]!.type);
  const color = new Map<string, 1 | 2>();
  const path: string[] = [];
  const found: string[][] = [];
  const visit = (id: string) => {
    color.set(id, 1);
    path.push(id);
    for (const [, to] of edges(flow.nodes[id]!)) {
      if (!passive(to)) continue;
      if (color.get(to) === 1) found.push(path.slice(path.indexOf(to)));
      else if (!color.has(to)) visit(to);
    }
    path.pop();
    color.set(id, 2);
  };
  for (const id of Object.keys(flow.nodes)) if (passive(id) && !color.has(id)) visit(id);
  return found;
}

function validRegex(s: string): boolean {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}

export function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function validDay(s: string): boolean {
  const [y, m, d] = s.length === 5 ? [2000, ...s.split('-').map(Number)] : s.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}
