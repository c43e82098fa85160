// Where an agent's live state and its timestamped changes are kept. The
// in-memory store serves tests and a server without a database; the database
// store (src/db) implements the same interface and is wired in by the runtime.
// Writes are fire-and-forget for the caller (the state machine never waits on
// a disk); a store that fails logs, and reconciliation repairs what is left.
import type { AgentState } from './states.ts';

/** The live state of one agent, as persisted (what a restart reconciles). */
export interface AgentStatus {
  agentId: string;
  state: AgentState;
  reason: string | null;
  /** engine ms of the last change */
  since: number;
  /** the call the agent is reserved for, ringing with or talking on */
  callId: string | null;
  queue: string | null;
}

/** One change of state, for reports: who, from, to, why, when (engine ms and wall ms). */
export interface AgentStateEvent {
  agentId: string;
  from: AgentState;
  to: AgentState;
  reason: string | null;
  why: string;
  at: number;
  wallMs: number;
  callId: string | null;
  queue: string | null;
}

export interface AgentStore {
  saveStatus(s: AgentStatus): void | Promise<void>;
  loadStatuses(): AgentStatus[] | Promise<AgentStatus[]>;
  appendEvent(e: AgentStateEvent): void | Promise<void>;
  /** events of one agent (or all), oldest first */
  events(agentId?: string): AgentStateEvent[] | Promise<AgentStateEvent[]>;
}

export class MemoryAgentStore implements AgentStore {
  readonly statuses = new Map<string, AgentStatus>();
  readonly log: AgentStateEvent[] = [];
  /** keep at most this many events (oldest dropped) */
  constructor(private readonly maxEvents = 100_000) {}

  saveStatus(s: AgentStatus): void {
    this.statuses.set(s.agentId, { ...s });
  }
  loadStatuses(): AgentStatus[] {
    return [...this.statuses.values()].map((s) => ({ ...s }));
  }
  appendEvent(e: AgentStateEvent): void {
    this.log.push(e);
    if (this.log.length > this.maxEvents) this.log.splice(0, this.log.length - this.maxEvents);
  }
  events(agentId?: string): AgentStateEvent[] {
    return agentId ? this.log.filter((e) => e.agentId === agentId) : [...this.log];
  }
}
