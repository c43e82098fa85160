// The blacklist: numbers (or patterns) rejected or rerouted before any IVR.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'blacklist',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      pattern: { type: DataTypes.STRING(40), allowNull: false, unique: true },
      action: { type: DataTypes.STRING(16), allowNull: false },
      target: { type: DataTypes.STRING(40), allowNull: true },
      note: { type: DataTypes.TEXT, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('blacklist', { transaction });
}
