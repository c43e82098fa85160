// JSON schemas of the queue definition routes (POST, PUT, PATCH, DELETE
// /api/queues, GET /api/queues/:name/definition): a definition is the YAML's
// queue entry (src/config/acd-schema.ts), so the API and the file take the
// same fields with the same limits and defaults.
import { QUEUES_SCHEMA } from '../config/acd-schema.ts';

type Schema = Record<string, unknown>;
const item = QUEUES_SCHEMA.items;
const props = item.properties as unknown as Record<string, Schema>;

/** The schema without its defaults (a PATCH fills in nothing it was not given). */
function noDefaults(s: Schema): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'default') continue;
    if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as Record<string, Schema>).map(([p, x]) => [p, noDefaults(x)]));
    else out[k] = v;
  }
  return out;
}

/** POST /api/queues: a new queue, as in the YAML. */
export const queueCreateBody = { ...item, description: 'a queue as in the YAML `queues:` list; defaults are filled in' } as const;

/** PUT /api/queues/:name: the whole definition (`name`, when given, must be the queue's). */
export const queueReplaceBody = {
  type: 'object',
  additionalProperties: false,
  properties: props,
  description: 'the whole definition; fields left out take their defaults or are unset',
} as const;

/** PATCH /api/queues/:name: the fields given replace the queue's; null unsets an optional field. */
export const queuePatchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'the fields given replace the queue’s; null unsets a field that has no default',
  properties: Object.fromEntries(
    Object.entries(props)
      .filter(([k]) => k !== 'name')
      .map(([k, s]) => {
        const bare = noDefaults(s);
        return [k, 'default' in s || typeof s.type !== 'string' ? bare : { ...bare, type: [s.type, 'null'] }];
      }),
  ),
} as const;

export const queueDefinitionSchema = {
  type: 'object',
  required: ['name', 'definition', 'origin', 'updatedBy', 'updatedAt'],
  properties: {
    name: { type: 'string' },
    definition: {
      type: 'object',
      required: ['name', 'strategy', 'priority', 'ringTimeoutMs', 'maxMissed', 'wrapUpMs', 'defaultHandleMs'],
      properties: Object.fromEntries(Object.entries(props).map(([k, s]) => [k, noDefaults(s)])),
    },
    origin: {
      type: 'string',
      enum: ['config', 'api'],
      description: "who wrote the definition last: the YAML's queues (the seed) or the API",
    },
    updatedBy: { type: ['string', 'null'], description: 'the username (null: the YAML)' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;
