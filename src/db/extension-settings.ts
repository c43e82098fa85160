// Per-extension call settings in the database (DND, forwarding, camp-on
// requests): loaded once at start-up, written through on every change. Like
// the agent states (agent-states.ts), writes are queued here in order, each
// in its own transaction, so a later change never lands before an earlier
// one; an extension back to its defaults has its row removed.
import type { Database } from './database.ts';
import { plain } from './models.ts';

export interface StoredExtensionSettings {
  extension: string;
  dnd: boolean;
  forward: Partial<Record<'always' | 'busy' | 'no-answer', string>>;
  /** null: the default */
  noAnswerMs: number | null;
  /** extensions this one waits for (camp-on), oldest first */
  campOn: string[];
}

export class SqlExtensionSettings {
  #chain: Promise<unknown> = Promise.resolve();
  #closed = false;
  /** writes that failed (each is logged by the caller) */
  failures = 0;

  constructor(private readonly db: Database) {}

  save(s: StoredExtensionSettings): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const empty = !s.dnd && !Object.keys(s.forward).length && s.noAnswerMs === null && !s.campOn.length;
    const M = this.db.models.ExtensionSetting;
    const row = { extension: s.extension, dnd: s.dnd, forward: { ...s.forward }, noAnswerMs: s.noAnswerMs, campOn: [...s.campOn] };
    const run = this.#chain.then(() =>
      this.db.tx(async (transaction) => {
        if (empty) await M.destroy({ where: { extension: s.extension }, transaction });
        else await M.upsert(row, { transaction });
      }),
    );
    this.#chain = run.catch(() => this.failures++);
    return run;
  }

  async load(): Promise<StoredExtensionSettings[]> {
    await this.flush();
    const rows = await this.db.models.ExtensionSetting.findAll({ order: [['extension', 'ASC']] });
    return rows.map((r) => {
      const x = plain<StoredExtensionSettings & { forward: unknown; campOn: unknown }>(r);
      // SQLite hands JSON columns back parsed; be lenient with a string too.
      const parse = <T>(v: unknown, dflt: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? dflt));
      return {
        extension: x.extension,
        dnd: !!x.dnd,
        forward: parse(x.forward, {}),
        noAnswerMs: x.noAnswerMs === null || x.noAnswerMs === undefined ? null : Number(x.noAnswerMs),
        campOn: parse(x.campOn, []),
      };
    });
  }

  async flush(): Promise<void> {
    await this.#chain;
  }

  /** Drains the queue; later writes are dropped. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#chain;
  }
}
