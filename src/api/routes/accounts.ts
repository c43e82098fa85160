// /api/accounts: agents, supervisors, admins and technicians (admin; supervisors read).
import type { FastifyPluginAsync } from 'fastify';
import type { AccountInput, Role } from '../../db/accounts.ts';
import { CtiError } from '../../native/errors.ts';
import type { CallCenterContext } from '../context.ts';
import { accountBody, accountPatch, accountSchema, errors, idParams } from '../schemas.ts';

const READ = { roles: ['supervisor'] as Role[] };
const WRITE = { roles: [] as Role[] };
const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const { accounts } = cc.stores;
  const found = <T>(id: number, a: T | undefined): T => {
    if (!a) throw new CtiError('CTI_ERR_NOT_FOUND', `no account ${id}`);
    return a;
  };
  app.get<{ Querystring: { role?: Role; group?: string } }>(
    '/',
    {
      config: READ,
      schema: {
        tags,
        summary: 'List accounts',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { role: accountSchema.properties.role, group: { type: 'string', maxLength: 32 } },
        },
        response: { 200: { type: 'array', items: accountSchema }, ...errors },
      },
    },
    async (req) => accounts.list(req.query),
  );
  app.get<{ Params: { id: number } }>(
    '/:id',
    { config: READ, schema: { tags, summary: 'One account', params: idParams, response: { 200: accountSchema, ...errors } } },
    async (req) => found(req.params.id, await accounts.get(req.params.id)),
  );
  app.post<{ Body: AccountInput }>(
    '/',
    { config: WRITE, schema: { tags, summary: 'Create an account', body: accountBody, response: { 201: accountSchema, ...errors } } },
    async (req, reply) => reply.code(201).send(await accounts.create(req.body)),
  );
  app.patch<{ Params: { id: number }; Body: Partial<AccountInput> }>(
    '/:id',
    {
      config: WRITE,
      schema: {
        tags,
        summary: 'Change an account (a new password or disabling ends its sessions)',
        params: idParams,
        body: accountPatch,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (req) => accounts.update(req.params.id, req.body),
  );
  app.delete<{ Params: { id: number } }>(
    '/:id',
    { config: WRITE, schema: { tags, summary: 'Delete an account', params: idParams, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      if (req.account?.id === req.params.id) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'you cannot delete your own account');
      await accounts.remove(req.params.id);
      return reply.code(204).send();
    },
  );
};
