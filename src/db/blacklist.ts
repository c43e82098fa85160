// The blacklist: a caller whose number matches a pattern is rejected, or
// rerouted to a target (an extension, a queue, a recorded message).
import { CtiError } from '../native/errors.ts';
import { conflict } from './accounts.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';
import { matchesPattern } from './phone-number.ts';

export interface BlacklistEntry {
  id: number;
  /** digits, X for any digit, a trailing * for any rest */
  pattern: string;
  action: 'reject' | 'reroute';
  /** where 'reroute' sends the call */
  target: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export type BlacklistInput = Pick<BlacklistEntry, 'pattern' | 'action'> & { target?: string | null; note?: string | null };

function entry(r: BlacklistEntry & { createdAt: Date | string; updatedAt: Date | string }): BlacklistEntry {
  return { ...r, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() };
}

function check(e: Partial<BlacklistInput>, current?: BlacklistEntry): void {
  const action = e.action ?? current?.action;
  const target = e.target !== undefined ? e.target : current?.target;
  if (action === 'reroute' && !target) throw new CtiError('CTI_ERR_BAD_ARGUMENT', "blacklist: action 'reroute' needs a target");
}

export class BlacklistStore {
  /** the entries match() looks through: loaded once, dropped on every change (every call is checked) */
  #cache: Promise<BlacklistEntry[]> | undefined;
  constructor(private readonly db: Database) {}

  async create(input: BlacklistInput): Promise<BlacklistEntry> {
    check(input);
    const r = await this.db
      .tx((transaction) =>
        this.db.models.Blacklist.create({ ...input, target: input.target ?? null, note: input.note ?? null }, { transaction }),
      )
      .catch((e) => conflict(e, `blacklist pattern '${input.pattern}'`));
    this.#cache = undefined;
    return entry(plain(r));
  }

  async update(id: number, patch: Partial<BlacklistInput>): Promise<BlacklistEntry> {
    const r = await this.db
      .tx(async (transaction) => {
        const row = await this.db.models.Blacklist.findByPk(id, { transaction });
        if (!row) throw new CtiError('CTI_ERR_NOT_FOUND', `no blacklist entry ${id}`);
        check(patch, plain(row));
        return row.update(patch, { transaction });
      })
      .catch((e) => conflict(e, `blacklist entry ${id}`));
    this.#cache = undefined;
    return entry(plain(r));
  }

  async list(): Promise<BlacklistEntry[]> {
    return (await this.db.models.Blacklist.findAll({ order: [['id', 'ASC']] })).map((r) => entry(plain(r)));
  }

  async get(id: number): Promise<BlacklistEntry | undefined> {
    const r = await this.db.models.Blacklist.findByPk(id);
    return r ? entry(plain(r)) : undefined;
  }

  async remove(id: number): Promise<void> {
    const n = await this.db.tx((transaction) => this.db.models.Blacklist.destroy({ where: { id }, transaction }));
    this.#cache = undefined;
    if (!n) throw new CtiError('CTI_ERR_NOT_FOUND', `no blacklist entry ${id}`);
  }

  /** Loads the entries match() uses now (the server does at start: the first caller waits for no query). */
  async warm(): Promise<void> {
    this.#cache ??= this.list();
    this.#cache.catch(() => (this.#cache = undefined));
    await this.#cache;
  }

  /** The entry a caller's number matches (the longest pattern wins), if any. */
  async match(number: string | null | undefined): Promise<BlacklistEntry | undefined> {
    if (!number) return undefined;
    this.#cache ??= this.list();
    let all: BlacklistEntry[];
    try {
      all = await this.#cache;
    } catch (e) {
      this.#cache = undefined;
      throw e;
    }
    const hits = all.filter((e) => matchesPattern(e.pattern, number));
    return hits.sort((a, b) => b.pattern.length - a.pattern.length)[0];
  }
}
