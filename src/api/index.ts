// The HTTP API as one fastify plugin under /api (registered by src/server/app.ts):
// each route group is an encapsulated plugin with full schemas; errors are JSON
// {code, message} in the CTI_ERR_* vocabulary, and nothing internal leaks on a 500.
// Health, boards, the simulated world, call operations on extensions and, with
// a database, the call-center API: login, accounts, customers, blacklist, call
// records, agents and queues (with an ACD), shared schedules and holidays, IVR flows and the WebSocket event stream.
import type { FastifyPluginAsync } from 'fastify';
import { ANY, installAuth, PUBLIC } from './auth.ts';
import type { ApiContext } from './api-context.ts';
import type { CallCenterContext } from './context.ts';
import { errorReply } from './error-reply.ts';
import { strictInput } from './strict-input.ts';
import { accountRoutes } from './routes/accounts.ts';
import { agentRoutes } from './routes/agents.ts';
import { authRoutes } from './routes/auth.ts';
import { blacklistRoutes } from './routes/blacklist.ts';
import { boardRoutes } from './routes/boards.ts';
import { calendarRoutes } from './routes/calendars.ts';
import { callRecordRoutes } from './routes/call-records.ts';
import { callOpsRoutes } from './routes/calls-ops.ts';
import { contactRoutes } from './routes/contacts.ts';
import { customerCsvRoutes } from './routes/customer-csv.ts';
import { customerRoutes } from './routes/customers.ts';
import { dispositionRoutes } from './routes/dispositions.ts';
import { healthRoutes } from './routes/health.ts';
import { ivrFlowRoutes } from './routes/ivr-flows.ts';
import { messageRoutes } from './routes/messages.ts';
import { queueDefinitionRoutes } from './routes/queue-definitions.ts';
import { queueRoutes } from './routes/queues.ts';
import { simRoutes } from './routes/sim.ts';
import { wsRoutes } from './routes/ws.ts';

export const callCenterApi: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  await app.register(authRoutes, { prefix: '/auth', cc });
  await app.register(accountRoutes, { prefix: '/accounts', cc });
  await app.register(customerRoutes, { prefix: '/customers', cc });
  await app.register(customerCsvRoutes, { prefix: '/customers', cc });
  await app.register(blacklistRoutes, { prefix: '/blacklist', cc });
  await app.register(callRecordRoutes, { prefix: '/call-records', cc });
  await app.register(contactRoutes, { prefix: '/contacts', cc });
  await app.register(messageRoutes, { prefix: '/messages', cc });
  await app.register(dispositionRoutes, { prefix: '/dispositions', cc });
  if (cc.callCenter) {
    await app.register(agentRoutes, { prefix: '/agents', callCenter: cc.callCenter });
    await app.register(queueRoutes, { prefix: '/queues', callCenter: cc.callCenter });
    if (cc.queues) await app.register(queueDefinitionRoutes, { prefix: '/queues', definitions: cc.queues });
  }
  await app.register(calendarRoutes, { calendars: cc.stores.calendars, now: cc.now ?? Date.now });
  if (cc.ivrFlows) await app.register(ivrFlowRoutes, { prefix: '/ivr/flows', flows: cc.ivrFlows });
  await app.register(wsRoutes, { cc });
};

/**
 * Who may call the routes that declare no roles themselves (health, boards,
 * the simulated world). /api/health stays public for monitoring; boards and
 * line states are for every logged-in role (agents see the state of lines and
 * extensions); the simulated world's controls are a technician's (or open:
 * auth.openSim).
 */
export const SERVER_ROUTE_ACCESS: [string, typeof ANY | readonly ('technician' | 'supervisor')[]][] = [
  ['/api/health', PUBLIC],
  ['/api/boards', ANY],
  ['/api/sim', ['technician']],
];

/** Register with `{ prefix: '/api' }`. */
export const api: FastifyPluginAsync<{ ctx: ApiContext }> = async (app, { ctx }) => {
  installAuth(app, {
    config: ctx.auth ?? { required: false, openSim: true, tokenTtlMs: 0 },
    accounts: ctx.dataApi?.stores.accounts,
    defaults: SERVER_ROUTE_ACCESS,
  });
  app.addHook('preValidation', strictInput);
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

export type { ApiContext } from './api-context.ts';
export type { CallCenterContext } from './context.ts';
export { errorReply } from './error-reply.ts';
export { EventHub, agentTopic, type CtiEvent, type EventPublisher } from './events.ts';
export { ScreenPops, type ScreenPop, type ScreenPopRequest } from './screen-pop.ts';
