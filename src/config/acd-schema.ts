// The configuration's agents and queues (issue 5 §1-2): their JSON Schema,
// spliced into CONFIG_SCHEMA, and the checks the schema cannot make (members
// that exist, overflow targets, extensions, routes ending in a queue).
import type { AgentAccount } from '../agents/agent.ts';
import { DEFAULT_MAX_WAIT_MS, OVERFLOW_SINKS, STRATEGIES, type QueueConfig } from '../acd/types.ts';

const ms = (min: number, max: number, dflt?: number) => ({
  type: 'integer',
  minimum: min,
  maximum: max,
  ...(dflt !== undefined ? { default: dflt } : {}),
});
const skills = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 1, maximum: 9 },
  propertyNames: { pattern: '^[a-z][a-z0-9-]{0,31}$' },
};
const id = { type: 'string', pattern: '^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$' };

export const AGENTS_SCHEMA = {
  type: 'array',
  default: [],
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: {
      id,
      name: { type: 'string' },
      extension: { type: 'string', pattern: '^[0-9]{2,8}$' },
      pin: { type: 'string', pattern: '^[0-9]{4,12}$' },
      skills,
    },
  },
} as const;

export const QUEUES_SCHEMA = {
  type: 'array',
  default: [],
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' },
      strategy: { enum: [...STRATEGIES], default: 'longest-idle' },
      agents: { type: 'array', items: id },
      skills,
      priority: { type: 'integer', minimum: 0, maximum: 100, default: 0 },
      ringTimeoutMs: ms(1000, 600000, 15000),
      maxMissed: { type: 'integer', minimum: 0, maximum: 100, default: 2 },
      wrapUpMs: ms(0, 3600000, 0),
      // the longest a caller waits (then overflow.to, else the `message` apology and goodbye); 0: no limit
      maxWaitMs: ms(0, 86400000, DEFAULT_MAX_WAIT_MS),
      announce: {
        type: 'object',
        additionalProperties: false,
        properties: {
          firstAfterMs: ms(0, 3600000, 0),
          everyMs: ms(5000, 3600000, 30000),
          position: { type: 'boolean', default: true },
          estimate: { type: 'boolean', default: true },
        },
      },
      music: { type: 'string', minLength: 1 },
      // on answer, the caller hears the agent's number ("agent 2001 at your service") before the two are joined
      announceAgent: { type: 'boolean', default: false },
      overflow: {
        type: 'object',
        additionalProperties: false,
        required: ['to'],
        properties: {
          afterMs: ms(1000, 86400000),
          length: { type: 'integer', minimum: 0, maximum: 10000 },
          to: { type: 'string', minLength: 1 },
        },
      },
      callback: {
        type: 'object',
        additionalProperties: false,
        properties: { digit: { type: 'string', pattern: '^[0-9*#]$', default: '*' } },
      },
      lastAgent: {
        type: 'object',
        additionalProperties: false,
        properties: { rememberMs: ms(1000, 30 * 86400000, 3600000), waitMs: ms(0, 600000, 5000) },
      },
      defaultHandleMs: ms(1000, 3600000, 120000),
    },
  },
} as const;

/** How the ACD speaks and whom it favours (config `acd:`). */
export const ACD_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  default: {},
  properties: {
    /** queue announcements: spoken from the IVR's prompts and readouts, or DTMF-coded signals; auto: spoken when prompts can be had */
    announcer: { enum: ['auto', 'spoken', 'tones'], default: 'auto' },
    lang: { enum: ['en', 'zh'], default: 'en' },
    /** a VIP customer's priority boost; the customer's own priority (0-9) adds to it */
    vipBoost: { type: 'integer', minimum: 0, maximum: 100, default: 10 },
  },
} as const;

export interface AcdSettings {
  announcer: 'auto' | 'spoken' | 'tones';
  lang: 'en' | 'zh';
  vipBoost: number;
}

/** What an inbound route gains: it may end in a queue, with a priority. */
export const ROUTE_QUEUE_PROPERTIES = {
  queue: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' },
  priority: { type: 'integer', minimum: 0, maximum: 100 },
} as const;

export interface AcdConfig {
  agents: AgentAccount[];
  queues: QueueConfig[];
}

/** fifo queues announce by default (every 30 s, position and estimate). */
export function queueDefaults(q: QueueConfig): QueueConfig {
  if (q.strategy === 'fifo' && !q.announce) return { ...q, announce: { firstAfterMs: 0, everyMs: 30000, position: true, estimate: true } };
  return q;
}

export function acdCrossChecks(
  c: AcdConfig & { routes: { inbound: { queue?: string }[] } },
  extensions: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const agents = new Set<string>();
  const exts = new Map<string, string>();
  c.agents.forEach((a, i) => {
    if (agents.has(a.id)) out.push({ path: ['agents', i, 'id'], message: `agent ${a.id} is already defined` });
    agents.add(a.id);
    if (a.extension !== undefined) {
      if (extensions.size && !extensions.has(a.extension))
        out.push({ path: ['agents', i, 'extension'], message: `no extension ${JSON.stringify(a.extension)}` });
      if (exts.has(a.extension))
        out.push({
          path: ['agents', i, 'extension'],
          message: `extension ${a.extension} already belongs to agent ${exts.get(a.extension)}`,
        });
      exts.set(a.extension, a.id);
    }
  });
  const queues = new Set(c.queues.map((q) => q.name));
  const seen = new Set<string>();
  c.queues.forEach((q, i) => {
    if (seen.has(q.name)) out.push({ path: ['queues', i, 'name'], message: `queue ${q.name} is already defined` });
    seen.add(q.name);
    // Without YAML agents, members are agent numbers of the database's accounts (unknown ones are left out at start).
    q.agents?.forEach((a, j) => {
      if (agents.size && !agents.has(a)) out.push({ path: ['queues', i, 'agents', j], message: `no agent ${JSON.stringify(a)}` });
    });
    const to = q.overflow?.to;
    if (to !== undefined && !queues.has(to) && !(OVERFLOW_SINKS as readonly string[]).includes(to)) {
      out.push({
        path: ['queues', i, 'overflow', 'to'],
        message: `no queue ${JSON.stringify(to)} (or one of ${OVERFLOW_SINKS.join(', ')})`,
      });
    }
    if (to === q.name) out.push({ path: ['queues', i, 'overflow', 'to'], message: 'a queue cannot overflow to itself' });
  });
  c.routes.inbound.forEach((r, i) => {
    if (r.queue !== undefined && !queues.has(r.queue))
      out.push({ path: ['routes', 'inbound', i, 'queue'], message: `no queue ${JSON.stringify(r.queue)}` });
  });
  return out;
}
