// Two checks on what a client sends, before the schemas see it (fastify's
// preValidation): no NUL character in any string of the path, the query or the
// body (no database stores it as text, and it must never reach one), and a
// path or query value whose schema says integer or number is written as a plain
// decimal (ajv alone would take "0x10" as 16, "1e1" as 10 and " 1" as 1).
import type { FastifyRequest } from 'fastify';
import { CtiError } from '../native/errors.ts';

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

interface PartSchema {
  properties?: Record<string, { type?: string | string[] }>;
}

export function strictInput(req: FastifyRequest, _reply: unknown, done: (err?: Error) => void): void {
  try {
    check(req);
  } catch (e) {
    return done(e as Error);
  }
  done();
}

function check(req: FastifyRequest): void {
  nul('params', req.params);
  nul('querystring', req.query);
  nul('body', req.body);
  const schema = req.routeOptions.schema as { params?: PartSchema; querystring?: PartSchema } | undefined;
  decimals('params', req.params, schema?.params);
  decimals('querystring', req.query, schema?.querystring);
}

function nul(where: string, value: unknown, depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${where} must not contain a NUL character`);
  } else if (value && typeof value === 'object' && depth < 32) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${where}: a name must not contain a NUL character`);
      nul(`${where}/${k}`, v, depth + 1);
    }
  }
}

function decimals(where: string, values: unknown, schema: PartSchema | undefined): void {
  if (!schema?.properties || !values || typeof values !== 'object') return;
  for (const [k, raw] of Object.entries(values as Record<string, unknown>)) {
    const t = schema.properties[k]?.type;
    const types = Array.isArray(t) ? t : [t];
    const pattern = types.includes('integer') ? INTEGER : types.includes('number') ? NUMBER : undefined;
    if (!pattern) continue;
    for (const v of Array.isArray(raw) ? raw : [raw])
      if (typeof v === 'string' && !pattern.test(v))
        throw new CtiError('CTI_ERR_BAD_ARGUMENT', `${where}/${k} must be a decimal ${pattern === INTEGER ? 'integer' : 'number'}`);
  }
}
