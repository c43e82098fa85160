// The versions of IVR flows (src/ivr/flow-store.ts) in the tables of
// migration 0007. A new version takes the next number of its flow inside the
// transaction that adds it (a second writer conflicts on the unique index).
import { DataTypes, type Model, type ModelStatic, type Transaction } from 'sequelize';
import type { FlowHead, FlowStore, StoredFlow } from '../ivr/flow-store.ts';
import { CtiError } from '../native/errors.ts';
import { conflict } from './accounts.ts';
import type { Database } from './database.ts';
import { plain } from './models.ts';

interface VersionRow {
  name: string;
  version: number;
  definition: unknown;
  source: string;
  createdBy: string | null;
  createdAt: Date | string;
}

function models(db: Database): { Version: ModelStatic<Model>; Head: ModelStatic<Model> } {
  const s = db.sequelize;
  const Version = s.isDefined('IvrFlowVersion')
    ? s.model('IvrFlowVersion')
    : s.define(
        'IvrFlowVersion',
        {
          id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
          name: { type: DataTypes.STRING(64), allowNull: false },
          version: { type: DataTypes.INTEGER, allowNull: false },
          definition: { type: DataTypes.JSON, allowNull: false },
          source: { type: DataTypes.STRING(1024), allowNull: false },
          createdBy: { type: DataTypes.STRING(64), allowNull: true },
        },
        { tableName: 'ivr_flow_versions', updatedAt: false },
      );
  const Head = s.isDefined('IvrFlowHead')
    ? s.model('IvrFlowHead')
    : s.define(
        'IvrFlowHead',
        { name: { type: DataTypes.STRING(64), primaryKey: true }, activeVersion: { type: DataTypes.INTEGER, allowNull: true } },
        { tableName: 'ivr_flows', createdAt: false },
      );
  return { Version, Head };
}

function stored(r: VersionRow): StoredFlow {
  const flow = typeof r.definition === 'string' ? (JSON.parse(r.definition) as unknown) : r.definition;
  return {
    name: r.name,
    version: Number(r.version),
    flow,
    source: r.source,
    createdBy: r.createdBy,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export class SqlFlowStore implements FlowStore {
  readonly #m: ReturnType<typeof models>;
  constructor(private readonly db: Database) {
    this.#m = models(db);
  }

  async heads(): Promise<FlowHead[]> {
    const rows = await this.#m.Head.findAll({ order: [['name', 'ASC']] });
    return rows
      .map((r) => plain<{ name: string; activeVersion: number | null }>(r))
      .map((h) => ({ name: h.name, active: h.activeVersion === null ? null : Number(h.activeVersion) }));
  }

  async versions(name: string): Promise<StoredFlow[]> {
    const rows = await this.#m.Version.findAll({ where: { name }, order: [['version', 'ASC']] });
    return rows.map((r) => stored(plain<VersionRow>(r)));
  }

  async add(name: string, flow: unknown, source: string, createdBy: string | null, activate: boolean): Promise<StoredFlow> {
    const row = await this.db
      .tx(async (transaction) => {
        const last = (await this.#m.Version.max('version', { where: { name }, transaction })) as number | null;
        const version = Number(last ?? 0) + 1;
        const r = await this.#m.Version.create({ name, version, definition: flow, source, createdBy }, { transaction });
        const head = await this.#m.Head.findByPk(name, { transaction });
        if (!head) await this.#m.Head.create({ name, activeVersion: activate ? version : null }, { transaction });
        else if (activate) await head.update({ activeVersion: version }, { transaction });
        return r;
      })
      .catch((e) => conflict(e, `IVR flow ${name}`));
    return stored(plain<VersionRow>(row));
  }

  async activate(name: string, version: number): Promise<void> {
    await this.db.tx(async (transaction: Transaction) => {
      const v = await this.#m.Version.findOne({ where: { name, version }, transaction });
      if (!v) throw new CtiError('CTI_ERR_NOT_FOUND', `IVR flow ${name} has no version ${version}`);
      const head = await this.#m.Head.findByPk(name, { transaction });
      if (head) await head.update({ activeVersion: version }, { transaction });
      else await this.#m.Head.create({ name, activeVersion: version }, { transaction });
    });
  }
}
