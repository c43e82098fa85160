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

/**
 * The fastify instance the API runs on. Body schemas say
 * `additionalProperties: false`, and that must refuse a misspelt field rather
 * than drop it silently (fastify's default ajv removes them).
 */
export function createHttp(opts: Pick<FastifyServerOptions, 'logger'> = {}): FastifyInstance {
  return Fastify({
    ...opts,
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
