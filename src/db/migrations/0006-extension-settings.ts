// Per-extension call settings that outlive a restart: do not disturb,
// forwarding (always / busy / no answer, and how long a no-answer forward
// lets the phone ring) and the camp-on requests the extension has made.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'extension_settings',
    {
      extension: { type: DataTypes.STRING(16), primaryKey: true },
      dnd: { type: DataTypes.BOOLEAN, allowNull: false },
      // { always?: '103', busy?: '0139...', 'no-answer'?: '104' }
      forward: { type: DataTypes.JSON, allowNull: false },
      no_answer_ms: { type: DataTypes.INTEGER, allowNull: true },
      // the extensions this one waits for, oldest first
      camp_on: { type: DataTypes.JSON, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('extension_settings', { transaction });
}
