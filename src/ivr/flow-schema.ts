// The IVR flow format (JSON Schema, checked with ajv): shared with the HTTP
// API, which stores and serves flows with this schema (register it with
// `app.addSchema(FLOW_SCHEMA)` and refer to `boardcti-ivr-flow#`). What the
// schema cannot say (next nodes that exist, reachability, loops that never
// wait for the caller) is checked by validate.ts.
import { READOUT_KINDS } from './readout/types.ts';

const NODE_ID = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
const nodeRef = { type: 'string', pattern: NODE_ID };
const ms = (min: number, max: number, dflt: number) => ({ type: 'integer', minimum: min, maximum: max, default: dflt });
const varName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' };
const scalar = { type: ['string', 'number', 'boolean'] };

/** One thing to play: a prompt by name (or a .wav path), or a readout of a value (`${var}` templates allowed). */
const promptItem = {
  oneOf: [
    { type: 'string', minLength: 1 },
    ...READOUT_KINDS.map((k) => ({
      type: 'object',
      additionalProperties: false,
      required: [k],
      properties: { [k]: { type: ['string', 'number'] }, ...(k === 'currency' ? { unit: { enum: ['CNY', 'USD'] } } : {}) },
    })),
  ],
};
const prompt = { oneOf: [promptItem, { type: 'array', minItems: 1, items: promptItem }] };

const input = {
  prompt,
  timeoutMs: ms(500, 60000, 5000),
  interDigitTimeoutMs: ms(500, 60000, 3000),
  tries: { type: 'integer', minimum: 1, maximum: 9, default: 3 },
  invalidPrompt: prompt,
  timeoutPrompt: prompt,
  onFail: nodeRef,
  var: varName,
};

const condition = {
  type: 'object',
  additionalProperties: false,
  required: ['next'],
  minProperties: 2,
  properties: {
    next: nodeRef,
    var: varName,
    equals: scalar,
    in: { type: 'array', minItems: 1, items: scalar },
    matches: { type: 'string', minLength: 1 },
    time: { type: 'string', pattern: '^([01]?[0-9]|2[0-4]):[0-5][0-9]-([01]?[0-9]|2[0-4]):[0-5][0-9]$' },
    days: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', pattern: '^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$' },
    },
    holiday: { type: 'string', minLength: 1 },
    schedule: { type: 'string', minLength: 1 },
  },
};

/** Each node type: its own options (besides `type`). */
export const NODE_TYPES = {
  play: { required: ['prompt', 'next'], properties: { prompt, next: nodeRef, bargeIn: { type: 'boolean', default: false } } },
  menu: {
    required: ['prompt', 'choices', 'onFail'],
    properties: {
      ...input,
      choices: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[0-9*#]{1,4}$' }, additionalProperties: nodeRef },
    },
  },
  collect: {
    required: ['prompt', 'var', 'next', 'onFail'],
    properties: {
      ...input,
      next: nodeRef,
      min: { type: 'integer', minimum: 1, maximum: 32, default: 1 },
      max: { type: 'integer', minimum: 1, maximum: 32, default: 16 },
      terminators: { type: 'string', pattern: '^[0-9*#]*$', default: '#' },
      pattern: { type: 'string', minLength: 1 },
    },
  },
  branch: { required: ['when', 'else'], properties: { when: { type: 'array', minItems: 1, items: condition }, else: nodeRef } },
  set: {
    required: ['vars', 'next'],
    properties: { vars: { type: 'object', minProperties: 1, propertyNames: varName, additionalProperties: scalar }, next: nodeRef },
  },
  code: {
    required: ['run', 'next'],
    properties: {
      run: { type: 'string', minLength: 1 },
      params: { type: 'object' },
      timeoutMs: ms(100, 120000, 5000),
      hold: prompt,
      next: nodeRef,
      branches: { type: 'object', minProperties: 1, additionalProperties: nodeRef },
      error: nodeRef,
    },
  },
  queue: { required: ['queue'], properties: { queue: { type: 'string', minLength: 1 }, prompt, onFail: nodeRef } },
  extension: {
    required: ['extension'],
    properties: { extension: { type: 'string', pattern: '^[0-9]{2,8}$' }, prompt, timeoutMs: ms(1000, 600000, 30000), onFail: nodeRef },
  },
  voicemail: { required: ['box'], properties: { box: { type: 'string', minLength: 1 }, prompt, onFail: nodeRef } },
  fax: { required: ['document'], properties: { document: { type: 'string', minLength: 1 }, prompt, onFail: nodeRef } },
  hangup: { required: [], properties: { prompt } },
} as const;
export type NodeType = keyof typeof NODE_TYPES;
/** Nodes that wait for the caller's keys (a loop must pass one). */
export const INPUT_TYPES: readonly NodeType[] = ['menu', 'collect'];

const holidayEntry = {
  oneOf: [
    { type: 'string', pattern: '^([0-9]{4}-)?[0-9]{2}-[0-9]{2}$' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['from'],
      properties: {
        from: { type: 'string', pattern: '^([0-9]{4}-)?[0-9]{2}-[0-9]{2}$' },
        to: { type: 'string', pattern: '^([0-9]{4}-)?[0-9]{2}-[0-9]{2}$' },
        name: { type: 'string' },
      },
    },
  ],
};

export const FLOW_SCHEMA = {
  $id: 'boardcti-ivr-flow',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'start', 'nodes'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
    description: { type: 'string' },
    start: nodeRef,
    lang: { enum: ['en', 'zh'], default: 'en' },
    timezone: { type: 'string', minLength: 1 },
    vars: { type: 'object', propertyNames: varName, additionalProperties: scalar, default: {} },
    calendars: { type: 'object', propertyNames: varName, additionalProperties: { type: 'array', items: holidayEntry }, default: {} },
    prompts: {
      type: 'object',
      default: {},
      additionalProperties: {
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: { en: { type: 'string', minLength: 1 }, zh: { type: 'string', minLength: 1 } },
          },
        ],
      },
    },
    onError: nodeRef,
    nodes: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: NODE_ID },
      additionalProperties: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: Object.keys(NODE_TYPES) } },
        allOf: Object.entries(NODE_TYPES).map(([t, s]) => ({
          if: { type: 'object', properties: { type: { const: t } }, required: ['type'] },
          then: { type: 'object', additionalProperties: false, required: s.required, properties: { type: { const: t }, ...s.properties } },
        })),
      },
    },
  },
} as const;

