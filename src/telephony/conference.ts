// A conference: legs mixed by the engine (each member hears the others, never
// itself). A leg that ends leaves it; closing it takes every member out.
import { CtiError } from '../native/errors.ts';
import type { EnginePort } from './engine-port.ts';
import type { Leg } from './leg.ts';
import type { Log } from './log.ts';

export type ConferenceMode = 'talk-listen' | 'listen' | 'talk';

export class Conference {
  readonly members = new Map<Leg, ConferenceMode>();
  #onEnded = new Map<Leg, () => void>();
  #closed = false;

  constructor(
    readonly id: number,
    private readonly engine: EnginePort,
    private readonly log: Log,
    private readonly onClosed: (c: Conference) => void,
  ) {}

  /** close() was called: nobody is mixed any more. */
  get closed(): boolean {
    return this.#closed;
  }

  async add(leg: Leg, mode: ConferenceMode = 'talk-listen'): Promise<void> {
    if (this.#closed) throw new CtiError('CTI_ERR_CONFLICT', `conference ${this.id} is closed`);
    if (!leg.live) throw new CtiError('CTI_ERR_CANCELED', `conference: leg ${leg.id} has ended`);
    if (leg.state !== 'connected') throw new CtiError('CTI_ERR_BAD_ARGUMENT', `conference: leg ${leg.id} is ${leg.state}`);
    await this.engine.conference(leg.ref, this.id, mode);
    if (leg.partner) {
      if (leg.partner.partner === leg) leg.partner.partner = undefined;
      leg.partner = undefined;
    }
    leg.conference = this.id;
    this.members.set(leg, mode);
    if (!this.#onEnded.has(leg)) {
      const off = () => this.#forget(leg);
      leg.once('leg:ended', off);
      this.#onEnded.set(leg, off);
    }
    leg.log.info({ conference: this.id, mode }, 'joined conference');
  }

  async remove(leg: Leg): Promise<void> {
    if (!this.members.has(leg)) return;
    if (leg.live) await this.engine.stop('confLeave', leg.ref);
    this.#forget(leg);
  }

  /** Takes every member out; a second close does nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const leg of [...this.members.keys()]) await this.remove(leg);
    this.log.info({ conference: this.id }, 'conference closed');
    this.onClosed(this);
  }

  #forget(leg: Leg): void {
    const off = this.#onEnded.get(leg);
    if (off) leg.off('leg:ended', off);
    this.#onEnded.delete(leg);
    this.members.delete(leg);
    if (leg.conference === this.id) leg.conference = undefined;
  }
}
