// GET /api/ws: the live event stream (WebSocket). The token comes as
// `?token=` or an Authorization header. The server sends JSON events
// {topic, type, at, data}; first `session:hello` with the topics this account
// may see. The client may narrow them: {"op":"subscribe","topics":["agent:7"]}
// (a topic ending in ':' takes its whole family, e.g. "queue:").
import type { FastifyPluginAsync } from 'fastify';
import { ANY } from '../auth.ts';
import type { CallCenterContext } from '../context.ts';
import { agentTopic, maysee, type CtiEvent } from '../events.ts';
import { errors } from '../schemas.ts';

/** The part of a ws WebSocket used here (ws ships no types in this install). */
interface Socket {
  readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  on(event: 'message', fn: (raw: unknown) => void): void;
  on(event: 'close', fn: () => void): void;
}

function send(socket: Socket, e: CtiEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(e));
}

export const wsRoutes: FastifyPluginAsync<{ cc: CallCenterContext }> = async (app, { cc }) => {
  app.get(
    '/ws',
    {
      websocket: true,
      config: { roles: ANY },
      schema: {
        tags: ['events'],
        summary: 'WebSocket event stream: an agent gets their own state, calls and screen pops; supervisors get everything',
        querystring: { type: 'object', properties: { token: { type: 'string' } } },
        response: { 101: { type: 'null', description: 'switching to WebSocket' }, ...errors },
      },
    },
    (ws, req) => {
      const socket = ws as Socket;
      const account = req.account!;
      let narrow: string[] | undefined;
      const wanted = (topic: string) =>
        maysee(account, topic) && (!narrow || narrow.some((n) => (n.endsWith(':') ? topic.startsWith(n) : topic === n)));
      const unsubscribe = cc.events.subscribe(wanted, (e) => send(socket, e));
      const at = () => new Date().toISOString();
      const topics = account.role === 'agent' ? [agentTopic(account.id), 'agents'] : ['*'];
      send(socket, {
        topic: agentTopic(account.id),
        type: 'session:hello',
        at: at(),
        data: { account: { id: account.id, username: account.username, role: account.role }, topics },
      });
      socket.on('message', (raw) => {
        let msg: unknown;
        try {
          msg = JSON.parse(String(raw));
        } catch {
          msg = undefined;
        }
        const m = msg as { op?: unknown; topics?: unknown } | undefined;
        if (m?.op === 'subscribe' && Array.isArray(m.topics) && m.topics.every((t) => typeof t === 'string')) {
          narrow = m.topics.length ? (m.topics as string[]) : undefined;
          send(socket, { topic: agentTopic(account.id), type: 'session:subscribed', at: at(), data: { topics: narrow ?? topics } });
        } else {
          send(socket, {
            topic: agentTopic(account.id),
            type: 'session:error',
            at: at(),
            data: { code: 'CTI_ERR_BAD_ARGUMENT', message: 'expected {"op":"subscribe","topics":[...]}' },
          });
        }
      });
      socket.on('close', unsubscribe);
    },
  );
};
