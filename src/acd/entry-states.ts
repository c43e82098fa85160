// A queue entry's states (a caller's time in a queue) and the one declared
// table of allowed moves (STYLE.md #1), like calls' and agents'. Every move
// goes through the entry's machine: a refused move is logged with the call's
// span, channel and id and changes nothing; the last moves are kept for
// diagnostics (entry.sm.history).
import type { Clock } from '../native/clock.ts';
import type { Log } from '../telephony/log.ts';
import { StateMachine, type TransitionTable } from '../telephony/state-machine.ts';

export const ENTRY_STATES = [
  'waiting', // on the line, no agent yet
  'offering', // agent(s) reserved or ringing
  'callback', // hung up, keeps their place, to be called back
  'calling-back', // an agent is reserved and the caller is being dialled
  'connected', // an agent answered: out of the queue
  'gone', // left (abandoned, overflowed out, max wait, failed)
] as const;
export type EntryStatus = (typeof ENTRY_STATES)[number];

export const ENTRY_TRANSITIONS: TransitionTable<EntryStatus> = {
  waiting: ['offering', 'callback', 'gone'], // overflow to another queue keeps it waiting
  offering: ['waiting', 'connected', 'gone'], // no answer (ring timeout, offers gone); answered; the caller left
  callback: ['calling-back', 'gone'],
  'calling-back': ['waiting', 'callback', 'gone'], // answered: waits for the agent; no line: their turn again; failed
  connected: [],
  gone: [],
};

/** An entry's machine; `log` gives the log of the entry's call now (a callback changes the call). */
export function entryMachine(callId: string, clock: Clock, log: () => Log): StateMachine<EntryStatus> {
  const fwd: Log = {
    debug: (o, m) => log().debug(o, m),
    info: (o, m) => log().info(o, m),
    warn: (o, m) => log().warn(o, m),
    error: (o, m) => log().error(o, m),
    child: (b) => log().child(b),
  };
  return new StateMachine<EntryStatus>(`queue entry ${callId}`, ENTRY_TRANSITIONS, 'waiting', clock, fwd);
}
