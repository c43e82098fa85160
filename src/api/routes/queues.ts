// /api/queues: each queue's waiting callers, members and counters (the
// wallboard's figures; live changes come on the WebSocket as queue:stats), and
// for a queued call the routing explanation: which agent would get it next
// and why (skills, levels, idle time, priority).
import type { FastifyPluginAsync } from 'fastify';
import type { CallCenter } from '../../acd/call-center.ts';
import { queueView } from '../../acd/views.ts';
import type { Role } from '../../db/accounts.ts';
import { CtiError } from '../../native/errors.ts';
import { explanationSchema, queueCallParams, queueParams, queueSchema } from '../acd-schemas.ts';
import { errors } from '../schemas.ts';

const READ = { roles: ['agent', 'supervisor'] as Role[] };
const SUPERVISOR = { roles: ['supervisor'] as Role[] };
const tags = ['queues'];

export const queueRoutes: FastifyPluginAsync<{ callCenter: CallCenter }> = async (app, { callCenter }) => {
  const acd = callCenter.acd;
  app.get(
    '/',
    {
      config: READ,
      schema: {
        tags,
        summary: 'Every queue: waiting calls, agents, counters',
        response: { 200: { type: 'array', items: queueSchema }, ...errors },
      },
    },
    async () => [...acd.queues.values()].map((q) => queueView(acd, q)),
  );
  app.get<{ Params: { name: string } }>(
    '/:name',
    { config: READ, schema: { tags, summary: 'One queue', params: queueParams, response: { 200: queueSchema, ...errors } } },
    async (req) => {
      const q = acd.queue(req.params.name);
      if (!q) throw new CtiError('CTI_ERR_NOT_FOUND', `no queue ${req.params.name}`);
      return queueView(acd, q);
    },
  );
  app.get<{ Params: { callId: string } }>(
    '/calls/:callId/explain',
    {
      config: SUPERVISOR,
      schema: {
        tags,
        summary: 'Who would get this queued call next, and why',
        params: queueCallParams,
        response: { 200: explanationSchema, ...errors },
      },
    },
    async (req) => {
      const x = acd.explain(req.params.callId);
      if (!x) throw new CtiError('CTI_ERR_NOT_FOUND', `call ${req.params.callId} is not in a queue`);
      return { ...x, estimateMs: x.estimateMs ?? null };
    },
  );
};
