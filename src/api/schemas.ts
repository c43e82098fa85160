// JSON schemas of the call-center API: bodies, params, queries and responses.
// Bodies refuse unknown fields (additionalProperties: false).
import { CALL_RESULTS } from '../db/call-records.ts';

/** Every error answer: a stable CTI_ERR_* code and a human message. */
export const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
} as const;

export const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  500: errorSchema,
} as const;

const nstr = (max: number) => ({ type: ['string', 'null'], maxLength: max });
const isoTime = { type: 'string', format: 'date-time' } as const;

/** The largest id or count a client may send (a 32-bit signed integer, what every database column holds). */
export const MAX_INT = 2147483647;
export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: MAX_INT } },
} as const;
export const callIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;
export const paging = {
  offset: { type: 'integer', minimum: 0, maximum: MAX_INT, default: 0 },
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
} as const;
export const okSchema = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } } as const;

// --- accounts ---------------------------------------------------------------
const roleSchema = { type: 'string', enum: ['agent', 'supervisor', 'admin', 'technician'] } as const;
const skillsSchema = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 1, maximum: 9 },
  propertyNames: { pattern: '^[a-z0-9_-]{1,32}$' },
} as const;
const groupsSchema = { type: 'array', maxItems: 64, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9_-]{1,32}$' } } as const;
const accountFields = {
  username: { type: 'string', pattern: '^[a-zA-Z0-9._-]{2,64}$' },
  name: { type: 'string', minLength: 1, maxLength: 128 },
  role: roleSchema,
  password: { type: 'string', minLength: 8, maxLength: 256 },
  pin: { type: ['string', 'null'], pattern: '^[0-9]{4,8}$' },
  agentNumber: { type: ['string', 'null'], pattern: '^[0-9]{1,16}$' },
  extension: { type: ['string', 'null'], pattern: '^[0-9]{2,8}$' },
  skills: skillsSchema,
  groups: groupsSchema,
  enabled: { type: 'boolean' },
} as const;
export const accountBody = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'name', 'role', 'password'],
  properties: accountFields,
} as const;
export const accountPatch = { type: 'object', additionalProperties: false, minProperties: 1, properties: accountFields } as const;
export const accountSchema = {
  type: 'object',
  required: ['id', 'username', 'name', 'role', 'agentNumber', 'extension', 'skills', 'groups', 'enabled', 'hasPin', 'locale'],
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    name: { type: 'string' },
    role: roleSchema,
    agentNumber: { type: ['string', 'null'] },
    extension: { type: ['string', 'null'] },
    skills: { type: 'object', additionalProperties: { type: 'integer' } },
    groups: { type: 'array', items: { type: 'string' } },
    enabled: { type: 'boolean' },
    hasPin: { type: 'boolean' },
    locale: { type: ['string', 'null'], enum: ['zh-CN', 'en', null], description: "the console's language the account chose (null: none)" },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const loginBody = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password'],
  properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } },
} as const;
export const loginReply = {
  type: 'object',
  required: ['token', 'expiresAt', 'account'],
  properties: { token: { type: 'string' }, expiresAt: { type: 'string' }, account: accountSchema },
} as const;

// --- customers --------------------------------------------------------------
const contactSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 128 },
    role: { type: 'string', maxLength: 64 },
    phone: { type: 'string', maxLength: 40 },
    email: { type: 'string', maxLength: 128 },
  },
} as const;
const phoneIn = {
  type: 'object',
  additionalProperties: false,
  required: ['number'],
  properties: { number: { type: 'string', pattern: '^\\+?[0-9 ()-]{3,40}$' }, label: nstr(32) },
} as const;
const customerFields = {
  name: { type: 'string', minLength: 1, maxLength: 128 },
  company: nstr(128),
  contacts: { type: 'array', maxItems: 100, items: contactSchema },
  phones: { type: 'array', maxItems: 50, items: phoneIn },
  address: nstr(1000),
  notes: nstr(10000),
  vip: { type: 'boolean' },
  priority: { type: 'integer', minimum: 0, maximum: 9 },
  category: nstr(64),
  region: nstr(64),
} as const;
export const customerBody = { type: 'object', additionalProperties: false, required: ['name'], properties: customerFields } as const;
export const customerPatch = { type: 'object', additionalProperties: false, minProperties: 1, properties: customerFields } as const;
export const customerSchema = {
  type: 'object',
  required: ['id', 'name', 'company', 'contacts', 'phones', 'address', 'notes', 'vip', 'priority', 'category', 'region'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    company: { type: ['string', 'null'] },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, role: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' } },
      },
    },
    phones: {
      type: 'array',
      items: {
        type: 'object',
        required: ['number', 'normalized'],
        properties: { number: { type: 'string' }, normalized: { type: 'string' }, label: { type: ['string', 'null'] } },
      },
    },
    address: { type: ['string', 'null'] },
    notes: { type: ['string', 'null'] },
    vip: { type: 'boolean' },
    priority: { type: 'integer' },
    category: { type: ['string', 'null'] },
    region: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;
