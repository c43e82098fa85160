// The call-center API under /api: login, accounts, customers, blacklist, call
// records, agents and queues (with an ACD) and the WebSocket event stream. Registered by src/server/app.ts
// inside the /api scope, after the auth hooks.
import type { FastifyPluginAsync } from 'fastify';
import type { CallCenterContext } from './context.ts';
import { accountRoutes } from './routes/accounts.ts';
import { agentRoutes } from './routes/agents.ts';
import { authRoutes } from './routes/auth.ts';
import { blacklistRoutes } from './routes/blacklist.ts';
import { callRecordRoutes } from './routes/call-records.ts';
import { customerRoutes } from './routes/customers.ts';
import { ivrFlowRoutes } from './routes/ivr-flows.ts';
import { queueDefinitionRoutes } from './routes/queue-definitions.ts';
import { queueRoutes } from './routes/queues.ts';
import { wsRoutes } from './routes/ws.ts';

export const callCenterApi: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  await app.register(authRoutes, { prefix: '/auth', cc });
  await app.register(accountRoutes, { prefix: '/accounts', cc });
  await app.register(customerRoutes, { prefix: '/customers', cc });
  await app.register(blacklistRoutes, { prefix: '/blacklist', cc });
  await app.register(callRecordRoutes, { prefix: '/call-records', cc });
  if (cc.callCenter) {
    await app.register(agentRoutes, { prefix: '/agents', callCenter: cc.callCenter });
    await app.register(queueRoutes, { prefix: '/queues', callCenter: cc.callCenter });
    if (cc.queues) await app.register(queueDefinitionRoutes, { prefix: '/queues', definitions: cc.queues });
  }
  if (cc.ivrFlows) await app.register(ivrFlowRoutes, { prefix: '/ivr/flows', flows: cc.ivrFlows });
  await app.register(wsRoutes, { cc });
};

export type { CallCenterContext } from './context.ts';
export { EventHub, agentTopic, type CtiEvent, type EventPublisher } from './events.ts';
export { ScreenPops, type ScreenPop, type ScreenPopRequest } from './screen-pop.ts';
