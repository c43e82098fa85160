// Call records in the database: the telephony core's CallRecordRepository,
// plus what a call center reports on (result, queue, agent, wait, talk, hold,
// wrap-up, transfers, recording). Those come from the record's `center`
// facts when a service gives them, else from the call's variables (queue,
// agent, holdMs, wrapUpMs, recording, result), else from the legs.
import { Op, type WhereOptions } from 'sequelize';
import type { CallRecord, CallRecordRepository, LegRecord } from '../telephony/call-records.ts';
import type { Database } from './database.ts';
import { num, plain } from './models.ts';

// callback: the caller asked the queue to call back and hung up (the callback is a call of its own).
export const CALL_RESULTS = ['answered', 'missed', 'abandoned', 'unanswered', 'failed', 'rejected', 'callback'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

export interface Transfer {
  from: string;
  to: string;
  atMs: number;
  kind: 'blind' | 'attended';
  /** what the transferring agent wrote for the next one */
  notes?: string;
}

export interface CallCenterFacts {
  result: CallResult;
  queue: string | null;
  agent: string | null;
  waitMs: number | null;
  talkMs: number | null;
  holdMs: number | null;
  wrapUpMs: number | null;
  transfers: Transfer[];
  recording: string | null;
}

/** What the agent said about the call at wrap-up (a code of the configuration's dispositions, a note). */
export interface Disposition {
  disposition: string | null;
  dispositionNote: string | null;
}

export type StoredCallRecord = CallRecord & CallCenterFacts & Disposition;
export type CallRecordInput = CallRecord & { center?: Partial<CallCenterFacts> };

export interface CallRecordQuery {
  /** the caller's or the called number (exact) */
  number?: string;
  direction?: CallRecord['direction'];
  result?: CallResult;
  queue?: string;
  agent?: string;
  disposition?: string;
  /** any of these agents (an agent's own calls: their extension or agent number) */
  agentIn?: string[];
  /** ISO times: startedAt >= since, < until */
  since?: string;
  until?: string;
  offset?: number;
  limit?: number;
}

const FAILED = new Set(['failed', 'alarm', 'reset', 'congestion', 'unallocated', 'shutdown']);

/** The transfer chain kept on a call as vars.transfers (JSON, by src/callops). */
function transfersOf(json: string | null): Transfer[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as Transfer[]) : [];
  } catch {
    return [];
  }
}

/** The call-center facts of a record: given ones win, then the call's variables, then the legs. */
export function callCenterFacts(r: CallRecordInput): CallCenterFacts {
  const v = r.vars;
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : null);
  const n = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : null);
  // The phone that took the call: one rung that answered, else one that picked it up (*8) from the time it did.
  const picker = r.legs.find(
    (l) => l.kind === 'fxs' && l.direction === 'inbound' && s('pickedUpBy') !== null && l.extension === s('pickedUpBy'),
  );
  const agentLeg: LegRecord | undefined =
    r.legs.find((l) => l.kind === 'fxs' && l.direction === 'outbound' && l.answerMs !== null) ??
    (picker ? { ...picker, answerMs: n('pickedUpAtMs') ?? picker.answerMs ?? picker.startMs } : undefined);
  const rang = r.legs.some((l) => l.kind === 'fxs' && l.direction === 'outbound');
  const queue = s('queue');
  let result: CallResult;
  if (s('result') && (CALL_RESULTS as readonly string[]).includes(s('result')!)) result = s('result') as CallResult;
  else if (r.direction === 'inbound') {
    if (agentLeg) result = 'answered';
    else if (s('callback') !== null) result = 'callback';
    else if (r.cause && FAILED.has(r.cause)) result = 'failed';
    else if (r.cause === 'abandoned' || ((rang || queue) && r.cause === 'remote-hangup')) result = 'abandoned';
    else if (rang) result = 'missed';
    else result = r.answerMs !== null ? 'answered' : 'missed';
  } else result = r.answerMs !== null ? 'answered' : r.cause && FAILED.has(r.cause) ? 'failed' : 'unanswered';
  const end = r.endMs ?? null;
  const inbound = r.direction === 'inbound';
  const facts: CallCenterFacts = {
    result,
    queue,
    agent: s('agent') ?? agentLeg?.extension ?? null,
    // The time in queue when the ACD says (the IVR before it is not waiting), else until an extension answered.
    waitMs: n('queueWaitMs') ?? (inbound ? (agentLeg ? agentLeg.answerMs! - r.startMs : end !== null ? end - r.startMs : null) : null),
    talkMs: agentLeg && end !== null ? end - agentLeg.answerMs! : inbound || r.answerMs === null || end === null ? null : end - r.answerMs,
    holdMs: n('holdMs') ?? r.holdMs ?? null,
    wrapUpMs: n('wrapUpMs'),
    transfers: transfersOf(s('transfers')),
    recording: s('recording'),
  };
  return { ...facts, ...r.center };
}

type Row = Record<string, unknown> & { legs?: Record<string, unknown>[] };

