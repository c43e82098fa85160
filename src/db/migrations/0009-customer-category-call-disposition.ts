// What reports group by: a customer's category and region (free text, e.g.
// 'retail', 'south'), and the disposition (call reason / outcome code of the
// configuration's `dispositions`) an agent gives a call at wrap-up, with a
// short note. All nullable: older rows have none.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.addColumn('customers', 'category', { type: DataTypes.STRING(64), allowNull: true }, { transaction });
  await qi.addColumn('customers', 'region', { type: DataTypes.STRING(64), allowNull: true }, { transaction });
  await qi.addColumn('call_records', 'disposition', { type: DataTypes.STRING(32), allowNull: true }, { transaction });
  await qi.addColumn('call_records', 'disposition_note', { type: DataTypes.TEXT, allowNull: true }, { transaction });
  await qi.addIndex('customers', ['category'], { name: 'customers_category', transaction });
  await qi.addIndex('customers', ['region'], { name: 'customers_region', transaction });
  await qi.addIndex('call_records', ['disposition'], { name: 'call_records_disposition', transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.removeIndex('call_records', 'call_records_disposition', { transaction });
  await qi.removeIndex('customers', 'customers_region', { transaction });
  await qi.removeIndex('customers', 'customers_category', { transaction });
  await qi.removeColumn('call_records', 'disposition_note', { transaction });
  await qi.removeColumn('call_records', 'disposition', { transaction });
  await qi.removeColumn('customers', 'region', { transaction });
  await qi.removeColumn('customers', 'category', { transaction });
}
