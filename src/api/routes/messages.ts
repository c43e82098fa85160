// /api/messages: short messages between agents, supervisors and admins.
// Stored; each one goes live to its recipient's inbox topic (and to the
// sender's, for their other windows) as `message:new`, and marking read is
// `message:read` on the reader's own inbox. An account reads only the
// messages it sent or received; no other role (not even a supervisor)
// receives someone else's inbox on the event stream (events.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { Account, Role } from '../../db/accounts.ts';
import type { Message } from '../../db/messages.ts';
import { CtiError } from '../../native/errors.ts';
import { conversationsSchema, messageBody, messageSchema, personSchema, readBody, readReply } from '../comms-schemas.ts';
import type { CallCenterContext } from '../context.ts';
import { inboxTopic } from '../events.ts';
import { errors, idParams } from '../schemas.ts';

const tags = ['messages'];
const config = { roles: ['agent', 'supervisor'] as Role[] };
/** who can be written to */
const WRITABLE: Role[] = ['agent', 'supervisor', 'admin'];

const person = (a: Account) => ({ id: a.id, username: a.username, name: a.name, role: a.role });

export const messageRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  const { accounts, messages } = cc.stores;
  const correspondent = async (key: number | string): Promise<Account> => {
    const a = typeof key === 'number' ? await accounts.get(key) : await accounts.byUsername(key);
    if (!a || !a.enabled || !WRITABLE.includes(a.role))
      throw new CtiError('CTI_ERR_NOT_FOUND', `no one to write to as ${JSON.stringify(key)}`);
    return a;
  };

  app.get(
    '/people',
    {
      config,
      schema: {
        tags,
        summary: 'Who I can write to: the enabled agents, supervisors and admins (not me)',
        response: { 200: { type: 'array', items: personSchema }, ...errors },
      },
    },
    async (req) => (await accounts.list()).filter((a) => a.enabled && WRITABLE.includes(a.role) && a.id !== req.account!.id).map(person),
  );
  app.get(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'My conversations, the latest first, with their unread counts',
        response: { 200: conversationsSchema, ...errors },
      },
    },
    async (req) => {
      const me = req.account!.id;
      const list = await messages.conversations(me);
      const people = new Map((await accounts.list()).map((a) => [a.id, a]));
      const items = list.flatMap((c) => {
        const a = people.get(c.with);
        return a ? [{ with: person(a), last: c.last, unread: c.unread }] : [];
      });
      return { unread: list.reduce((n, c) => n + c.unread, 0), items };
    },
  );
  app.get<{ Params: { id: number } }>(
    '/with/:id',
    {
      config,
      schema: {
        tags,
        summary: 'My conversation with one account, oldest first (the last 200 messages)',
        params: idParams,
        response: { 200: { type: 'array', items: messageSchema }, ...errors },
      },
    },
    async (req) => {
      if (!(await accounts.get(req.params.id))) throw new CtiError('CTI_ERR_NOT_FOUND', `no account ${req.params.id}`);
      return messages.between(req.account!.id, req.params.id);
    },
  );
  app.post<{ Body: { to: number | string; text: string } }>(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'Send a short message: stored, and live to the recipient (message:new on their inbox)',
        body: messageBody,
        response: { 201: messageSchema, ...errors },
      },
    },
    async (req, reply) => {
      const me = req.account!;
      const to = await correspondent(req.body.to);
      if (to.id === me.id) throw new CtiError('CTI_ERR_BAD_ARGUMENT', 'you cannot write to yourself');
      const m: Message = await messages.send(me.id, to.id, req.body.text.trim());
      const data = { message: m, from: person(me), to: person(to) };
      cc.events.publish(inboxTopic(to.id), 'message:new', data);
      cc.events.publish(inboxTopic(me.id), 'message:new', data);
      return reply.code(201).send(m);
    },
  );
  app.post<{ Params: { id: number }; Body: { upTo?: number } | undefined }>(
    '/with/:id/read',
    {
      config,
      schema: {
        tags,
        summary: 'Mark read what this account sent me (up to a message, or all); the count left unread',
        params: idParams,
        body: readBody,
        response: { 200: readReply, ...errors },
      },
    },
    async (req) => {
      const me = req.account!.id;
      const marked = await messages.markRead(me, req.params.id, req.body?.upTo);
      const unread = await messages.unread(me);
      if (marked) cc.events.publish(inboxTopic(me), 'message:read', { with: req.params.id, unread });
      return { marked, unread };
    },
  );
};
