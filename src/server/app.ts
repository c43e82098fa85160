// The HTTP side of the server: the fastify instance (how bodies and the other
// parts are validated), the OpenAPI document and its UI at /docs, WebSocket
// support, and the API of src/api under /api.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { AjvCompiler } from '@fastify/ajv-compiler';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { api, type ApiContext } from '../api/index.ts';
import { webConsole } from './web.ts';

type ValidatorFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator'];
type PartValidator = (route: { httpPart?: string }) => unknown;

/**
 * A JSON body is validated as sent (a number where a string belongs is a 400,
 * not stored as "42"); query strings, path parameters and headers are text,
 * coerced to the types their schemas declare. Both through fastify's own ajv
 * compiler (formats and shared schemas as usual).
 */
function bodyStrictValidator(): ValidatorFactory {
  const build = AjvCompiler() as unknown as (externalSchemas: unknown, options: unknown) => PartValidator;
  return ((externalSchemas: unknown, options: { customOptions?: Record<string, unknown> } = {}) => {
    const coercing = build(externalSchemas, options);
    const strict = build(externalSchemas, { ...options, customOptions: { ...options.customOptions, coerceTypes: false } });
    return (route: { httpPart?: string }) => (route.httpPart === 'body' ? strict(route) : coercing(route));
  }) as unknown as ValidatorFactory;
}

/** Query parameters whose values are credentials: never logged. */
const SECRET_PARAMS = /^(token|access_token|password|pin)$/i;

/** A URL with the values of its credential parameters replaced (the WebSocket's ?token=). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((p) => {
      const eq = p.indexOf('=');
      const name = decodeURIComponentSafe(eq < 0 ? p : p.slice(0, eq));
      return eq >= 0 && SECRET_PARAMS.test(name) ? `${p.slice(0, eq)}=[redacted]` : p;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What the log says of a request: fastify's usual fields, the URL redacted, no headers (they carry the bearer token). */
function requestForLog(req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/**
 * The fastify instance the API runs on. Body schemas say
 * `additionalProperties: false`, and that must refuse a misspelt field rather
 * than drop it silently (fastify's default ajv removes them).
 */
export function createHttp(opts: Pick<FastifyServerOptions, 'logger'> = {}): FastifyInstance {
  const logger = typeof opts.logger === 'object' ? { ...opts.logger, serializers: { req: requestForLog } } : opts.logger;
  return Fastify({
    ...opts,
    ...(logger !== undefined ? { logger } : {}),
    ajv: { customOptions: { removeAdditional: false, allErrors: false, coerceTypes: 'array', useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator: bodyStrictValidator() } },
  });
}

/**
 * The whole HTTP side on the root instance: the OpenAPI document and its UI at
 * /docs (/docs/json), WebSocket support, and the API under /api.
 */
export const server: FastifyPluginAsync<{ ctx: ApiContext }> = async (app, { ctx }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'boardcti API', version: '0.1.0', description: 'Errors are JSON {code, message} with a stable CTI_ERR_* code.' },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'the token from POST /api/auth/login' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(api, { prefix: '/api', ctx });
  await app.register(webConsole);
};
// Not encapsulated (as fastify-plugin does): swagger, the WebSocket support and
// its injectWS() for tests land on the instance it is registered on.
(server as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
