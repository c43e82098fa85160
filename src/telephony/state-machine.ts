// One declared table per state machine (STYLE.md #1): the allowed moves are
// data, an illegal move is refused and logged (never taken), and each machine
// keeps a short history of its transitions for diagnostics.
import type { Clock } from '../native/clock.ts';
import type { Log } from './log.ts';

export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

export interface Transition<S extends string> {
  at: number;
  from: S;
  to: S;
  why: string;
}

export class StateMachine<S extends string> {
  static readonly HISTORY = 16;
  #state: S;
  #history: Transition<S>[] = [];
  #refused = 0;

  constructor(
    readonly name: string,
    readonly table: TransitionTable<S>,
    initial: S,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {
    this.#state = initial;
  }

  get state(): S {
    return this.#state;
  }

  /** Oldest first, at most HISTORY entries. */
  get history(): readonly Transition<S>[] {
    return this.#history;
  }

  get refused(): number {
    return this.#refused;
  }

  can(to: S): boolean {
    return this.table[this.#state].includes(to);
  }

  /** Takes the move if the table allows it; otherwise logs it, counts it and returns false. */
  move(to: S, why: string): boolean {
    const from = this.#state;
    if (from === to) return true;
    if (!this.can(to)) {
      this.#refused++;
      this.log.warn({ machine: this.name, from, to, why }, `${this.name}: refused move ${from} -> ${to}`);
      return false;
    }
    this.#state = to;
    this.#history.push({ at: this.clock.now(), from, to, why });
    if (this.#history.length > StateMachine.HISTORY) this.#history.shift();
    this.log.debug({ machine: this.name, from, to, why }, `${this.name}: ${from} -> ${to}`);
    return true;
  }
}
