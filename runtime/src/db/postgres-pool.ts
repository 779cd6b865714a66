// The `pg` connection pool for a PostgreSQL server, with the runtime's type parsers (money and
// dates as strings) applied per pool rather than through pg's process-wide registry.
import pg from 'pg';
import { typeParsers } from './type-parsers.ts';

/** pg's `types` option: our parsers for text-format values, pg's defaults for the rest. */
const runtimeTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = typeParsers[oid];
    if (parser && (format === undefined || format === 'text')) return parser;
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

export interface PostgresPoolOptions {
  readonly connectionString: string;
  /** Connections in the pool (default 10). */
  readonly max?: number;
  /**
   * Called when an idle pooled connection fails (server restart, terminated backend). The pool
   * drops that connection and opens another when needed; without a listener the error would
   * crash the process.
   */
  readonly onIdleError?: (error: Error) => void;
}

/** Creates a pool whose sessions run in UTC and parse values the runtime's way. */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: runtimeTypes,
    options: '-c TimeZone=UTC',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
