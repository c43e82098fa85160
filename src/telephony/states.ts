// The declared transition tables of legs and calls. A leg is one channel's
// part in a call; a call follows the leg that started it (the caller's, or the
// first leg we placed) and ends when its last leg has ended.
import type { TransitionTable } from './state-machine.ts';
import type { CallState, LegState } from './types.ts';

export const LEG_TRANSITIONS: TransitionTable<LegState> = {
  idle: ['offered', 'ringing', 'dialing', 'ended'],
  offered: ['connected', 'disconnecting', 'ended'], // answered; refused; the caller gave up
  ringing: ['connected', 'disconnecting', 'ended'], // the phone picked up; we stopped ringing
  dialing: ['proceeding', 'disconnecting', 'ended'],
  proceeding: ['alerting', 'connected', 'disconnecting', 'ended'],
  alerting: ['connected', 'disconnecting', 'ended'],
  connected: ['held', 'disconnecting', 'ended'],
  held: ['connected', 'disconnecting', 'ended'],
  disconnecting: ['ended'],
  ended: [],
};

export const CALL_TRANSITIONS: TransitionTable<CallState> = {
  idle: ['offered', 'ringing', 'dialing', 'ended'],
  offered: ['connected', 'disconnecting', 'ended'],
  ringing: ['connected', 'disconnecting', 'ended'],
  dialing: ['proceeding', 'connected', 'disconnecting', 'ended'],
  proceeding: ['alerting', 'connected', 'disconnecting', 'ended'],
  alerting: ['connected', 'disconnecting', 'ended'],
  connected: ['held', 'disconnecting', 'ended'],
  held: ['connected', 'disconnecting', 'ended'],
  disconnecting: ['ended'],
  ended: [],
};

/** States in which a leg's line carries a call (media operations are allowed). */
export const MEDIA_STATES: readonly LegState[] = ['connected', 'held', 'dialing', 'proceeding', 'alerting'];

export function isLive(s: LegState): boolean {
  return s !== 'disconnecting' && s !== 'ended';
}
