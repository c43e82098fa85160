// Agents' live state (one row per agent: what a restart reconciles) and the
// timestamped history of every change of state (reports: logged-in time,
// not-ready time by reason code, wrap-up time).
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'agent_status',
    {
      agent_id: { type: DataTypes.STRING(32), primaryKey: true },
      state: { type: DataTypes.STRING(16), allowNull: false },
      reason: { type: DataTypes.STRING(64), allowNull: true },
      // engine ms of the change (meaningful within one run) and its wall time
      since_ms: { type: DataTypes.BIGINT, allowNull: false },
      call_id: { type: DataTypes.STRING(64), allowNull: true },
      queue: { type: DataTypes.STRING(64), allowNull: true },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  await qi.createTable(
    'agent_events',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      agent_id: { type: DataTypes.STRING(32), allowNull: false },
      from_state: { type: DataTypes.STRING(16), allowNull: false },
      to_state: { type: DataTypes.STRING(16), allowNull: false },
      reason: { type: DataTypes.STRING(64), allowNull: true },
      why: { type: DataTypes.TEXT, allowNull: false },
      at_ms: { type: DataTypes.BIGINT, allowNull: false },
      at: { type: DataTypes.DATE, allowNull: false },
      call_id: { type: DataTypes.STRING(64), allowNull: true },
      queue: { type: DataTypes.STRING(64), allowNull: true },
    },
    { transaction },
  );
  await qi.addIndex('agent_events', ['agent_id', 'at'], { transaction });
  await qi.addIndex('agent_events', ['at'], { transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('agent_events', { transaction });
  await qi.dropTable('agent_status', { transaction });
}
