// The shapes the console reads, as the server's schemas declare them
// (src/api/schemas.ts, src/api/acd-schemas.ts, src/api/routes/calls-ops.ts).
export type Role = 'admin' | 'supervisor' | 'agent' | 'technician';

export interface Account {
  id: number;
  username: string;
  name: string;
  role: Role;
  agentNumber: string | null;
  extension: string | null;
  skills: Record<string, number>;
  groups: string[];
  enabled: boolean;
  hasPin: boolean;
}

export interface LoginReply {
  token: string;
  expiresAt: string;
  account: Account;
}

export const AGENT_STATES = ['logged-out', 'ready', 'not-ready', 'dnd', 'reserved', 'ringing', 'on-call', 'wrap-up'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export interface AgentView {
  id: string;
  name: string | null;
  extension: string | null;
  state: AgentState;
  reason: string | null;
  since: number;
  callId: string | null;
  queue: string | null;
  answered?: number;
  missed?: number;
}

export interface CallView {
  callId: string;
  extension: string;
  state: string;
  with: string | null;
  held: boolean;
  consulting: string | null;
  conference: boolean;
  recording: boolean;
}

export interface Customer {
  id: number;
  name: string;
  company: string | null;
  phones: { number: string; normalized: string; label: string | null }[];
  address: string | null;
  notes: string | null;
  vip: boolean;
  priority: number;
}

export interface HistoryEntry {
  id: number;
  at: string;
  kind: 'call' | 'note' | 'email' | 'visit';
  callId: string | null;
  summary: string;
}

export interface ScreenPop {
  callId: string;
  number: string | null;
  known: boolean;
  customer: Customer | null;
  history: HistoryEntry[];
  ivr: Record<string, unknown>;
  queue: string | null;
  notes: string | null;
}

/** One event of /api/ws. */
export interface CtiEvent<T = unknown> {
  topic: string;
  type: string;
  at: string;
  data: T;
}
