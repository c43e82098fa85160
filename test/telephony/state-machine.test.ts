// The declared tables: illegal moves are refused and logged, never taken; the
// history is short; every state can be reached and every state can end.
import { describe, expect, it } from 'vitest';
import { EngineClock } from '../../src/native/clock.ts';
import { memoryLog } from '../../src/telephony/log.ts';
import { StateMachine } from '../../src/telephony/state-machine.ts';
import { CALL_TRANSITIONS, LEG_TRANSITIONS } from '../../src/telephony/states.ts';
import { LEG_STATES, type LegState } from '../../src/telephony/types.ts';

describe('state machines', () => {
  it('refuses and logs an illegal move, keeps a short history', () => {
    const clock = new EngineClock();
    const log = memoryLog();
    const sm = new StateMachine<LegState>('leg x', LEG_TRANSITIONS, 'idle', clock, log);
    expect(sm.move('connected', 'nonsense')).toBe(false);
    expect(sm.state).toBe('idle');
    expect(sm.refused).toBe(1);
    expect(log.lines.find((l) => l.level === 'warn')).toMatchObject({ machine: 'leg x', from: 'idle', to: 'connected' });
    clock.advanceTo(40);
    expect(sm.move('offered', 'ring')).toBe(true);
    expect(sm.move('connected', 'answer')).toBe(true);
    for (let i = 0; i < 20; i++) sm.move(i % 2 ? 'connected' : 'held', 'toggle');
    expect(sm.history).toHaveLength(StateMachine.HISTORY);
    expect(sm.history.at(-1)).toMatchObject({ from: 'held', to: 'connected' });
    expect(sm.move('ended', 'bye')).toBe(true);
    expect(sm.move('connected', 'again')).toBe(false);
  });

  it('reaches every state from idle, and every state but ended can end', () => {
    for (const table of [LEG_TRANSITIONS, CALL_TRANSITIONS]) {
      const seen = new Set<LegState>(['idle']);
      const todo: LegState[] = ['idle'];
      while (todo.length) for (const n of table[todo.pop()!]) if (!seen.has(n) && seen.add(n)) todo.push(n);
      expect([...seen].sort()).toEqual([...LEG_STATES].sort());
      for (const s of LEG_STATES) if (s !== 'ended') expect(table[s]).toContain('ended');
      expect(table.ended).toEqual([]);
    }
  });
});
