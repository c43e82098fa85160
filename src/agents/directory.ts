// Where the agents come from when there is a database: the accounts with an
// agent number (src/db/agent-directory.ts). The YAML's `agents:` still serve a
// server without a database, and add to the database's agents when their ids
// differ; on the same id the database's account wins (and a warning says so).
import type { AgentAccount } from './agent.ts';

export interface AgentDirectory {
  /** the enabled agent accounts, in account order */
  list(): Promise<AgentAccount[]>;
  /** the desk-phone PIN check of a directory agent */
  verifyPin(agentId: string, pin: string): Promise<boolean>;
  /** calls fn after any account changed; returns the unsubscribe function */
  onChange(fn: () => void): () => void;
}
