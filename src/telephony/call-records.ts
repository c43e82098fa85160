// Call records: one per call, with its legs, times and causes. Kept behind a
// small repository interface (in memory for now; the database arrives with the
// call-center issue). Times are engine-clock ms; `startedAt` is wall time
// computed from the epoch the service was given.
import type { Call } from './call.ts';
import type { Leg } from './leg.ts';
import type { CallState, ChannelKind, Direction, EndCause, LegState } from './types.ts';

export interface LegRecord {
  id: string;
  board: number;
  span: number;
  channel: number;
  kind: ChannelKind;
  extension: string | null;
  direction: Direction;
  remote: string | null;
  callerId: string | null;
  startMs: number;
  answerMs: number | null;
  endMs: number | null;
  cause: EndCause | null;
  detail: string | null;
  digits: string;
  history: { at: number; from: LegState; to: LegState; why: string }[];
}

export interface CallRecord {
  id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  from: string | null;
  to: string | null;
  state: CallState;
  startedAt: string;
  startMs: number;
  answerMs: number | null;
  endMs: number | null;
  durationMs: number | null;
  /** time on hold (any leg held), from the answer on; null for a call never answered */
  holdMs: number | null;
  cause: EndCause | null;
  detail: string | null;
  vars: Record<string, string | number | boolean>;
  legs: LegRecord[];
}

export interface CallRecordRepository {
  save(record: CallRecord): Promise<void>;
  get(id: string): Promise<CallRecord | undefined>;
  /** Newest first. */
  list(opts?: { limit?: number }): Promise<CallRecord[]>;
}

export class MemoryCallRecords implements CallRecordRepository {
  #records = new Map<string, CallRecord>();
  constructor(private readonly max = 10000) {}

  async save(record: CallRecord): Promise<void> {
    this.#records.delete(record.id);
    this.#records.set(record.id, structuredClone(record));
    while (this.#records.size > this.max) this.#records.delete(this.#records.keys().next().value!);
  }
  async get(id: string): Promise<CallRecord | undefined> {
    const r = this.#records.get(id);
    return r ? structuredClone(r) : undefined;
  }
  async list(opts: { limit?: number } = {}): Promise<CallRecord[]> {
    return [...this.#records.values()]
      .reverse()
      .slice(0, opts.limit ?? 100)
      .map((r) => structuredClone(r));
  }
}

export function legRecord(leg: Leg): LegRecord {
  return {
    id: leg.id,
    board: leg.channel.board,
    span: leg.channel.span,
    channel: leg.channel.number,
    kind: leg.channel.kind,
    extension: leg.channel.role.extension ?? null,
    direction: leg.direction,
    remote: leg.remote ?? null,
    callerId: leg.callerId?.number ?? null,
    startMs: leg.createdAt,
    answerMs: leg.answeredAt ?? null,
    endMs: leg.endedAt ?? null,
    cause: leg.cause ?? null,
    detail: leg.detail ?? null,
    digits: leg.digits,
    history: leg.sm.history.map((h) => ({ ...h })),
  };
}

export function callRecord(call: Call, epochMs: number): CallRecord {
  return {
    id: call.id,
    direction: call.direction,
    from: call.from ?? null,
    to: call.to ?? null,
    state: call.state,
    startedAt: new Date(epochMs + call.startedAt).toISOString(),
    startMs: call.startedAt,
    answerMs: call.answeredAt ?? null,
    endMs: call.endedAt ?? null,
    durationMs: call.endedAt !== undefined ? call.endedAt - call.startedAt : null,
    holdMs: call.answeredAt !== undefined ? call.heldMs : null,
    cause: call.cause ?? null,
    detail: call.detail ?? null,
    vars: { ...call.vars },
    legs: call.legs.map(legRecord),
  };
}
