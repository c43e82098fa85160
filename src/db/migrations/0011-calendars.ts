// Shared calendars for IVR flows (src/ivr/schedules.ts): named weekly opening
// hours with a time zone, and named holiday lists (a date or range, its
// name, closed or special hours). Hours, days and the lists a schedule
// follows are JSON.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  const common = {
    name: { type: DataTypes.STRING(64), primaryKey: true },
    description: { type: DataTypes.STRING(256), allowNull: true },
    updated_by: { type: DataTypes.STRING(64), allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  };
  await qi.createTable(
    'schedules',
    {
      ...common,
      timezone: { type: DataTypes.STRING(64), allowNull: true },
      hours: { type: DataTypes.JSON, allowNull: false },
      holidays: { type: DataTypes.JSON, allowNull: false },
    },
    { transaction },
  );
  await qi.createTable('holiday_lists', { ...common, days: { type: DataTypes.JSON, allowNull: false } }, { transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('holiday_lists', { transaction });
  await qi.dropTable('schedules', { transaction });
}
