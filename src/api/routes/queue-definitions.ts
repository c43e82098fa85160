// /api/queues, changed at run time (src/acd/queue-definitions.ts): admins
// create, replace, patch and delete queues; supervisors read a queue's stored
// definition. The running ACD takes each change at once: a new queue takes
// callers, an edited one's next offer follows its new settings (its callers
// stay in it), and a queue is deleted only while no caller is in it and
// nothing names it (409 otherwise). A refused change changes nothing.
import type { FastifyPluginAsync } from 'fastify';
import type { QueueDefinitions, QueuePatch } from '../../acd/queue-definitions.ts';
import type { Role } from '../../db/accounts.ts';
import { queueParams } from '../acd-schemas.ts';
import { queueCreateBody, queueDefinitionSchema, queuePatchBody, queueReplaceBody } from '../queue-schemas.ts';
import { errors } from '../schemas.ts';

const READ = { roles: ['supervisor'] as Role[] };
const ADMIN = { roles: [] as Role[] };
const tags = ['queues'];
type Name = { Params: { name: string } };
const by = (req: { account: { username: string } | null }) => req.account?.username ?? null;

export const queueDefinitionRoutes: FastifyPluginAsync<{ definitions: QueueDefinitions }> = async (app, { definitions }) => {
  app.get<Name>(
    '/:name/definition',
    {
      config: READ,
      schema: {
        tags,
        summary: 'A queue’s stored definition (what PUT takes), who wrote it last and when',
        params: queueParams,
        response: { 200: queueDefinitionSchema, ...errors },
      },
    },
    async (req) => definitions.get(req.params.name),
  );
  app.post<{ Body: Record<string, unknown> }>(
    '/',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Create a queue: it takes callers at once (an IVR queue node, a blacklist reroute, a transfer)',
        body: queueCreateBody,
        response: { 201: queueDefinitionSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await definitions.create(req.body, by(req))),
  );
  app.put<Name & { Body: Record<string, unknown> }>(
    '/:name',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Replace a queue’s definition: the next offer follows it; callers in the queue stay in their places',
        params: queueParams,
        body: queueReplaceBody,
        response: { 200: queueDefinitionSchema, ...errors },
      },
    },
    async (req) => definitions.replace(req.params.name, req.body, by(req)),
  );
  app.patch<Name & { Body: QueuePatch }>(
    '/:name',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Change some of a queue’s fields (null unsets one): the next offer follows them',
        params: queueParams,
        body: queuePatchBody,
        response: { 200: queueDefinitionSchema, ...errors },
      },
    },
    async (req) => definitions.patch(req.params.name, req.body, by(req)),
  );
  app.delete<Name>(
    '/:name',
    {
      config: ADMIN,
      schema: {
        tags,
        summary: 'Delete a queue: 409 while callers are in it or another queue, a route, an IVR flow or a blacklist entry names it',
        params: queueParams,
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await definitions.remove(req.params.name, by(req));
      return reply.code(204).send();
    },
  );
};
