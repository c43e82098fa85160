// JSON schemas of the agent and queue routes (src/api/routes/agents.ts, queues.ts).
const nstr = { type: ['string', 'null'] } as const;
const nint = { type: ['integer', 'null'] } as const;

export const agentIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^(me|[0-9A-Za-z][0-9A-Za-z_-]{0,31})$' } },
} as const;
export const queueParams = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,31}$' } },
} as const;
export const queueCallParams = {
  type: 'object',
  required: ['callId'],
  properties: { callId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const agentSchema = {
  type: 'object',
  required: ['id', 'state', 'reason', 'since', 'callId', 'queue'],
  properties: {
    id: { type: 'string' },
    name: nstr,
    accountId: nint,
    extension: nstr,
    skills: { type: 'object', additionalProperties: { type: 'integer' } },
    state: { type: 'string', enum: ['logged-out', 'ready', 'not-ready', 'dnd', 'reserved', 'ringing', 'on-call', 'wrap-up'] },
    reason: nstr,
    since: { type: 'integer', description: 'engine ms of the last change' },
    idleSince: { type: 'integer' },
    callId: nstr,
    queue: nstr,
    missed: { type: 'integer' },
    answered: { type: 'integer' },
    pending: { type: ['object', 'null'], properties: { state: { type: 'string' }, reason: { type: 'string' } } },
  },
} as const;

export const loginAgentBody = {
  type: 'object',
  additionalProperties: false,
  properties: { ready: { type: 'boolean', default: true } },
} as const;
export const notReadyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' } },
} as const;
export const dndBody = { type: 'object', additionalProperties: false, required: ['on'], properties: { on: { type: 'boolean' } } } as const;

export const agentEventSchema = {
  type: 'object',
  required: ['agentId', 'from', 'to', 'reason', 'why', 'at'],
  properties: {
    agentId: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    reason: nstr,
    why: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    callId: nstr,
    queue: nstr,
  },
} as const;
export const historyQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: { type: 'string', format: 'date-time' },
    until: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 },
  },
} as const;

const waitingSchema = {
  type: 'object',
  required: ['callId', 'position', 'priority', 'status', 'waitedMs'],
  properties: {
    callId: { type: 'string' },
    number: nstr,
    position: { type: 'integer' },
    priority: { type: 'integer' },
    status: { type: 'string' },
    waitedMs: { type: 'integer' },
    estimateMs: nint,
    offeredTo: { type: 'array', items: { type: 'string' } },
  },
} as const;
export const queueSchema = {
  type: 'object',
  required: ['name', 'strategy', 'waiting', 'agents', 'stats'],
  properties: {
    name: { type: 'string' },
    strategy: { type: 'string' },
    waiting: { type: 'array', items: waitingSchema },
    agents: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: nstr, state: { type: 'string' }, reason: nstr, callId: nstr, idleMs: nint },
      },
    },
    stats: {
      type: 'object',
      properties: {
        entered: { type: 'integer' },
        answered: { type: 'integer' },
        abandoned: { type: 'integer' },
        overflowed: { type: 'integer' },
        maxWait: { type: 'integer' },
        callbacks: { type: 'integer' },
        ready: { type: 'integer' },
        averageWaitMs: nint,
        longestWaitingMs: nint,
      },
    },
  },
} as const;

const candidateSchema = {
  type: 'object',
  required: ['agent', 'free', 'why'],
  properties: {
    agent: { type: 'string' },
    free: { type: 'boolean' },
    why: { type: 'string' },
    skillScore: { type: 'integer' },
    idleMs: nint,
    rank: nint,
  },
} as const;
export const explanationSchema = {
  type: 'object',
  required: ['callId', 'queue', 'status', 'position', 'priority', 'waitedMs', 'next', 'reason', 'candidates'],
  properties: {
    callId: { type: 'string' },
    queue: { type: 'string' },
    status: { type: 'string' },
    position: { type: 'integer' },
    priority: { type: 'integer' },
    waitedMs: { type: 'integer' },
    estimateMs: nint,
    next: { type: 'array', items: { type: 'string' }, description: 'the agent(s) who would be offered the call now' },
    reason: { type: 'string' },
    candidates: { type: 'array', items: candidateSchema },
  },
} as const;
