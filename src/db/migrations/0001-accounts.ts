// Accounts (agents, supervisors, admins, technicians) and their login sessions.
// Agents' live state (ready, on-call...) is not here: the ACD keeps it.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.createTable(
    'users',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(128), allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false },
      // the number an agent keys on the desk phone (*11 number # PIN #)
      agent_number: { type: DataTypes.STRING(16), allowNull: true, unique: true },
      extension: { type: DataTypes.STRING(8), allowNull: true },
      password_hash: { type: DataTypes.STRING(256), allowNull: false },
      pin_hash: { type: DataTypes.STRING(256), allowNull: true },
      skills: { type: DataTypes.JSON, allowNull: false },
      groups: { type: DataTypes.JSON, allowNull: false },
      enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  await qi.createTable(
    'sessions',
    {
      // sha-256 of the token: a stolen database does not log anyone in
      token_hash: { type: DataTypes.STRING(64), primaryKey: true },
      user_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' },
      expires_at: { type: DataTypes.DATE, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  await qi.addIndex('sessions', ['user_id'], { transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.dropTable('sessions', { transaction });
  await qi.dropTable('users', { transaction });
}
