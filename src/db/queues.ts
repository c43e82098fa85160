// Queue definitions (src/acd/queue-store.ts) in the table of migration 0008.
// Each write takes the row in its transaction and runs the caller's apply()
// before the commit.
import { DataTypes, type Model, type ModelStatic, type Transaction } from 'sequelize';
import type { QueueOrigin, QueueStore, StoredQueue } from '../acd/queue-store.ts';
import type { QueueConfig } from '../acd/types.ts';
import { CtiError } from '../native/errors.ts';
import { conflict } from './accounts.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';

interface Row {
  name: string;
  definition: unknown;
  origin: QueueOrigin;
  updatedBy: string | null;
  deletedAt: Date | string | null;
  updatedAt: Date | string;
}

function model(db: Database): ModelStatic<Model> {
  const s = db.sequelize;
  if (s.isDefined('QueueDefinition')) return s.model('QueueDefinition');
  return s.define(
    'QueueDefinition',
    {
      name: { type: DataTypes.STRING(32), primaryKey: true },
      definition: { type: DataTypes.JSON, allowNull: false },
      origin: { type: DataTypes.STRING(16), allowNull: false },
      updatedBy: { type: DataTypes.STRING(64), allowNull: true },
      deletedAt: { type: DataTypes.DATE, allowNull: true },
    },
    { tableName: 'queues' },
  );
}

function stored(r: Row): StoredQueue {
  const definition = (typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition) as QueueConfig;
  return {
    name: r.name,
    definition,
    origin: r.origin,
    updatedBy: r.updatedBy,
    updatedAt: new Date(r.updatedAt).toISOString(),
    deleted: r.deletedAt !== null,
  };
}

export class SqlQueueStore implements QueueStore {
  readonly #m: ModelStatic<Model>;
  constructor(private readonly db: Database) {
    this.#m = model(db);
  }

  async list(): Promise<StoredQueue[]> {
    const rows = await this.#m.findAll({ order: [['name', 'ASC']] });
    return rows.map((r) => stored(plain<Row>(r)));
  }

  async seed(definitions: QueueConfig[]): Promise<void> {
    if (!definitions.length) return;
    await this.db.tx(async (transaction) => {
      for (const d of definitions) {
        const row = await this.#m.findByPk(d.name, { transaction });
        if (!row) await this.#m.create({ name: d.name, definition: d, origin: 'config', updatedBy: null }, { transaction });
        else await row.update({ definition: d, origin: 'config', updatedBy: null }, { transaction });
      }
    });
  }

  async create(definition: QueueConfig, by: string | null, apply: () => void): Promise<StoredQueue> {
    const row = await this.db
      .tx(async (transaction) => {
        const old = await this.#m.findByPk(definition.name, { transaction });
        if (old && plain<Row>(old).deletedAt === null) throw new CtiError('CTI_ERR_CONFLICT', `queue ${definition.name} exists`);
        const values = { definition, origin: 'api', updatedBy: by, deletedAt: null };
        const r = old
          ? await old.update(values, { transaction })
          : await this.#m.create({ name: definition.name, ...values }, { transaction });
        apply();
        return r;
      })
      .catch((e) => conflict(e, `queue ${definition.name}`));
    return stored(plain<Row>(row));
  }

  async replace(definition: QueueConfig, by: string | null, apply: () => void): Promise<StoredQueue> {
    const row = await this.db.tx(async (transaction) => {
      const r = await this.#live(definition.name, transaction);
      await r.update({ definition, origin: 'api', updatedBy: by }, { transaction });
      apply();
      return r;
    });
    return stored(plain<Row>(row));
  }

  async remove(name: string, tombstone: boolean, by: string | null, apply: () => void): Promise<void> {
    await this.db.tx(async (transaction) => {
      const r = await this.#live(name, transaction);
      if (tombstone) await r.update({ deletedAt: new Date(), origin: 'api', updatedBy: by }, { transaction });
      else await r.destroy({ transaction });
      apply();
    });
  }

  async #live(name: string, transaction: Transaction): Promise<Model> {
    const r = await this.#m.findByPk(name, { transaction });
    if (!r || plain<Row>(r).deletedAt !== null) throw new CtiError('CTI_ERR_NOT_FOUND', `no queue ${name}`);
    return r;
  }
}