// ---- the same, as TypeScript types -------------------------------------------

export type PromptItem =
  | string
  | { number: string | number }
  | { digits: string | number }
  | { currency: string | number; unit?: 'CNY' | 'USD' }
  | { ordinal: string | number }
  | { position: string | number }
  | { date: string }
  | { time: string };
export type PromptSpec = PromptItem | PromptItem[];
type Scalar = string | number | boolean;

interface InputNode {
  prompt: PromptSpec;
  timeoutMs: number;
  interDigitTimeoutMs: number;
  tries: number;
  invalidPrompt?: PromptSpec;
  timeoutPrompt?: PromptSpec;
  onFail: string;
  var?: string;
}
export interface Condition {
  next: string;
  var?: string;
  equals?: Scalar;
  in?: Scalar[];
  matches?: string;
  time?: string;
  days?: string[];
  holiday?: string;
  /** a shared schedule (/api/schedules): holds while it is open */
  schedule?: string;
}
export type FlowNode =
  | { type: 'play'; prompt: PromptSpec; next: string; bargeIn: boolean }
  | ({ type: 'menu'; choices: Record<string, string> } & InputNode)
  | ({ type: 'collect'; var: string; next: string; min: number; max: number; terminators: string; pattern?: string } & InputNode)
  | { type: 'branch'; when: Condition[]; else: string }
  | { type: 'set'; vars: Record<string, Scalar>; next: string }
  | {
      type: 'code';
      run: string;
      params?: Record<string, unknown>;
      timeoutMs: number;
      hold?: PromptSpec;
      next: string;
      branches?: Record<string, string>;
      error?: string;
    }
  | { type: 'queue'; queue: string; prompt?: PromptSpec; onFail?: string }
  | { type: 'extension'; extension: string; prompt?: PromptSpec; timeoutMs: number; onFail?: string }
  | { type: 'voicemail'; box: string; prompt?: PromptSpec; onFail?: string }
  | { type: 'fax'; document: string; prompt?: PromptSpec; onFail?: string }
  | { type: 'hangup'; prompt?: PromptSpec };

export type HolidayEntry = string | { from: string; to?: string; name?: string };

export interface Flow {
  name: string;
  description?: string;
  start: string;
  lang: 'en' | 'zh';
  timezone?: string;
  vars: Record<string, Scalar>;
  calendars: Record<string, HolidayEntry[]>;
  prompts: Record<string, string | { en?: string; zh?: string }>;
  onError?: string;
  nodes: Record<string, FlowNode>;
}
