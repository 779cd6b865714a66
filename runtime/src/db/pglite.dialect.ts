// A small Kysely dialect over embedded PGlite. PGlite is one PostgreSQL session, so the driver
// lends its single connection to one query or one whole transaction at a time (a mutex): a
// transaction's statements never interleave with another's, and ROLLBACK really discards.
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex.ts';
import { typeParsers } from './type-parsers.ts';

const MUTATING_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    // Without parameters use the simple protocol, which also runs multi-statement SQL (migrations);
    // the last statement's result is the query's result.
    const result =
      parameters.length === 0
        ? (await this.#pglite.exec(sql, { parsers: typeParsers })).at(-1)
        : await this.#pglite.query<R>(sql, [...parameters], { parsers: typeParsers });
    if (!result) return { rows: [] };
    const command = result.command?.toUpperCase();
    if (command !== undefined && MUTATING_COMMANDS.has(command)) {
      const count = result.rowCount ?? result.affectedRows ?? 0;
      return { rows: result.rows as R[], numAffectedRows: BigInt(count) };
    }
    return { rows: result.rows as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the PGlite dialect does not stream; select in pages instead');
  }

  /** Runs a statement and returns its command tag (COMMIT answers ROLLBACK after an error). */
  async command(sql: string): Promise<string | undefined> {
    const results = await this.#pglite.exec(sql);
    return results.at(-1)?.command?.toUpperCase();
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #connection: PGliteConnection;
  readonly #mutex = new Mutex();
  #release: (() => void) | undefined;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.acquire();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(_connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let statement = 'begin';
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await this.#connection.command(statement);
  }

  async commitTransaction(): Promise<void> {
    const tag = await this.#connection.command('commit');
    if (tag === 'ROLLBACK') throw new Error('the transaction was aborted by an earlier error and rolled back');
  }

  async rollbackTransaction(): Promise<void> {
    await this.#connection.command('rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.#savepointCommand(connection, `savepoint`, name, compileQuery);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.#savepointCommand(connection, `rollback to savepoint`, name, compileQuery);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.#savepointCommand(connection, `release savepoint`, name, compileQuery);
  }

  async #savepointCommand(
    connection: DatabaseConnection,
    verb: string,
    name: string,
    _compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid savepoint name \`${name}\``);
    await connection.executeQuery(CompiledQuery.raw(`${verb} ${name}`));
  }

  async destroy(): Promise<void> {
    // Wait for whoever holds the connection, then close.
    const release = await this.#mutex.acquire();
    try {
      if (!this.#pglite.closed) await this.#pglite.close();
    } finally {
      release();
    }
  }
}

/**
 * Kysely dialect for an embedded PGlite instance; Kysely's `destroy()` closes the instance.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create()) });
 */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
