// The Hono environment of every route: the dependencies and request facts handlers read from
// context variables (set by middleware in app.ts, never imported as globals).
import type { Lang } from '@plazo/dsl';
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../clock.ts';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import type { Logger } from '../logger.ts';

export interface AppVariables {
  db: Kysely<Database>;
  clock: Clock;
  config: RuntimeConfig;
  logger: Logger;
  /** Where clients' document bytes live (config.documents). */
  documents: DocumentStore;
  /** Set by hono's requestId middleware; echoed in `X-Request-Id`. */
  requestId: string;
  /** Who is calling; null when the request carries no valid credentials. */
  principal: Principal | null;
  /** The language of the response's messages (`Accept-Language`; request-language.ts). */
  lang: Lang;
}

export interface AppEnv {
  Variables: AppVariables;
}

/**
 * What helpers of a handler take of its context: the variables, read one by one (`c.get`; Hono's
 * `c.var` copies all of them into a new object at every read).
 */
export interface ContextVariables {
  get<K extends keyof AppVariables>(key: K): AppVariables[K];
}
