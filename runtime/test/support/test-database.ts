// Databases for tests: in-memory PGlite always; PostgreSQL too when DATABASE_URL is set, each
// test file in a fresh database of its own (created on the server, dropped afterwards).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';
import { openDatabase } from '../../src/db/open-database.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The databases this run tests against. */
export const DATABASE_KINDS: readonly DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  readonly kind: DatabaseKind;
  readonly db: Kysely<Database>;
  /** For PostgreSQL: the URL of this test's own database. */
  readonly connectionString?: string;
  /** Closes the database and, for PostgreSQL, drops it. */
  destroy(): Promise<void>;
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(process.env.DATABASE_URL!, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens an empty database of `kind`, migrated unless `migrate` is false. */
export async function openTestDatabase(kind: DatabaseKind, migrate = true): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const { db } = await openDatabase({ kind: 'pglite' });
    if (migrate) await migrateToLatest(db);
    return { kind, db, destroy: () => db.destroy() };
  }
  const name = `plazo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const connectionString = withDatabase(process.env.DATABASE_URL!, name);
  const { db } = await openDatabase({ kind: 'postgres', connectionString, poolSize: 20 });
  if (migrate) await migrateToLatest(db);
  return {
    kind,
    db,
    connectionString,
    destroy: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
