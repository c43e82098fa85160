// /api/contacts: the signed-in account's own address book. Every role has
// one and sees only its own (admins too): another account's entry is 404.
import type { FastifyPluginAsync } from 'fastify';
import type { ContactInput } from '../../db/contacts.ts';
import { ANY } from '../auth.ts';
import { contactBody, contactPatch, contactQuery, contactSchema } from '../comms-schemas.ts';
import type { CallCenterContext } from '../context.ts';
import { errors, idParams } from '../schemas.ts';

const tags = ['contacts'];
const config = { roles: ANY };

export const contactRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const { contacts } = cc.stores;
  app.get<{ Querystring: { q?: string } }>(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'My address book by name; q: part of a name, number or company',
        querystring: contactQuery,
        response: { 200: { type: 'array', items: contactSchema }, ...errors },
      },
    },
    async (req) => contacts.list(req.account!.id, req.query.q?.trim() || undefined),
  );
  app.post<{ Body: ContactInput }>(
    '/',
    {
      config,
      schema: { tags, summary: 'Add a contact to my address book', body: contactBody, response: { 201: contactSchema, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await contacts.create(req.account!.id, req.body)),
  );
  app.patch<{ Params: { id: number }; Body: Partial<ContactInput> }>(
    '/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change one of my contacts',
        params: idParams,
        body: contactPatch,
        response: { 200: contactSchema, ...errors },
      },
    },
    async (req) => contacts.update(req.account!.id, req.params.id, req.body),
  );
  app.delete<{ Params: { id: number } }>(
    '/:id',
    { config, schema: { tags, summary: 'Remove one of my contacts', params: idParams, response: { 204: { type: 'null' }, ...errors } } },
    async (req, reply) => {
      await contacts.remove(req.account!.id, req.params.id);
      return reply.code(204).send();
    },
  );
};
