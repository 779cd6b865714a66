// The running service: opens and migrates the database, does the first-start work, serves the
// app on host:port, and shuts down gracefully (stop accepting, finish requests in flight, close
// the database).
import { backfillPaymentKeys } from './banking/payment-keys.ts';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { ensureFirstAdminKey, loadExampleProducts, type ExampleLoad } from './bootstrap/first-start.ts';
import { loadDefaultPolicy } from './compliance/pld-policy.ts';
import { regradeIdle, regradeInBackground } from './compliance/risk-grades.ts';
import { systemClock, type Clock } from './clock.ts';
import type { RuntimeConfig } from './config.ts';
import { openRuntimeDatabase, type RuntimeDatabase } from './db/runtime-database.ts';
import { jsonLogger, type Logger } from './logger.ts';
import { createStudioServer } from './studio/mount-studio.ts';
import { startBackgroundJobs } from './eod/background-jobs.ts';

export interface RunningService {
  readonly url: string;
  readonly database: RuntimeDatabase;
  /** The first admin API key, on the first start only. */
  readonly firstAdminKey: string | null;
  readonly examples: readonly ExampleLoad[];
  /** Stops accepting, waits for requests in flight (up to `graceMs`), closes the database. */
  stop(graceMs?: number): Promise<void>;
}

const DEFAULT_EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * The first-start work alone (migrations, the first admin key, the examples), then closes the
 * database: what a cluster's primary does once before forking its workers.
 */
export async function prepareService(
  config: RuntimeConfig,
  options: { logger?: Logger; clock?: Clock; examplesDir?: string } = {},
): Promise<{ firstAdminKey: string | null; examples: readonly ExampleLoad[] }> {
  const logger = options.logger ?? jsonLogger(config.logLevel);
  const clock = options.clock ?? systemClock(config.timeZone);
  const database = await openRuntimeDatabase(config, logger);
  try {
    const firstAdminKey = await ensureFirstAdminKey(database.db, clock);
    const examples = config.loadExamples
      ? await loadExampleProducts(database.db, options.examplesDir ?? process.env.PLAZO_EXAMPLES_DIR ?? DEFAULT_EXAMPLES_DIR, clock, logger, { demoPortfolio: config.demoPortfolio })
      : [];
    if (config.loadExamples) await loadDefaultPolicy(database.db, options.examplesDir ?? process.env.PLAZO_EXAMPLES_DIR ?? DEFAULT_EXAMPLES_DIR, clock, logger);
    return { firstAdminKey, examples };
  } finally {
    await database.close();
  }
}

/**
 * Starts the service; resolves once it listens. `firstStart: false` (a cluster worker) skips the
 * first admin key and the examples, which the primary did.
 */
export async function startService(
  config: RuntimeConfig,
  options: { logger?: Logger; clock?: Clock; examplesDir?: string; firstStart?: boolean } = {},
): Promise<RunningService> {
  const firstStart = options.firstStart ?? true;
  const logger = options.logger ?? jsonLogger(config.logLevel);
  const clock = options.clock ?? systemClock(config.timeZone);
  const database = await openRuntimeDatabase(config, logger);
  logger.info('database ready', { database: database.kind, location: database.location, migrationsApplied: database.migrations.applied });
  let server: ServerType | undefined;
  try {
    const firstAdminKey = firstStart ? await ensureFirstAdminKey(database.db, clock) : null;
    const examples = firstStart && config.loadExamples
      ? await loadExampleProducts(database.db, options.examplesDir ?? process.env.PLAZO_EXAMPLES_DIR ?? DEFAULT_EXAMPLES_DIR, clock, logger, { demoPortfolio: config.demoPortfolio })
      : [];
    if (firstStart && config.loadExamples) await loadDefaultPolicy(database.db, options.examplesDir ?? process.env.PLAZO_EXAMPLES_DIR ?? DEFAULT_EXAMPLES_DIR, clock, logger);
    // Clients not graded under the active PLD policy (a new one, or a re-grade cut short) are graded in the background.
    if (firstStart) regradeInBackground(database.db, () => clock.now(), (r) => (r instanceof Error ? logger.warn('risk re-grade failed', { error: r.message }) : r.clients > 0 && logger.info('clients re-graded', { clients: r.clients, ms: Math.round(r.ms) })));
    // Loans still without a payment reference or, under a CLABE range, a CLABE (a backfill cut short, loans written by other tools) get theirs.
    if (firstStart) {
      backfillPaymentKeys(database.db).then(
        (r) => (r.references > 0 || r.clabes > 0) && logger.info('payment keys backfilled', { references: r.references, clabes: r.clabes }),
        (error: unknown) => logger.warn('payment keys backfill failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    }
    const app = createApp({ db: database.db, clock, config, logger });
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve({ fetch: app.fetch, hostname: config.host, port: config.port, createServer: createStudioServer(config) }, (info) => resolve(info));
      server.once('error', reject);
    });
    const url = `http://${config.host}:${address.port}`;
    const jobs = startBackgroundJobs(database.db, config, clock, logger);
    let stopping: Promise<void> | undefined;
    const stop = (graceMs = 10_000) =>
      (stopping ??= (async () => {
        const s = server!;
        await jobs.stop();
        await regradeIdle(database.db);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            logger.warn('requests still in flight after the grace period; closing their connections', { graceMs });
            if ('closeAllConnections' in s) s.closeAllConnections();
          }, graceMs);
          s.close(() => {
            clearTimeout(timer);
            resolve();
          });
          if ('closeIdleConnections' in s) s.closeIdleConnections();
        });
        await database.close();
        logger.info('stopped');
      })());
    logger.info('listening', { url });
    return { url, database, firstAdminKey, examples, stop };
  } catch (error) {
    server?.close();
    await database.close();
    throw error;
  }
}
