// The agents' live state and its history in the database: the AgentStore the
// ACD writes through (src/agents/store.ts). AgentService never waits on it;
// writes are queued here in order (a later state never lands before an
// earlier one, on PostgreSQL either), and close() drains the queue and
// refuses later writes (what a process that stops, or dies, leaves behind).
import { Op } from 'sequelize';
import type { AgentStateEvent, AgentStatus, AgentStore } from '../agents/store.ts';
import type { AgentState } from '../agents/states.ts';
import type { Database } from './database.ts';
import { num, plain } from './models.ts';

interface StatusRow {
  agentId: string;
  state: AgentState;
  reason: string | null;
  sinceMs: unknown;
  callId: string | null;
  queue: string | null;
}

interface EventRow {
  agentId: string;
  fromState: AgentState;
  toState: AgentState;
  reason: string | null;
  why: string;
  atMs: unknown;
  at: Date | string;
  callId: string | null;
  queue: string | null;
}

export interface AgentEventQuery {
  agentId?: string;
  /** ISO times: at >= since, < until */
  since?: string;
  until?: string;
  limit?: number;
}

export class SqlAgentStore implements AgentStore {
  #chain: Promise<unknown> = Promise.resolve();
  #closed = false;
  /** writes that failed (logged by AgentService; counted here for health checks) */
  failures = 0;

  constructor(private readonly db: Database) {}

  #write(f: () => Promise<unknown>): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const run = this.#chain.then(f);
    this.#chain = run.catch(() => this.failures++);
    return run.then(() => {});
  }

  saveStatus(s: AgentStatus): Promise<void> {
    const row = { agentId: s.agentId, state: s.state, reason: s.reason, sinceMs: s.since, callId: s.callId, queue: s.queue };
    return this.#write(() => this.db.tx((transaction) => this.db.models.AgentStatus.upsert(row, { transaction })));
  }

  appendEvent(e: AgentStateEvent): Promise<void> {
    const row = {
      agentId: e.agentId,
      fromState: e.from,
      toState: e.to,
      reason: e.reason,
      why: e.why.slice(0, 2000),
      atMs: e.at,
      at: new Date(e.wallMs),
      callId: e.callId,
      queue: e.queue,
    };
    return this.#write(() => this.db.tx((transaction) => this.db.models.AgentEvent.create(row, { transaction })));
  }

  async loadStatuses(): Promise<AgentStatus[]> {
    await this.flush();
    const rows = await this.db.models.AgentStatus.findAll({ order: [['agentId', 'ASC']] });
    return rows.map((r) => {
      const s = plain<StatusRow>(r);
      return { agentId: s.agentId, state: s.state, reason: s.reason, since: num(s.sinceMs), callId: s.callId, queue: s.queue };
    });
  }

  async events(agentId?: string): Promise<AgentStateEvent[]> {
    return this.search(agentId !== undefined ? { agentId } : {});
  }

  /** State changes, oldest first, for reports. */
  async search(q: AgentEventQuery = {}): Promise<AgentStateEvent[]> {
    await this.flush();
    const where: Record<string, unknown> = {};
    if (q.agentId !== undefined) where.agentId = q.agentId;
    const range: Record<symbol, Date> = {};
    if (q.since) range[Op.gte] = new Date(q.since);
    if (q.until) range[Op.lt] = new Date(q.until);
    if (q.since || q.until) where.at = range;
    const rows = await this.db.models.AgentEvent.findAll({ where, order: [['id', 'ASC']], ...(q.limit ? { limit: q.limit } : {}) });
    return rows.map((r) => {
      const e = plain<EventRow>(r);
      return {
        agentId: e.agentId,
        from: e.fromState,
        to: e.toState,
        reason: e.reason,
        why: e.why,
        at: num(e.atMs),
        wallMs: new Date(e.at).getTime(),
        callId: e.callId,
        queue: e.queue,
      };
    });
  }

  /** Resolves once every write issued so far is done (or failed). */
  async flush(): Promise<void> {
    await this.#chain;
  }

  /** Drains the queue; later writes are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#chain;
  }
}
