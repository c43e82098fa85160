// /api/blacklist: numbers rejected or rerouted (admin).
import type { FastifyPluginAsync } from 'fastify';
import type { BlacklistInput } from '../../db/blacklist.ts';
import type { Role } from '../../db/accounts.ts';
import type { CallCenterContext } from '../context.ts';
import { blacklistBody, blacklistPatch, blacklistSchema, errors, idParams } from '../schemas.ts';

const ADMIN = { roles: [] as Role[] };
const tags = ['blacklist'];

export const blacklistRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const { blacklist } = cc.stores;
  app.get(
    '/',
    { config: ADMIN, schema: { tags, summary: 'The blacklist', response: { 200: { type: 'array', items: blacklistSchema }, ...errors } } },
    async () => blacklist.list(),
  );
  app.get<{ Querystring: { number: string } }>(
    '/match',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'The entry a number matches, if any',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['number'],
          properties: { number: { type: 'string', pattern: '^\\+?[0-9]{1,40}$' } },
        },
        response: {
          200: { type: 'object', required: ['entry'], properties: { entry: { anyOf: [{ type: 'null' }, blacklistSchema] } } },
          ...errors,
        },
      },
    },
    async (req) => ({ entry: (await blacklist.match(req.query.number)) ?? null }),
  );
  app.post<{ Body: BlacklistInput }>(
    '/',
    {
      config: ADMIN,
      schema: { tags, summary: 'Add a number or pattern', body: blacklistBody, response: { 201: blacklistSchema, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await blacklist.create(req.body)),
  );
  app.patch<{ Params: { id: number }; Body: Partial<BlacklistInput> }>(
    '/:id',
    {
      config: ADMIN,
      schema: { tags, summary: 'Change an entry', params: idParams, body: blacklistPatch, response: { 200: blacklistSchema, ...errors } },
    },
    async (req) => blacklist.update(req.params.id, req.body),
  );
  app.delete<{ Params: { id: number } }>(
    '/:id',
    { config: ADMIN, schema: { tags, summary: 'Remove an entry', params: idParams, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      await blacklist.remove(req.params.id);
      return reply.code(204).send();
    },
  );
};
