// Migrations from an empty database, on SQLite and PostgreSQL: every numbered
// file applied in order and recorded, a second run applies nothing, down
// removes every table, and a failing migration leaves neither its tables nor
// its record behind (one transaction each).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database, openDatabase } from '../../src/db/database.ts';
import { migrationFiles, migrator } from '../../src/db/migrate.ts';
import { dialects, title } from '../support/dialects.ts';

const TABLES = [
  'agent_events',
  'agent_status',
  'blacklist',
  'call_legs',
  'call_records',
  'contacts',
  'customer_history',
  'customer_phones',
  'customers',
  'extension_settings',
  'holiday_lists',
  'ivr_flow_versions',
  'ivr_flows',
  'messages',
  'queues',
  'schedules',
  'sessions',
  'users',
];

async function tables(db: Database): Promise<string[]> {
  const all = await db.sequelize.getQueryInterface().showAllTables();
  return all
    .map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName))
    .filter((t) => t !== 'schema_migrations')
    .sort();
}

for (const d of dialects()) {
  describe.skipIf(!!d.skip)(`migrations on ${title(d)}`, () => {
    it('go up from empty, record each, run once, and come down', async () => {
      const db = await openDatabase({ url: await d.url(), migrate: false });
      try {
        expect(await tables(db)).toEqual([]);
        const applied = await db.migrate();
        expect(applied).toEqual(migrationFiles().map((f) => f.replace(/\.ts$/, '')));
        expect(applied[0]).toBe('0001-accounts');
        expect(await tables(db)).toEqual(TABLES);
        expect(await db.migrate()).toEqual([]);
        const [rows] = await db.sequelize.query('SELECT name FROM schema_migrations ORDER BY name');
        expect((rows as { name: string }[]).map((r) => r.name)).toEqual(applied);

        await migrator(db).down({ to: 0 });
        expect(await tables(db)).toEqual([]);
        expect(await db.migrate()).toEqual(applied);
      } finally {
        await db.close();
      }
    });

    it('a failing migration leaves nothing half done', async () => {
      const db = await openDatabase({ url: await d.url(), migrate: false });
      try {
        const m = migrator(db, join(import.meta.dirname, 'fixtures', 'broken-migrations'));
        await expect(m.up()).rejects.toThrow();
        expect(await tables(db)).toEqual(['good']);
        expect((await m.executed()).map((x) => x.name)).toEqual(['0001-good']);
        expect((await m.pending()).map((x) => x.name)).toEqual(['0002-broken']);
      } finally {
        await db.close();
      }
    });

    it('opens by URL and refuses what it does not know', async () => {
      await expect(openDatabase({ url: 'mysql://x' })).rejects.toMatchObject({ code: 'CTI_ERR_BAD_ARGUMENT' });
      const db = await openDatabase({ url: await d.url() });
      expect(db.dialect).toBe(d.name);
      await db.close();
    });
  });
}