export const customerList = {
  type: 'object',
  required: ['total', 'items'],
  properties: { total: { type: 'integer' }, items: { type: 'array', items: customerSchema } },
} as const;
export const customerQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 128, description: 'part of the name, the company or a phone number' },
    vip: { type: 'boolean' },
    category: { type: 'string', minLength: 1, maxLength: 64 },
    region: { type: 'string', minLength: 1, maxLength: 64 },
    ...paging,
  },
} as const;
export const lookupQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['number'],
  properties: { number: { type: 'string', pattern: '^\\+?[0-9 ()-]{1,40}$' } },
} as const;
export const historySchema = {
  type: 'object',
  required: ['id', 'at', 'kind', 'summary'],
  properties: {
    id: { type: 'integer' },
    at: { type: 'string' },
    kind: { type: 'string' },
    callId: { type: ['string', 'null'] },
    userId: { type: ['integer', 'null'] },
    summary: { type: 'string' },
  },
} as const;
export const historyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'summary'],
  properties: {
    kind: { type: 'string', enum: ['call', 'note', 'email', 'visit'] },
    summary: { type: 'string', minLength: 1, maxLength: 10000 },
    callId: nstr(64),
    at: isoTime,
  },
} as const;

// --- blacklist --------------------------------------------------------------
const blacklistFields = {
  pattern: { type: 'string', pattern: '^\\+?[0-9Xx]{1,32}\\*?$' },
  action: { type: 'string', enum: ['reject', 'reroute'] },
  target: { type: ['string', 'null'], pattern: '^[0-9A-Za-z:_-]{1,40}$' },
  note: nstr(1000),
} as const;
export const blacklistBody = {
  type: 'object',
  additionalProperties: false,
  required: ['pattern', 'action'],
  properties: blacklistFields,
} as const;
export const blacklistPatch = { type: 'object', additionalProperties: false, minProperties: 1, properties: blacklistFields } as const;
export const blacklistSchema = {
  type: 'object',
  required: ['id', 'pattern', 'action', 'target', 'note'],
  properties: {
    id: { type: 'integer' },
    pattern: { type: 'string' },
    action: { type: 'string' },
    target: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

// --- call records -----------------------------------------------------------
const dispositionCode = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,31}$' } as const;
/** An agent's wrap-up of a call: the disposition code (of GET /api/dispositions) and a short note. */
export const dispositionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['disposition'],
  properties: { disposition: { ...dispositionCode, type: ['string', 'null'] }, dispositionNote: nstr(2000) },
} as const;
export const dispositionSchema = {
  type: 'object',
  required: ['code', 'label'],
  properties: { code: { type: 'string' }, label: { type: 'string' } },
} as const;
const nint = { type: ['integer', 'null'] } as const;
const legSchema = {
  type: 'object',
  required: ['id', 'kind', 'direction', 'startMs'],
  properties: {
    id: { type: 'string' },
    board: { type: 'integer' },
    span: { type: 'integer' },
    channel: { type: 'integer' },
    kind: { type: 'string' },
    extension: { type: ['string', 'null'] },
    direction: { type: 'string' },
    remote: { type: ['string', 'null'] },
    callerId: { type: ['string', 'null'] },
    startMs: { type: 'integer' },
    answerMs: nint,
    endMs: nint,
    cause: { type: ['string', 'null'] },
    detail: { type: ['string', 'null'] },
    digits: { type: 'string' },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: { at: { type: 'number' }, from: { type: 'string' }, to: { type: 'string' }, why: { type: 'string' } },
      },
    },
  },
} as const;
export const callRecordSchema = {
  type: 'object',
  required: ['id', 'direction', 'from', 'to', 'state', 'result', 'startedAt', 'legs', 'disposition', 'dispositionNote'],
  properties: {
    id: { type: 'string' },
    direction: { type: 'string' },
    from: { type: ['string', 'null'] },
    to: { type: ['string', 'null'] },
    state: { type: 'string' },
    result: { type: 'string', enum: [...CALL_RESULTS] },
    startedAt: { type: 'string' },
    startMs: { type: 'integer' },
    answerMs: nint,
    endMs: nint,
    durationMs: nint,
    waitMs: nint,
    talkMs: nint,
    holdMs: nint,
    wrapUpMs: nint,
    queue: { type: ['string', 'null'] },
    agent: { type: ['string', 'null'] },
    cause: { type: ['string', 'null'] },
    detail: { type: ['string', 'null'] },
    transfers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          from: { type: 'string' },
          to: { type: 'string' },
          atMs: { type: 'integer' },
          kind: { type: 'string' },
          notes: { type: 'string' },
        },
      },
    },
    recording: { type: ['string', 'null'] },
    disposition: { type: ['string', 'null'], description: "the wrap-up's code (the configuration's dispositions)" },
    dispositionNote: { type: ['string', 'null'] },
    vars: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    legs: { type: 'array', items: legSchema },
  },
} as const;
export const callRecordList = {
  type: 'object',
  required: ['total', 'items'],
  properties: { total: { type: 'integer' }, items: { type: 'array', items: callRecordSchema } },
} as const;
export const callRecordQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    number: { type: 'string', pattern: '^\\+?[0-9]{1,40}$' },
    direction: { type: 'string', enum: ['inbound', 'outbound', 'internal'] },
    result: callRecordSchema.properties.result,
    queue: { type: 'string', maxLength: 64 },
    agent: { type: 'string', maxLength: 64 },
    disposition: dispositionCode,
    since: isoTime,
    until: isoTime,
    mine: { type: 'boolean', description: "only the calls of the account asking (an agent's are always)" },
    ...paging,
  },
} as const;
