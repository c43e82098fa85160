// Call records: one row per call (missed and abandoned ones too) and one per
// leg. Times are engine-clock ms besides the wall-clock start.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

const ms = () => ({ type: DataTypes.BIGINT, allowNull: true });

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'call_records',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      direction: { type: DataTypes.STRING(16), allowNull: false },
      from_number: { type: DataTypes.STRING(40), allowNull: true },
      to_number: { type: DataTypes.STRING(40), allowNull: true },
      state: { type: DataTypes.STRING(16), allowNull: false },
      result: { type: DataTypes.STRING(16), allowNull: false },
      started_at: { type: DataTypes.DATE, allowNull: false },
      start_ms: { type: DataTypes.BIGINT, allowNull: false },
      answer_ms: ms(),
      end_ms: ms(),
      duration_ms: ms(),
      wait_ms: ms(),
      talk_ms: ms(),
      hold_ms: ms(),
      wrap_up_ms: ms(),
      queue: { type: DataTypes.STRING(64), allowNull: true },
      agent: { type: DataTypes.STRING(64), allowNull: true },
      cause: { type: DataTypes.STRING(32), allowNull: true },
      detail: { type: DataTypes.TEXT, allowNull: true },
      transfers: { type: DataTypes.JSON, allowNull: false },
      recording: { type: DataTypes.STRING(512), allowNull: true },
      vars: { type: DataTypes.JSON, allowNull: false },
    },
    { transaction },
  );
  await qi.addIndex('call_records', ['started_at'], { transaction });
  await qi.addIndex('call_records', ['from_number'], { transaction });
  await qi.addIndex('call_records', ['queue', 'started_at'], { transaction });
  await qi.createTable(
    'call_legs',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      call_id: { type: DataTypes.STRING(64), allowNull: false, references: { model: 'call_records', key: 'id' }, onDelete: 'CASCADE' },
      seq: { type: DataTypes.INTEGER, allowNull: false },
      leg_id: { type: DataTypes.STRING(80), allowNull: false },
      board: { type: DataTypes.INTEGER, allowNull: false },
      span: { type: DataTypes.INTEGER, allowNull: false },
      channel: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      extension: { type: DataTypes.STRING(8), allowNull: true },
      direction: { type: DataTypes.STRING(16), allowNull: false },
      remote: { type: DataTypes.STRING(40), allowNull: true },
      caller_id: { type: DataTypes.STRING(40), allowNull: true },
      start_ms: { type: DataTypes.BIGINT, allowNull: false },
      answer_ms: ms(),
      end_ms: ms(),
      cause: { type: DataTypes.STRING(32), allowNull: true },
      detail: { type: DataTypes.TEXT, allowNull: true },
      digits: { type: DataTypes.STRING(128), allowNull: false },
      history: { type: DataTypes.JSON, allowNull: false },
    },
    { transaction },
  );
  await qi.addIndex('call_legs', ['call_id', 'seq'], { unique: true, transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('call_legs', { transaction });
  await qi.dropTable('call_records', { transaction });
}
