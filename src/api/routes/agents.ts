// /api/agents: the ACD's agents and their live state. An agent acts on
// themselves (`me`, or their own agent number): log in and out, ready,
// not-ready with a reason code, do-not-disturb; a supervisor on anyone. The
// state history (every change, timestamped, with its reason) is for reports.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Agent } from '../../agents/agent.ts';
import type { AgentStateEvent } from '../../agents/store.ts';
import type { CallCenter } from '../../acd/call-center.ts';
import type { Role } from '../../db/accounts.ts';
import { SqlAgentStore } from '../../db/agent-states.ts';
import { CtiError } from '../../native/errors.ts';
import { agentEventSchema, agentIdParams, agentSchema, dndBody, historyQuery, loginAgentBody, notReadyBody } from '../acd-schemas.ts';
import { errors } from '../schemas.ts';

const ROLES = { roles: ['agent', 'supervisor'] as Role[] };
const tags = ['agents'];
type Id = { Params: { id: string } };

export const agentRoutes: FastifyPluginAsync<{ callCenter: CallCenter }> = async (app, { callCenter }) => {
  const agents = callCenter.agents;
  const view = (a: Agent) => ({ ...a.toJSON(), pending: a.pending ?? null });
  /** The agent the request may act on: itself for an agent, anyone for a supervisor or admin. */
  const target = (req: FastifyRequest<Id>): Agent => {
    const acct = req.account!;
    const own = acct.agentNumber ? agents.get(acct.agentNumber) : undefined;
    const id = req.params.id === 'me' ? own?.id : req.params.id;
    if (!id) throw new CtiError('CTI_ERR_NOT_FOUND', `account ${acct.username} is no agent (it has no agent number)`);
    if (acct.role === 'agent' && id !== own?.id) throw new CtiError('CTI_ERR_FORBIDDEN', 'agents act on themselves only');
    return agents.need(id);
  };
  const one = { params: agentIdParams, response: { 200: agentSchema, ...errors } };

  app.get(
    '/',
    {
      config: ROLES,
      schema: {
        tags,
        summary: 'The agents and their state (an agent sees themselves)',
        response: { 200: { type: 'array', items: agentSchema }, ...errors },
      },
    },
    async (req) => {
      const acct = req.account!;
      const all = agents.all();
      return (acct.role === 'agent' ? all.filter((a) => a.id === acct.agentNumber) : all).map(view);
    },
  );
  app.get<Id>('/:id', { config: ROLES, schema: { tags, summary: 'One agent (`me`: yourself)', ...one } }, async (req) => view(target(req)));
  app.post<Id & { Body: { ready?: boolean } }>(
    '/:id/login',
    { config: ROLES, schema: { tags, summary: 'Log in (ready, or not-ready with ready: false)', body: loginAgentBody, ...one } },
    async (req) => view(agents.login(target(req).id, { ready: req.body?.ready !== false })),
  );
  app.post<Id>(
    '/:id/logout',
    { config: ROLES, schema: { tags, summary: 'Log out (at the end of the current call, if any)', ...one } },
    async (req) => view(agents.logout(target(req).id)),
  );
  app.post<Id>('/:id/ready', { config: ROLES, schema: { tags, summary: 'Ready for calls (ends wrap-up)', ...one } }, async (req) =>
    view(agents.ready(target(req).id)),
  );
  app.post<Id & { Body: { reason: string } }>(
    '/:id/not-ready',
    {
      config: ROLES,
      schema: { tags, summary: 'Not ready, with a reason code (after the current call, if any)', body: notReadyBody, ...one },
    },
    async (req) => view(agents.notReady(target(req).id, req.body.reason)),
  );
  app.post<Id & { Body: { on: boolean } }>(
    '/:id/dnd',
    { config: ROLES, schema: { tags, summary: 'Do not disturb on or off', body: dndBody, ...one } },
    async (req) => view(agents.dnd(target(req).id, req.body.on)),
  );
  app.get<Id & { Querystring: { since?: string; until?: string; limit?: number } }>(
    '/:id/history',
    {
      config: ROLES,
      schema: {
        tags,
        summary: 'State changes, oldest first: from, to, reason code, why, when',
        params: agentIdParams,
        querystring: historyQuery,
        response: { 200: { type: 'array', items: agentEventSchema }, ...errors },
      },
    },
    async (req) => {
      const a = target(req);
      const store = agents.store;
      const q = req.query;
      let list: AgentStateEvent[];
      if (store instanceof SqlAgentStore)
        list = await store.search({
          agentId: a.id,
          ...(q.since ? { since: q.since } : {}),
          ...(q.until ? { until: q.until } : {}),
          ...(q.limit ? { limit: q.limit } : {}),
        });
      else {
        const since = q.since ? Date.parse(q.since) : -Infinity;
        const until = q.until ? Date.parse(q.until) : Infinity;
        list = (await store.events(a.id)).filter((e) => e.wallMs >= since && e.wallMs < until).slice(0, q.limit ?? 1000);
      }
      return list.map((e) => ({
        agentId: e.agentId,
        from: e.from,
        to: e.to,
        reason: e.reason,
        why: e.why,
        at: new Date(e.wallMs).toISOString(),
        callId: e.callId,
        queue: e.queue,
      }));
    },
  );
};