function toRecord(r: Row): StoredCallRecord {
  const legs = [...(r.legs ?? [])].sort((a, b) => (a.seq as number) - (b.seq as number));
  return {
    id: r.id as string,
    direction: r.direction as CallRecord['direction'],
    from: r.fromNumber as string | null,
    to: r.toNumber as string | null,
    state: r.state as CallRecord['state'],
    startedAt: new Date(r.startedAt as string).toISOString(),
    startMs: num(r.startMs),
    answerMs: num(r.answerMs, true),
    endMs: num(r.endMs, true),
    durationMs: num(r.durationMs, true),
    cause: r.cause as CallRecord['cause'],
    detail: r.detail as string | null,
    vars: r.vars as CallRecord['vars'],
    result: r.result as CallResult,
    queue: r.queue as string | null,
    agent: r.agent as string | null,
    waitMs: num(r.waitMs, true),
    talkMs: num(r.talkMs, true),
    holdMs: num(r.holdMs, true),
    wrapUpMs: num(r.wrapUpMs, true),
    transfers: r.transfers as Transfer[],
    recording: r.recording as string | null,
    disposition: (r.disposition as string | null) ?? null,
    dispositionNote: (r.dispositionNote as string | null) ?? null,
    legs: legs.map((l) => ({
      id: l.legId as string,
      board: l.board as number,
      span: l.span as number,
      channel: l.channel as number,
      kind: l.kind as LegRecord['kind'],
      extension: l.extension as string | null,
      direction: l.direction as LegRecord['direction'],
      remote: l.remote as string | null,
      callerId: l.callerId as string | null,
      startMs: num(l.startMs),
      answerMs: num(l.answerMs, true),
      endMs: num(l.endMs, true),
      cause: l.cause as LegRecord['cause'],
      detail: l.detail as string | null,
      digits: l.digits as string,
      history: l.history as LegRecord['history'],
    })),
  };
}

export class SqlCallRecords implements CallRecordRepository {
  constructor(private readonly db: Database) {}

  /** Writes the record and its legs in one transaction (a second save replaces the first, keeping its disposition). */
  async save(record: CallRecordInput): Promise<void> {
    const { CallRecord: R, CallLeg: L } = this.db.models;
    const f = callCenterFacts(record);
    await this.db.tx(async (transaction) => {
      const before = await R.findByPk(record.id, { attributes: ['disposition', 'dispositionNote'], transaction });
      const kept: Partial<Disposition> = before ? plain<Disposition>(before) : {};
      await R.destroy({ where: { id: record.id }, transaction });
      await R.create(
        {
          id: record.id,
          direction: record.direction,
          fromNumber: record.from,
          toNumber: record.to,
          state: record.state,
          startedAt: new Date(record.startedAt),
          startMs: record.startMs,
          answerMs: record.answerMs,
          endMs: record.endMs,
          durationMs: record.durationMs,
          cause: record.cause,
          detail: record.detail,
          vars: record.vars,
          ...f,
          disposition: kept.disposition ?? null,
          dispositionNote: kept.dispositionNote ?? null,
        },
        { transaction },
      );
      await L.bulkCreate(
        record.legs.map((l, i) => ({ ...l, id: undefined, legId: l.id, callId: record.id, seq: i + 1 })),
        { transaction },
      );
    });
  }

  /** Sets facts known after the call ended (wrap-up time, recording file). */
  async amend(id: string, facts: Partial<CallCenterFacts>): Promise<StoredCallRecord | undefined> {
    const n = await this.db.tx(async (transaction) => (await this.db.models.CallRecord.update(facts, { where: { id }, transaction }))[0]);
    return n ? this.get(id) : undefined;
  }

  /** Sets (null: clears) the wrap-up's disposition and note; undefined when there is no such record. */
  async setDisposition(id: string, d: Disposition): Promise<StoredCallRecord | undefined> {
    const n = await this.db.tx(async (transaction) => (await this.db.models.CallRecord.update(d, { where: { id }, transaction }))[0]);
    return n ? this.get(id) : undefined;
  }

  async get(id: string): Promise<StoredCallRecord | undefined> {
    const r = await this.db.models.CallRecord.findByPk(id, { include: [{ model: this.db.models.CallLeg, as: 'legs' }] });
    return r ? toRecord(plain(r)) : undefined;
  }

  async list(opts: { limit?: number } = {}): Promise<StoredCallRecord[]> {
    return (await this.search({ limit: opts.limit ?? 100 })).items;
  }

  /** Newest first, with the total matching count for paging. */
  async search(q: CallRecordQuery = {}): Promise<{ total: number; items: StoredCallRecord[] }> {
    const where: WhereOptions & Record<string | symbol, unknown> = {};
    if (q.number) where[Op.or] = [{ fromNumber: q.number }, { toNumber: q.number }];
    for (const k of ['direction', 'result', 'queue', 'agent', 'disposition'] as const) if (q[k] !== undefined) where[k] = q[k];
    if (q.agentIn && q.agent === undefined) where.agent = { [Op.in]: q.agentIn };
    const range: Record<symbol, Date> = {};
    if (q.since) range[Op.gte] = new Date(q.since);
    if (q.until) range[Op.lt] = new Date(q.until);
    if (q.since || q.until) where.startedAt = range;
    const { CallRecord: R, CallLeg: L } = this.db.models;
    const total = await R.count({ where });
    const page = await R.findAll({
      where,
      attributes: ['id'],
      order: [
        ['startedAt', 'DESC'],
        ['id', 'DESC'],
      ],
      offset: q.offset ?? 0,
      limit: q.limit ?? 50,
    });
    const ids = page.map((r) => plain<{ id: string }>(r).id);
    const rows = ids.length ? await R.findAll({ where: { id: ids }, include: [{ model: L, as: 'legs' }] }) : [];
    const byId = new Map(rows.map((r) => [plain<{ id: string }>(r).id, toRecord(plain(r))]));
    return { total, items: ids.map((id) => byId.get(id)!) };
  }
}
