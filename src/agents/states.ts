// The agent's states and the one declared table of allowed moves (STYLE.md #1).
// An agent has one state across every queue they serve: wrap-up after a call
// of any queue keeps them out of all queues, and a not-ready reason is theirs,
// not a queue's, so reports and the wallboard agree.
import type { TransitionTable } from '../telephony/state-machine.ts';

export const AGENT_STATES = [
  'logged-out',
  'ready', // free for calls
  'not-ready', // logged in, not taking calls (with a reason code)
  'dnd', // do not disturb: no queue calls, no direct calls
  'reserved', // chosen for a call; the phone is about to ring (or a callback is being dialled)
  'ringing', // the agent's phone rings with a queue call
  'on-call', // talking: a queue call (queue set), or a call of the desk phone's own (queue null)
  'wrap-up', // after a call, for the queue's wrap-up time
] as const;
export type AgentState = (typeof AGENT_STATES)[number];

// on-call from ready, not-ready, dnd or wrap-up: the desk phone carries a call
// that is not a queue's (internal, direct to the extension, click-to-dial);
// it ends with no wrap-up, back to what the agent was (not-ready keeps its
// reason), or to what they asked for meanwhile (dnd, logged-out).
export const AGENT_TRANSITIONS: TransitionTable<AgentState> = {
  'logged-out': ['ready', 'not-ready', 'dnd'], // dnd: logging in at an extension in DND, or restored so
  ready: ['not-ready', 'dnd', 'reserved', 'on-call', 'logged-out'],
  'not-ready': ['ready', 'dnd', 'on-call', 'logged-out'],
  dnd: ['ready', 'not-ready', 'on-call', 'logged-out'],
  reserved: ['ringing', 'on-call', 'ready', 'not-ready', 'logged-out'], // rings; answered at once; withdrawn
  ringing: ['on-call', 'ready', 'not-ready', 'logged-out'], // answered; withdrawn or lost the race; missed
  'on-call': ['wrap-up', 'ready', 'not-ready', 'dnd', 'logged-out'], // the last two: asked for during the call
  'wrap-up': ['ready', 'not-ready', 'dnd', 'on-call', 'logged-out'],
};

/** States in which an agent is tied to a call (reserved for it, ringing with it or talking). */
export const BUSY_STATES: readonly AgentState[] = ['reserved', 'ringing', 'on-call'];

/** Logged in (any state but logged-out). */
export function loggedIn(s: AgentState): boolean {
  return s !== 'logged-out';
}

/** Reason codes for not-ready set by the system (agents and supervisors may use any others). */
export const SYSTEM_REASONS = {
  missed: 'missed-calls', // ring timeout too many times in a row
  login: 'login', // logged in not ready
  reconciled: 'reconciled', // fixed after a restart or by the sweeper
} as const;
