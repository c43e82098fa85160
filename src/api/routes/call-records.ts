// /api/call-records: every call and its legs, missed and abandoned ones too,
// newest first with filters and paging. Supervisors and admins see all; an
// agent sees the calls answered at their own extension.
import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../db/accounts.ts';
import type { CallRecordQuery } from '../../db/call-records.ts';
import { CtiError } from '../../native/errors.ts';
import type { CallCenterContext } from '../context.ts';
import { callIdParams, callRecordList, callRecordQuery, callRecordSchema, errors } from '../schemas.ts';

const ROLES = { roles: ['agent', 'supervisor'] as Role[] };
const tags = ['call records'];

export const callRecordRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const records = cc.stores.callRecords;
  // An agent's own calls: the agent column holds the extension that answered (or the ACD's agent id, the agent number).
  const own = (a: { role: Role; id: number; extension: string | null; agentNumber: string | null }) =>
    a.role === 'agent' ? [a.extension ?? '', ...(a.agentNumber ? [a.agentNumber] : []), String(a.id)] : undefined;
  app.get<{ Querystring: CallRecordQuery }>(
    '/',
    {
      config: ROLES,
      schema: { tags, summary: 'Call records, newest first', querystring: callRecordQuery, response: { 200: callRecordList, ...errors } },
    },
    async (req) => {
      const mine = own(req.account!);
      if (!mine) return records.search(req.query);
      if (req.query.agent !== undefined && !mine.includes(req.query.agent))
        throw new CtiError('CTI_ERR_FORBIDDEN', 'agents see their own calls only');
      return records.search(req.query.agent !== undefined ? req.query : { ...req.query, agentIn: mine.filter(Boolean) });
    },
  );
  app.get<{ Params: { id: string } }>(
    '/:id',
    {
      config: ROLES,
      schema: { tags, summary: 'One call record with its legs', params: callIdParams, response: { 200: callRecordSchema, ...errors } },
    },
    async (req) => {
      const r = await records.get(req.params.id);
      const mine = own(req.account!);
      if (!r || (mine && !mine.includes(r.agent ?? ''))) throw new CtiError('CTI_ERR_NOT_FOUND', `no call record ${req.params.id}`);
      return r;
    },
  );
};
