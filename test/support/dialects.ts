// The databases a persistence or API test runs on: a fresh SQLite file, and a
// fresh database on a real PostgreSQL server (test/support/postgres.ts) when
// one can be started; otherwise that variant is skipped with the reason in its
// name, and the reason is printed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { startPostgres } from './postgres.ts';

export interface Dialect {
  name: 'sqlite' | 'postgres';
  /** why this variant cannot run here */
  skip?: string;
  /** a new, empty database */
  url(): Promise<string>;
}

export function dialects(): Dialect[] {
  const pg = startPostgres();
  if (pg.skip) process.stderr.write(`[postgres] the PostgreSQL variant skips: ${pg.skip}\n`);
  afterAll(() => pg.server?.stop());
  return [
    { name: 'sqlite', url: async () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'boardcti-db-')), 'test.sqlite')}` },
    { name: 'postgres', ...(pg.skip ? { skip: pg.skip } : {}), url: () => pg.server!.createDatabase() },
  ];
}

export function title(d: Dialect): string {
  return d.skip ? `${d.name} (skipped: ${d.skip})` : d.name;
}
