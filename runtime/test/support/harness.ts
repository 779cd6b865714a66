// One app per test file and database kind: a migrated database, the app on a fixed clock, an
// admin API key, keys for each role, and a small request helper over app.request().
import { createApp, type PlazoApp } from '../../src/app.ts';
import { issueApiKey } from '../../src/auth/api-key-issuer.ts';
import { ROLES } from '../../src/auth/permissions.ts';
import { fixedClock } from '../../src/clock.ts';
import { testConfig, type RuntimeConfig } from '../../src/config.ts';
import type { RoleName } from '../../src/db/tables/columns.ts';
import { memoryLogger } from '../../src/logger.ts';
import { openTestDatabase, type DatabaseKind, type TestDatabase } from './test-database.ts';

export const TEST_NOW = '2025-01-06T16:00:00.000Z';

export interface Harness extends TestDatabase {
  readonly app: PlazoApp;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly logs: string[];
  /** An API key for each role. */
  readonly keys: Readonly<Record<RoleName, string>>;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
}

export interface RequestOptions {
  /** API key (sent as Bearer) or null for none; default: the admin key. */
  readonly key?: string | null;
  readonly cookie?: string;
  /** JSON-encoded unless a string (sent as is). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
  readonly text: string;
}

/** Opens the database, migrates, builds the app and issues one key per role. */
export async function startHarness(kind: DatabaseKind, config: Partial<RuntimeConfig> = {}): Promise<Harness> {
  const database = await openTestDatabase(kind);
  const clock = fixedClock(TEST_NOW);
  const logger = memoryLogger('debug');
  const app = createApp({ db: database.db, clock, logger, config: testConfig({ logLevel: 'debug', ...config }) });
  const keys = {} as Record<RoleName, string>;
  for (const role of ROLES) {
    const { key } = await issueApiKey(database.db, { name: `test ${role}`, role }, { actor: 'system', at: TEST_NOW });
    keys[role] = key;
  }
  const request = async (method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? keys.admin : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return { ...database, app, clock, logs: logger.lines, keys, request };
}
