// IVR flows by version: every version a flow has had (from its file or the
// API), and which version of each flow is in service. The flow files of
// ivr.dir are the seed: a file's flow is recorded as a new version when it
// changed, and the API adds, activates and rolls back versions.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'ivr_flow_versions',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(64), allowNull: false },
      version: { type: DataTypes.INTEGER, allowNull: false },
      // the checked flow object (defaults filled in)
      definition: { type: DataTypes.JSON, allowNull: false },
      // the file it came from, or 'api'
      source: { type: DataTypes.STRING(1024), allowNull: false },
      created_by: { type: DataTypes.STRING(64), allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  await qi.addIndex('ivr_flow_versions', ['name', 'version'], { unique: true, name: 'ivr_flow_versions_name_version', transaction });
  await qi.createTable(
    'ivr_flows',
    {
      name: { type: DataTypes.STRING(64), primaryKey: true },
      // the version in service (null: none activated yet)
      active_version: { type: DataTypes.INTEGER, allowNull: true },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('ivr_flows', { transaction });
  await qi.dropTable('ivr_flow_versions', { transaction });
}
