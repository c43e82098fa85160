// Migrations with umzug: the numbered files of ./migrations (0001-*.ts, ...)
// in name order. Each runs in one transaction together with the row that
// records it, so a failed migration leaves neither half a schema nor a claim
// that it ran (SQLite and PostgreSQL both have transactional DDL).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataTypes, type QueryInterface, type Transaction } from 'sequelize';
import { Umzug, type UmzugStorage } from 'umzug';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const TABLE = 'schema_migrations';

/** What a migration file's up() and down() receive. */
export interface MigrationContext {
  qi: QueryInterface;
  transaction: Transaction;
  dialect: string;
}

export interface MigrationModule {
  up(ctx: MigrationContext): Promise<void>;
  down(ctx: MigrationContext): Promise<void>;
}

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.(ts|js)$/.test(f))
    .sort();
}

async function ensureTable(db: Database): Promise<void> {
  const qi = db.sequelize.getQueryInterface();
  const tables = (await qi.showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
  if (!tables.includes(TABLE)) {
    await qi.createTable(TABLE, {
      name: { type: DataTypes.STRING(128), primaryKey: true },
      applied_at: { type: DataTypes.DATE, allowNull: false },
    });
  }
}

export function migrator(db: Database, dir = MIGRATIONS_DIR): Umzug<Database> {
  const qi = db.sequelize.getQueryInterface();
  const storage: UmzugStorage<Database> = {
    async executed() {
      await ensureTable(db);
      const [rows] = await db.sequelize.query(`SELECT name FROM ${TABLE} ORDER BY name`);
      return (rows as { name: string }[]).map((r) => r.name);
    },
    // Logged inside the migration's own transaction, below.
    async logMigration() {},
    async unlogMigration() {},
  };
  const step = (name: string, file: string, dir_: 'up' | 'down') => async () => {
    const mod = (await import(pathToFileURL(file).href)) as MigrationModule;
    await db.tx(async (transaction) => {
      await mod[dir_]({ qi, transaction, dialect: db.dialect });
      if (dir_ === 'up') await qi.bulkInsert(TABLE, [{ name, applied_at: new Date() }], { transaction });
      else await qi.bulkDelete(TABLE, { name }, { transaction });
    });
  };
  return new Umzug<Database>({
    context: db,
    storage,
    logger: undefined,
    migrations: migrationFiles(dir).map((f) => {
      const name = f.replace(/\.(ts|js)$/, '');
      const file = join(dir, f);
      return { name, up: step(name, file, 'up'), down: step(name, file, 'down') };
    }),
  });
}
