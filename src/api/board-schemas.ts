// JSON schemas of the board, health and simulator routes: bodies, params and
// every response.
import { errorSchema } from './schemas.ts';

export const errorResponses = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 500: errorSchema, 503: errorSchema } as const;

const heardSchema = {
  type: 'object',
  required: ['kind', 'value', 'atMs'],
  properties: { kind: { type: 'string' }, value: { type: 'string' }, atMs: { type: 'number' } },
} as const;

export const healthSchema = {
  type: 'object',
  required: ['status', 'uptimeMs', 'engine', 'calls', 'spansInAlarm'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    uptimeMs: { type: 'number' },
    engine: {
      type: 'object',
      properties: {
        isa: { type: 'string' },
        mode: { type: 'string' },
        ticks: { type: 'number' },
        lateTicks: { type: 'number' },
        maxTickUs: { type: 'number' },
        meanTickUs: { type: 'number' },
        threadCpuMs: { type: 'number' },
        nowMs: { type: 'number' },
        channels: { type: 'number' },
        refusedMoves: { type: 'integer' },
      },
    },
    calls: { type: 'object', required: ['active'], properties: { active: { type: 'integer' } } },
    spansInAlarm: { type: 'integer' },
  },
} as const;

const channelSchema = {
  type: 'object',
  required: ['number', 'span', 'kind', 'port', 'lineState', 'call'],
  properties: {
    number: { type: 'integer' },
    span: { type: 'integer' },
    timeslot: { type: ['integer', 'null'] },
    kind: { type: 'string', enum: ['fxs', 'fxo', 'e1', 'loopback'] },
    law: { type: 'string' },
    port: { type: 'string' },
    lineState: { type: 'string' },
    extension: { type: ['string', 'null'] },
    lineNumber: { type: ['string', 'null'] },
    clearing: { type: 'boolean' },
    refusedMoves: { type: 'integer' },
    call: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['id', 'legId', 'state'],
          properties: { id: { type: 'string' }, legId: { type: 'string' }, state: { type: 'string' } },
        },
      ],
    },
  },
} as const;

const useCountSchema = {
  type: 'object',
  required: ['total', 'inUse'],
  properties: { total: { type: 'integer' }, inUse: { type: 'integer' } },
} as const;

export const boardsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'name', 'driver', 'spans', 'channels', 'totals'],
    properties: {
      totals: {
        type: 'object',
        description: 'lines: FXO and E1 trunk channels; extensions: FXS; in use: off idle or carrying a call',
        required: ['lines', 'extensions'],
        properties: { lines: useCountSchema, extensions: useCountSchema },
      },
      id: { type: 'integer' },
      name: { type: 'string' },
      driver: { type: 'string' },
      model: { type: 'string' },
      serial: { type: 'string' },
      firmware: { type: 'string' },
      resets: { type: 'integer' },
      spans: {
        type: 'array',
        items: {
          type: 'object',
          required: ['span', 'kind', 'alarms'],
          properties: {
            span: { type: 'integer' },
            kind: { type: 'string' },
            signalling: { anyOf: [{ type: 'null' }, { enum: ['cas', 'pri'] }] },
            dchan: { anyOf: [{ type: 'null' }, { enum: ['up', 'down'] }] },
            alarms: { type: 'array', items: { type: 'string' } },
            counters: {
              anyOf: [
                { type: 'null' },
                {
                  type: 'object',
                  properties: {
                    slips: { type: 'number' },
                    crcErrors: { type: 'number' },
                    bipolarViolations: { type: 'number' },
                    frameErrors: { type: 'number' },
                  },
                },
              ],
            },
          },
        },
      },
      channels: { type: 'array', items: channelSchema },
    },
  },
} as const;

export const simCallSchema = {
  type: 'object',
  required: ['id', 'state', 'tones', 'digits'],
  properties: {
    id: { type: 'integer' },
    direction: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    trunk: { type: 'string' },
    state: { type: 'string' },
    endedReason: { type: ['string', 'null'] },
    tones: { type: 'array', items: { type: 'string' } },
    digits: { type: 'string' },
    voice: { type: 'boolean' },
    heard: { type: 'array', items: heardSchema },
  },
} as const;

export const phoneSchema = {
  type: 'object',
  required: ['extension', 'hook', 'ringing', 'display', 'hearing'],
  properties: {
    extension: { type: 'string' },
    channel: { type: 'integer' },
    hook: { type: 'string', enum: ['on', 'off'] },
    state: { type: 'string' },
    ringing: { type: 'boolean' },
    bell: { type: 'boolean' },
    rings: { type: 'integer' },
    display: { type: ['string', 'null'] },
    hearing: { type: ['string', 'null'] },
    tones: { type: 'array', items: { type: 'string' } },
    digits: { type: 'string' },
    heard: { type: 'array', items: heardSchema },
  },
} as const;

export const digitsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['digits'],
  properties: { digits: { type: 'string', pattern: '^[0-9*#A-D,]{1,64}$' } },
} as const;

export const placeCallBody = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: { type: 'string', pattern: '^[0-9*#]{1,32}$' },
    to: { type: 'string', minLength: 1, maxLength: 40 },
  },
} as const;

/** a simulated PSTN call's number */
export const simCallIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

export const extParams = {
  type: 'object',
  required: ['ext'],
  properties: { ext: { type: 'string', pattern: '^[0-9]{1,8}$' } },
} as const;
