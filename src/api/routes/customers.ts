// /api/customers: records agents see on a screen pop and fill in; look-up by
// the caller's number; contact history. Agents, supervisors and admins;
// deleting a customer is for supervisors and admins.
import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../db/accounts.ts';
import type { CustomerInput, CustomerQuery, HistoryEntry } from '../../db/customers.ts';
import { CtiError } from '../../native/errors.ts';
import type { CallCenterContext } from '../context.ts';
import {
  customerBody,
  customerList,
  customerPatch,
  customerQuery,
  customerSchema,
  errors,
  historyBody,
  historySchema,
  idParams,
  lookupQuery,
} from '../schemas.ts';

const AGENTS = { roles: ['agent', 'supervisor'] as Role[] };
const SUPERVISORS = { roles: ['supervisor'] as Role[] };
const tags = ['customers'];

export const customerRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const { customers } = cc.stores;
  const found = <T>(id: number, c: T | undefined): T => {
    if (!c) throw new CtiError('CTI_ERR_NOT_FOUND', `no customer ${id}`);
    return c;
  };
  app.get<{ Querystring: CustomerQuery }>(
    '/',
    {
      config: AGENTS,
      schema: {
        tags,
        summary: 'Search customers by name, company or phone number, with paging',
        querystring: customerQuery,
        response: { 200: customerList, ...errors },
      },
    },
    async (req) => customers.list(req.query),
  );
  app.get<{ Querystring: { number: string } }>(
    '/lookup',
    {
      config: AGENTS,
      schema: {
        tags,
        summary: "Customers with this phone number (a caller's ID as delivered), VIPs first",
        querystring: lookupQuery,
        response: { 200: { type: 'array', items: customerSchema }, ...errors },
      },
    },
    async (req) => customers.lookup(req.query.number),
  );
  app.get<{ Params: { id: number } }>(
    '/:id',
    { config: AGENTS, schema: { tags, summary: 'One customer', params: idParams, response: { 200: customerSchema, ...errors } } },
    async (req) => found(req.params.id, await customers.get(req.params.id)),
  );
  app.post<{ Body: CustomerInput }>(
    '/',
    {
      config: AGENTS,
      schema: {
        tags,
        summary: 'Create a customer (e.g. from an unknown caller’s empty screen pop)',
        body: customerBody,
        response: { 201: customerSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await customers.create(req.body)),
  );
  app.patch<{ Params: { id: number }; Body: Partial<CustomerInput> }>(
    '/:id',
    {
      config: AGENTS,
      schema: {
        tags,
        summary: 'Change a customer (phones, when given, replace the list)',
        params: idParams,
        body: customerPatch,
        response: { 200: customerSchema, ...errors },
      },
    },
    async (req) => customers.update(req.params.id, req.body),
  );
  app.delete<{ Params: { id: number } }>(
    '/:id',
    {
      config: SUPERVISORS,
      schema: { tags, summary: 'Delete a customer and their history', params: idParams, response: { 204: { type: 'null' }, ...errors } },
    },
    async (req, reply) => {
      await customers.remove(req.params.id);
      return reply.code(204).send();
    },
  );
  app.get<{ Params: { id: number } }>(
    '/:id/history',
    {
      config: AGENTS,
      schema: {
        tags,
        summary: 'Contact history, newest first',
        params: idParams,
        response: { 200: { type: 'array', items: historySchema }, ...errors },
      },
    },
    async (req) => {
      found(req.params.id, await customers.get(req.params.id));
      return customers.history(req.params.id, 200);
    },
  );
  app.post<{ Params: { id: number }; Body: Pick<HistoryEntry, 'kind' | 'summary'> & { callId?: string | null; at?: string } }>(
    '/:id/history',
    {
      config: AGENTS,
      schema: {
        tags,
        summary: 'Add a contact to the history',
        params: idParams,
        body: historyBody,
        response: { 201: historySchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await customers.addHistory(req.params.id, { ...req.body, userId: req.account?.id || null })),
  );
};
