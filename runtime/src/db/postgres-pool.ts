// The `pg` connection pool for a PostgreSQL server, with the runtime's type parsers (money and
// dates as strings) applied per pool rather than through pg's process-wide registry, and its
// statements prepared once per connection.
import { createHash } from 'node:crypto';
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

/** Distinct statements prepared per connection; more run unprepared (parsed and planned each time). */
const PREPARED_PER_CONNECTION = 500;
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
const RESULT_TYPE_CHANGED = 'cached plan must not change result type';

/** Digests of statement texts already seen (a write statement's text is kilobytes: hash it once). */
const digests = new Map<string, string>();

function statementDigest(text: string): string {
  let digest = digests.get(text);
  if (digest === undefined) {
    digest = createHash('sha1').update(text).digest('base64url');
    if (digests.size >= PREPARED_PER_CONNECTION) digests.clear();
    digests.set(text, digest);
  }
  return digest;
}

/**
 * A connection that prepares each data statement it runs (by a name derived from its text) and
 * reuses the server's parse and plan on the next run: Kysely sends the same text for the same
 * query shape, with the values as parameters. Planning a write of several CTEs costs more than
 * executing it, so this halves the server's work on the request path. A schema change under a
 * prepared `select *` (a migration by another process) fails that statement once; the
 * connection then prepares under new names.
 */
class PreparingClient extends pg.Client {
  #prepared = new Set<string>();
  #generation = 0;

  override query(config: unknown, values?: unknown, callback?: unknown): any {
    if (typeof config !== 'string' || callback !== undefined || typeof values === 'function' || !DATA_STATEMENT.test(config)) {
      return (super.query as (...args: unknown[]) => unknown)(config, values, callback);
    }
    const name = `pz${this.#generation}_${statementDigest(config)}`;
    if (!this.#prepared.has(name)) {
      if (this.#prepared.size >= PREPARED_PER_CONNECTION) return (super.query as (...args: unknown[]) => unknown)(config, values, callback);
      this.#prepared.add(name);
    }
    const result = (super.query as (...args: unknown[]) => Promise<unknown>)({ name, text: config, values });
    return result.catch((error: unknown) => {
      if (error instanceof Error && error.message.includes(RESULT_TYPE_CHANGED)) {
        this.#generation++;
        this.#prepared.clear();
      }
      throw error;
    });
  }
}

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
    Client: PreparingClient,
    types: runtimeTypes,
    options: '-c TimeZone=UTC',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
