// The call center on the WebSocket: agent state changes and the ACD's queue
// events are published to the event hub, and the agent whose phone the ACD
// rings gets the caller's screen pop first (published when the agent is
// offered the call, before the ring, so it is on screen before anyone can
// answer). Topics (events.ts): an agent's own `agent:<accountId>` (their
// state, calls offered and answered, screen pops), `queue:<name>` for queue
// events and `supervisor` for the wallboard's `queue:stats`; supervisors get
// every topic. Agents of the YAML (no account) are published to `supervisor`.
// A queue created, edited or deleted at run time is `queue:changed` {name,
// change: added | replaced | removed} on `supervisor`.
// What goes to an agent names the call their phone rings with (entry.call: a
// queue callback's is the call dialled back, not the one the caller hung up).
import type { Agent } from '../agents/agent.ts';
import type { AgentStateChange } from '../agents/agent-service.ts';
import type { CallCenter } from '../acd/call-center.ts';
import type { QueueEntry } from '../acd/queue.ts';
import type { QueueExit } from '../acd/types.ts';
import { queueView, waitingView } from '../acd/views.ts';
import type { Log } from '../telephony/log.ts';
import { agentTopic, type EventPublisher } from './events.ts';
import type { ScreenPops } from './screen-pop.ts';

export interface CallCenterEventsOptions {
  cc: CallCenter;
  events: EventPublisher;
  screenPops?: ScreenPops;
  log: Log;
}

const topicOf = (a: Agent | undefined) => (a?.account.accountId !== undefined ? agentTopic(a.account.accountId) : 'supervisor');

/** Starts publishing; returns the function that stops it. */
export function publishCallCenter(o: CallCenterEventsOptions): () => void {
  const { cc, events } = o;
  const { acd, agents } = cc;
  const stats = (e: QueueEntry) => events.publish('supervisor', 'queue:stats', queueView(acd, e.queue));
  const vars = (e: QueueEntry) =>
    Object.fromEntries(Object.entries(e.call.vars).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) as Record<
      string,
      string | number | boolean
    >;

  const onState = ({ agent, from, to, why }: AgentStateChange) => {
    events.publish(topicOf(agent), 'agent:state', { agent: agent.toJSON(), from, to, why });
  };
  const onJoined = ({ entry }: { entry: QueueEntry }) => {
    events.publish(`queue:${entry.queue.name}`, 'acd:entered', { queue: entry.queue.name, ...waitingView(acd, entry) });
    stats(entry);
  };
  const onOffered = ({ entry, agents: ids }: { entry: QueueEntry; agents: string[] }) => {
    events.publish(`queue:${entry.queue.name}`, 'acd:offered', { queue: entry.queue.name, callId: entry.id, agents: ids });
    for (const id of ids) {
      const a = agents.get(id);
      const accountId = a?.account.accountId;
      // The call the agent's phone rings with: the caller's own, or for a queue callback the call dialled back.
      const callId = entry.call.id;
      const call = { callId, number: entry.number ?? null, queue: entry.queue.name, agent: id, priority: entry.priority };
      if (accountId === undefined) continue;
      events.publish(agentTopic(accountId), 'call:offered', call);
      o.screenPops
        ?.offer({ agentId: accountId, callId, number: entry.number ?? null, ivr: vars(entry), queue: entry.queue.name })
        .catch((err: unknown) => o.log.error({ call: callId, err: (err as Error).message }, 'screen pop failed'));
    }
  };
  const onAnswered = ({ entry, agent }: { entry: QueueEntry; agent: string }) => {
    const waitedMs = acd.clock.now() - entry.arrivedAt;
    events.publish(`queue:${entry.queue.name}`, 'acd:answered', { queue: entry.queue.name, callId: entry.id, agent, waitedMs });
    const a = agents.get(agent);
    if (a?.account.accountId !== undefined)
      events.publish(agentTopic(a.account.accountId), 'call:answered', {
        callId: entry.call.id,
        number: entry.number ?? null,
        queue: entry.queue.name,
        waitedMs,
      });
  };
  const onLeft = ({ entry, exit }: { entry: QueueEntry; exit: QueueExit }) => {
    if (exit !== 'answered') {
      const type = exit === 'abandoned' ? 'acd:abandoned' : 'acd:left';
      events.publish(`queue:${entry.queue.name}`, type, {
        queue: entry.queue.name,
        callId: entry.id,
        number: entry.number ?? null,
        exit,
        waitedMs: acd.clock.now() - entry.arrivedAt,
      });
    }
    stats(entry);
  };
  const onQueue = (change: { name: string; change: string }) => events.publish('supervisor', 'queue:changed', change);
  agents.on('agent:state', onState);
  acd.on('acd:queue', onQueue);
  acd.on('acd:joined', onJoined);
  acd.on('acd:offered', onOffered);
  acd.on('acd:answered', onAnswered);
  acd.on('acd:left', onLeft);
  return () => {
    agents.off('agent:state', onState);
    acd.off('acd:queue', onQueue);
    acd.off('acd:joined', onJoined);
    acd.off('acd:offered', onOffered);
    acd.off('acd:answered', onAnswered);
    acd.off('acd:left', onLeft);
  };
}
