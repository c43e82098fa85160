// Customers: the record a screen pop shows. Phone numbers live in their own
// table, normalised, so a caller's number is found with one indexed look-up.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'customers',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(128), allowNull: false },
      company: { type: DataTypes.STRING(128), allowNull: true },
      contacts: { type: DataTypes.JSON, allowNull: false },
      address: { type: DataTypes.TEXT, allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      vip: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      priority: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  await qi.createTable(
    'customer_phones',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      customer_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'customers', key: 'id' }, onDelete: 'CASCADE' },
      number: { type: DataTypes.STRING(40), allowNull: false },
      normalized: { type: DataTypes.STRING(32), allowNull: false },
      label: { type: DataTypes.STRING(32), allowNull: true },
    },
    { transaction },
  );
  await qi.addIndex('customer_phones', ['normalized'], { transaction });
  await qi.addIndex('customer_phones', ['customer_id'], { transaction });
  await qi.createTable(
    'customer_history',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      customer_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'customers', key: 'id' }, onDelete: 'CASCADE' },
      at: { type: DataTypes.DATE, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      call_id: { type: DataTypes.STRING(64), allowNull: true },
      user_id: { type: DataTypes.INTEGER, allowNull: true },
      summary: { type: DataTypes.TEXT, allowNull: false },
    },
    { transaction },
  );
  await qi.addIndex('customer_history', ['customer_id', 'at'], { transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('customer_history', { transaction });
  await qi.dropTable('customer_phones', { transaction });
  await qi.dropTable('customers', { transaction });
}
