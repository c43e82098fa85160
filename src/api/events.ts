// The live event stream behind /api/ws: services publish to topics, each
// WebSocket connection receives the topics its account may see.
//   agent:<accountId>   one agent's state, calls and screen pops
//   agents              notices to every agent (and the lines' and extensions' status: lines:changed)
//   inbox:<accountId>   one account's short messages: only that account, whatever its role
//   supervisor          what only supervisors see (queues, the wallboard)
//   lines               span alarms raised and cleared (technicians too)
//   anything else       (queue:<name>, call:<id>...) supervisors only
// Supervisors and admins receive every topic; an agent receives its own topic
// and 'agents'; a technician 'lines'. A connection may narrow that down by subscribing to a list.
import type { Account } from '../db/accounts.ts';

export interface CtiEvent {
  topic: string;
  /** noun:verb, e.g. screen:pop, agent:state, call:offered */
  type: string;
  at: string;
  data: unknown;
}

export type Listener = (e: CtiEvent) => void;

export interface EventPublisher {
  publish(topic: string, type: string, data: unknown): void;
}

export function agentTopic(accountId: number): string {
  return `agent:${accountId}`;
}

/** One account's own short messages: no one else receives them, not even supervisors. */
export function inboxTopic(accountId: number): string {
  return `inbox:${accountId}`;
}

/** May this account see this topic? */
export function maysee(account: Pick<Account, 'id' | 'role'>, topic: string): boolean {
  if (topic.startsWith('inbox:')) return topic === inboxTopic(account.id);
  if (account.role === 'supervisor' || account.role === 'admin') return true;
  if (account.role === 'agent') return topic === agentTopic(account.id) || topic === 'agents';
  if (account.role === 'technician') return topic === 'lines';
  return false;
}

export class EventHub implements EventPublisher {
  #listeners = new Set<{ accepts: (topic: string) => boolean; fn: Listener }>();
  constructor(private readonly now: () => number = Date.now) {}

  publish(topic: string, type: string, data: unknown): void {
    const e: CtiEvent = { topic, type, at: new Date(this.now()).toISOString(), data };
    for (const l of [...this.#listeners]) {
      if (!l.accepts(topic)) continue;
      try {
        l.fn(e);
      } catch {
        // one broken listener does not stop the others
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(accepts: (topic: string) => boolean, fn: Listener): () => void {
    const l = { accepts, fn };
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }

  get listeners(): number {
    return this.#listeners.size;
  }
}
