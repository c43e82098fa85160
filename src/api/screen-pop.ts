// Screen pop: when an agent's phone rings with a call, the caller's customer
// record (or an empty one to fill in, with the number already entered), the
// caller's recent contact history and what they keyed in the IVR go to that
// agent's WebSocket topic, before the phone is answered. The ACD calls
// offer() when it rings an agent; a failed look-up still pops the number.
import type { CustomerStore, Customer, HistoryEntry } from '../db/customers.ts';
import type { Log } from '../telephony/log.ts';
import { agentTopic, type EventPublisher } from './events.ts';

export interface ScreenPopRequest {
  /** the account id of the agent whose phone rings */
  agentId: number;
  callId: string;
  /** the caller's number as the line delivered it (null: withheld) */
  number: string | null;
  /** what the caller entered in the IVR (digits, choices, account numbers) */
  ivr?: Record<string, string | number | boolean>;
  queue?: string | null;
  /** an attended transfer's notes for the receiving agent */
  notes?: string | null;
}

export interface ScreenPop {
  callId: string;
  number: string | null;
  known: boolean;
  /** the best match (VIP, then priority); null for an unknown caller */
  customer: Customer | null;
  /** other customers with the same number */
  others: { id: number; name: string; company: string | null }[];
  /** an unknown caller's empty record, number filled in */
  draft: { name: string; phones: { number: string }[] } | null;
  history: HistoryEntry[];
  ivr: Record<string, string | number | boolean>;
  queue: string | null;
  notes: string | null;
  lookupError?: string;
}

export class ScreenPops {
  constructor(private readonly o: { customers: CustomerStore; events: EventPublisher; log?: Log; historyLimit?: number }) {}

  #inFlight = new Set<Promise<ScreenPop>>();

  /** Resolves once no look-up is under way (a stepped harness waits for this between frames). */
  async idle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  /** Looks the caller up and publishes `screen:pop` to the agent's topic; returns what was sent. */
  offer(r: ScreenPopRequest): Promise<ScreenPop> {
    const p = this.#offer(r);
    this.#inFlight.add(p);
    void p.finally(() => this.#inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  async #offer(r: ScreenPopRequest): Promise<ScreenPop> {
    let matches: Customer[] = [];
    let history: HistoryEntry[] = [];
    let lookupError: string | undefined;
    try {
      if (r.number) matches = await this.o.customers.lookup(r.number);
      if (matches[0]) history = await this.o.customers.history(matches[0].id, this.o.historyLimit ?? 5);
    } catch (e) {
      lookupError = (e as Error).message;
      this.o.log?.error({ call: r.callId, err: lookupError }, 'screen pop: customer look-up failed');
    }
    const [customer, ...others] = matches;
    const pop: ScreenPop = {
      callId: r.callId,
      number: r.number,
      known: customer !== undefined,
      customer: customer ?? null,
      others: others.map((c) => ({ id: c.id, name: c.name, company: c.company })),
      draft: customer ? null : { name: '', phones: r.number ? [{ number: r.number }] : [] },
      history,
      ivr: r.ivr ?? {},
      queue: r.queue ?? null,
      notes: r.notes ?? null,
      ...(lookupError ? { lookupError } : {}),
    };
    this.o.events.publish(agentTopic(r.agentId), 'screen:pop', pop);
    return pop;
  }
}
