// One agent: their account (from the configuration or the database), their
// state machine (states.ts) and what routing needs to know about them: when
// they last became free, how many offers in a row they missed, the call they
// are tied to. AgentService is the only writer of the state.
import type { Clock } from '../native/clock.ts';
import type { Log } from '../telephony/log.ts';
import { StateMachine } from '../telephony/state-machine.ts';
import { AGENT_TRANSITIONS, BUSY_STATES, type AgentState } from './states.ts';

/** What an agent is, as the account says (src/db keeps accounts; the YAML may list them too). */
export interface AgentAccount {
  id: string;
  name?: string;
  /** the desk phone's extension (an FXS port), if any */
  extension?: string;
  /** desk-phone PIN (digits); the database keeps a hash and verifies it */
  pin?: string;
  /** skill name -> level 1..9 */
  skills?: Record<string, number>;
  /** the database account this agent is (absent: an agent of the YAML's `agents:`) */
  accountId?: number;
  groups?: string[];
}

/** What the agent asked for while tied to a call: applied when the call is over. */
export type PendingChange = { state: 'not-ready'; reason: string } | { state: 'logged-out' } | { state: 'dnd' };

export class Agent {
  readonly sm: StateMachine<AgentState>;
  reason: string | null = null;
  callId: string | null = null;
  queue: string | null = null;
  /** engine ms of the last change of state */
  since: number;
  /** engine ms since which the agent has been free (longest-idle); set when they become ready */
  idleSince: number;
  /** offers missed in a row (ring timeout) */
  missed = 0;
  /** calls answered since start */
  answered = 0;
  pending: PendingChange | undefined;

  constructor(
    public account: AgentAccount,
    clock: Clock,
    log: Log,
  ) {
    this.sm = new StateMachine<AgentState>(`agent ${account.id}`, AGENT_TRANSITIONS, 'logged-out', clock, log);
    this.since = this.idleSince = clock.now();
  }

  get id(): string {
    return this.account.id;
  }
  get state(): AgentState {
    return this.sm.state;
  }
  get extension(): string | undefined {
    return this.account.extension;
  }
  get skills(): Record<string, number> {
    return this.account.skills ?? {};
  }
  /** Tied to a call (reserved, ringing or talking). */
  get busy(): boolean {
    return BUSY_STATES.includes(this.state);
  }

  toJSON() {
    return {
      id: this.id,
      name: this.account.name ?? null,
      accountId: this.account.accountId ?? null,
      extension: this.extension ?? null,
      skills: this.skills,
      state: this.state,
      reason: this.reason,
      since: this.since,
      idleSince: this.idleSince,
      callId: this.callId,
      queue: this.queue,
      missed: this.missed,
      answered: this.answered,
    };
  }
}
