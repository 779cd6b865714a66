// Opens the configured database for the server and the CLI: PostgreSQL when DATABASE_URL is
// set, else the embedded PGlite under the data directory (locked to this process), migrated.
import type { Kysely } from 'kysely';
import type { RuntimeConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { migrateToLatest, type MigrationReport } from './migrator.ts';
import { openDatabase } from './open-database.ts';

export interface RuntimeDatabase {
  readonly db: Kysely<Database>;
  readonly kind: 'postgres' | 'pglite';
  readonly location: string;
  readonly migrations: MigrationReport;
  /** Closes the database and releases the data directory. */
  close(): Promise<void>;
}

/** Opens and migrates the runtime's database. */
export async function openRuntimeDatabase(config: RuntimeConfig, logger?: Logger): Promise<RuntimeDatabase> {
  const target =
    config.database.kind === 'postgres'
      ? { ...config.database, onIdleError: (error: Error) => logger?.warn('idle database connection failed', { error: error.message }) }
      : config.database;
  const release = target.kind === 'pglite' ? await lockDataDir(config.dataDir) : async () => {};
  try {
    const opened = await openDatabase(target);
    try {
      const migrations = await migrateToLatest(opened.db);
      return {
        db: opened.db,
        kind: opened.kind,
        location: opened.location,
        migrations,
        close: async () => {
          try {
            await opened.db.destroy();
          } finally {
            await release();
          }
        },
      };
    } catch (error) {
      await opened.db.destroy();
      throw error;
    }
  } catch (error) {
    await release();
    throw error;
  }
}
