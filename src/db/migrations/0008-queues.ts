// Queues managed at run time (src/acd/queue-definitions.ts): one row per
// queue, its checked definition as JSON. The YAML's queues are the seed:
// `origin` says whether the definition last came from the YAML ('config') or
// the API ('api'); a queue of the YAML deleted over the API stays as a
// tombstone (deleted_at) so the next start does not bring it back.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'queues',
    {
      name: { type: DataTypes.STRING(32), primaryKey: true },
      definition: { type: DataTypes.JSON, allowNull: false },
      origin: { type: DataTypes.STRING(16), allowNull: false },
      updated_by: { type: DataTypes.STRING(64), allowNull: true },
      deleted_at: { type: DataTypes.DATE, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('queues', { transaction });
}
