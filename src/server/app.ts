// The HTTP API as one fastify plugin under /api: each route group is an
// encapsulated plugin with full schemas; errors are JSON {code, message} in
// the CTI_ERR_* vocabulary, and nothing internal leaks on a 500.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import { AjvCompiler } from '@fastify/ajv-compiler';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import { ANY, installAuth, PUBLIC } from '../api/auth.ts';
import { callCenterApi, type CallCenterContext } from '../api/index.ts';
import { callOpsRoutes } from '../api/routes/calls-ops.ts';
import type { CallOpsService } from '../callops/index.ts';
import type { AuthConfig } from '../config/schema.ts';
import { CtiError, type ErrorCode } from '../native/errors.ts';
import { boardRoutes } from './routes/boards.ts';
import { healthRoutes } from './routes/health.ts';
import { simRoutes } from './routes/sim.ts';
import type { SimService } from './services/sim-service.ts';
import type { BoardView, HealthView } from './views.ts';

/** What the routes need of the running server. */
export interface ApiContext {
  health(): HealthView;
  boards(): BoardView[];
  /** present on the simulated board */
  sim?: SimService;
  /** accounts, customers, call records, events: present with a database */
  dataApi?: CallCenterContext | undefined;
  /** absent: no login anywhere (a runtime without a database) */
  auth?: AuthConfig;
  /** call operations on extensions (/api/extensions) */
  callOps?: CallOpsService;
}

/**
 * Who may call the routes of src/server (they declare no roles themselves).
 * /api/health stays public for monitoring; boards and line states are for
 * every logged-in role (agents see the state of lines and extensions); the
 * simulated world's controls are a technician's (or open: auth.openSim).
 */
export const SERVER_ROUTE_ACCESS: [string, typeof ANY | readonly ('technician' | 'supervisor')[]][] = [
  ['/api/health', PUBLIC],
  ['/api/boards', ANY],
  ['/api/sim', ['technician']],
];

const STATUS: Partial<Record<ErrorCode, number>> = {
  CTI_ERR_BAD_ARGUMENT: 400,
  CTI_ERR_BAD_WAV: 400,
  CTI_ERR_BAD_TONE_PLAN: 400,
  CTI_ERR_UNAUTHORIZED: 401,
  CTI_ERR_FORBIDDEN: 403,
  CTI_ERR_NOT_FOUND: 404,
  CTI_ERR_CONFLICT: 409,
  CTI_ERR_NO_SUCH_CHANNEL: 404,
  CTI_ERR_NO_SUCH_BOARD: 404,
  CTI_ERR_BUSY: 409,
  CTI_ERR_CANCELED: 409,
  CTI_ERR_NOT_RUNNING: 503,
  CTI_ERR_DISCONNECTED: 503,
};

export function errorReply(
  err: FastifyError | Error,
  log: FastifyInstance['log'],
): { status: number; body: { code: string; message: string } } {
  const fe = err as FastifyError;
  if (fe.validation) return { status: 400, body: { code: 'CTI_ERR_BAD_ARGUMENT', message: fe.message } };
  if (err instanceof CtiError) {
    const status = STATUS[err.code] ?? 500;
    if (status < 500 || err.code !== 'CTI_ERR_INTERNAL') return { status, body: { code: err.code, message: err.message } };
  } else if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // fastify's own: bad JSON, wrong content type, body too large
    return { status: fe.statusCode, body: { code: 'CTI_ERR_BAD_ARGUMENT', message: fe.message } };
  }
  log.error({ err }, 'internal error');
  return { status: 500, body: { code: 'CTI_ERR_INTERNAL', message: 'internal error' } };
}

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

/** Register with `{ prefix: '/api' }`. */
export const api: FastifyPluginAsync<{ ctx: ApiContext }> = async (app, { ctx }) => {
  installAuth(app, {
    config: ctx.auth ?? { required: false, openSim: true, tokenTtlMs: 0 },
    accounts: ctx.dataApi?.stores.accounts,
    defaults: SERVER_ROUTE_ACCESS,
  });
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = errorReply(err as Error, req.log);
    void reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const sim = req.url.startsWith('/api/sim/') && !ctx.sim;
    void reply.code(404).send({
      code: 'CTI_ERR_NOT_FOUND',
      message: sim ? 'this server has no simulated board' : `no route ${req.method} ${req.url.split('?')[0]}`,
    });
  });
  await app.register(healthRoutes, { ctx });
  await app.register(boardRoutes, { ctx });
  if (ctx.sim) await app.register(simRoutes, { prefix: '/sim', sim: ctx.sim });
  if (ctx.dataApi) await app.register(callCenterApi, { cc: ctx.dataApi });
  if (ctx.callOps) await app.register(callOpsRoutes, { prefix: '/extensions', svc: ctx.callOps });
};

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
};
// Not encapsulated (as fastify-plugin does): swagger, the WebSocket support and
// its injectWS() for tests land on the instance it is registered on.
(server as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
