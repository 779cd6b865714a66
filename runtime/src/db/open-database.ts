// Opens the runtime's database: PostgreSQL through `pg` when a connection string is given,
// embedded PGlite otherwise (on disk under a data directory, or in memory for tests).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.ts';
import { PGliteDialect } from './pglite.dialect.ts';
import { createPostgresPool } from './postgres-pool.ts';

export type DatabaseTarget =
  | {
      readonly kind: 'postgres';
      readonly connectionString: string;
      readonly poolSize?: number;
      readonly onIdleError?: (error: Error) => void;
    }
  | { readonly kind: 'pglite'; readonly dataDir?: string };

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseTarget['kind'];
  /** Where the data lives, for messages: the server (password hidden) or the directory. */
  readonly location: string;
}

/**
 * Opens a database; `db.destroy()` closes it (pool or PGlite instance).
 *
 * @example
 * const { db } = await openDatabase({ kind: 'pglite' }); // in memory
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  if (target.kind === 'postgres') {
    const pool = createPostgresPool({
      connectionString: target.connectionString,
      ...(target.poolSize === undefined ? {} : { max: target.poolSize }),
      ...(target.onIdleError === undefined ? {} : { onIdleError: target.onIdleError }),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', location: redactConnectionString(target.connectionString) };
  }
  let pglite: PGlite;
  if (target.dataDir === undefined) {
    pglite = await PGlite.create();
  } else {
    const dir = join(target.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    pglite = await PGlite.create(dir);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', location: target.dataDir === undefined ? 'memory' : join(target.dataDir, 'pglite') };
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`: never print a password. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparseable connection string>';
  }
}
