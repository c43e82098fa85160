// Each account's own address book (contacts), the short messages between
// accounts (messages, read when read_at is set) and the account's language of
// the console (users.locale: 'zh-CN', 'en' or none chosen).
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.ts';

export async function up({ qi, transaction }: MigrationContext): Promise<void> {
  const user = { type: DataTypes.INTEGER, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE' };
  await qi.createTable(
    'contacts',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      user_id: user,
      name: { type: DataTypes.STRING(128), allowNull: false },
      number: { type: DataTypes.STRING(40), allowNull: false },
      company: { type: DataTypes.STRING(128), allowNull: true },
      note: { type: DataTypes.TEXT, allowNull: true },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { transaction },
  );
  await qi.addIndex('contacts', ['user_id', 'name'], { transaction });
  await qi.createTable(
    'messages',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      from_id: user,
      to_id: user,
      text: { type: DataTypes.TEXT, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
      read_at: { type: DataTypes.DATE, allowNull: true },
    },
    { transaction },
  );
  await qi.addIndex('messages', ['to_id', 'read_at'], { transaction });
  await qi.addIndex('messages', ['from_id'], { transaction });
  await qi.addColumn('users', 'locale', { type: DataTypes.STRING(8), allowNull: true }, { transaction });
}

export async function down({ qi, transaction }: MigrationContext): Promise<void> {
  await qi.removeColumn('users', 'locale', { transaction });
  await qi.dropTable('messages', { transaction });
  await qi.dropTable('contacts', { transaction });
}
