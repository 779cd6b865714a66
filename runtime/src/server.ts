// `pnpm start`: the Plazo service on 127.0.0.1:PORT (default 8080). Prints the URL and, on the
// first start, the admin API key (shown once). SIGTERM or SIGINT stop it gracefully.
//
// With PostgreSQL, `PLAZO_WORKERS=N` (N > 1) runs N service processes (node:cluster) sharing
// the port: the runtime is stateless, so they need nothing from each other. The primary does
// the first-start work once (migrations, examples, first admin key), then forks the workers,
// replaces one that dies, and on SIGTERM/SIGINT stops them all gracefully. Embedded PGlite is one
// process: PLAZO_WORKERS > 1 without DATABASE_URL is a configuration error.
import cluster, { type Worker } from 'node:cluster';
import { ConfigError, loadConfig, type RuntimeConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { InvalidInputError } from '@plazo/engine';
import { dataDirLintConfig } from './products/lint-config.ts';
import { prepareService, startService } from './service.ts';

function workerCount(config: RuntimeConfig): number {
  const raw = process.env.PLAZO_WORKERS;
  const n = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new ConfigError(`PLAZO_WORKERS must be a whole number from 1 to 64, got \`${raw}\``);
  if (n > 1 && config.database.kind !== 'postgres') {
    throw new ConfigError('PLAZO_WORKERS > 1 needs PostgreSQL (DATABASE_URL): embedded PGlite serves from one process');
  }
  return n;
}

function announce(url: string, firstAdminKey: string | null): void {
  const lines = [`Plazo is running at ${url}  (API docs: ${url}/api/docs)`];
  if (firstAdminKey) {
    // The key appears once in the output (a terminal's scrollback, a log collector): the example refers to it.
    lines.push(
      `First admin API key (shown once, store it now): ${firstAdminKey}`,
      `  Try it: export PLAZO_KEY=<the key above>; curl -H "Authorization: Bearer $PLAZO_KEY" ${url}/api/v1/auth/me`,
      `Open ${url} to create the first admin user of the studio.`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function runSingle(config: RuntimeConfig, quiet: boolean): Promise<void> {
  const service = await startService(config, quiet ? { firstStart: false } : {});
  if (!quiet) announce(service.url, service.firstAdminKey);
  const shutdown = (signal: string) => {
    if (!quiet) process.stderr.write(`${signal}: shutting down\n`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  if (!quiet) process.once('SIGINT', () => shutdown('SIGINT'));
}

async function runPrimary(config: RuntimeConfig, workers: number): Promise<void> {
  const { firstAdminKey } = await prepareService(config);
  let stopping = false;
  let announced = false;
  let listening = 0;
  const fork = () => cluster.fork({ PLAZO_CLUSTER_WORKER: '1' });
  cluster.on('listening', (_worker, address) => {
    listening++;
    if (!announced && listening >= workers) {
      announced = true;
      announce(`http://${config.host}:${address.port}`, firstAdminKey);
    }
  });
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: shutting down ${workers} workers\n`);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (alive.length === 0) process.exit(0);
    for (const w of alive) w.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** The config with the institution's lint thresholds from the data directory, when it holds a plazo.config.json. */
async function withLintThresholds(config: RuntimeConfig): Promise<RuntimeConfig> {
  try {
    const lints = await dataDirLintConfig(config.dataDir);
    return lints ? { ...config, lints } : config;
  } catch (error) {
    if (error instanceof InvalidInputError) throw new ConfigError(error.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    throw error;
  }
}

try {
  const config = await withLintThresholds(loadConfig());
  if (cluster.isWorker && process.env.PLAZO_CLUSTER_WORKER === '1') {
    // The primary forwards SIGTERM; a terminal's Ctrl-C reaches the whole group: let the primary lead.
    process.on('SIGINT', () => {});
    await runSingle(config, true);
  } else {
    const workers = workerCount(config);
    if (workers > 1) await runPrimary(config, workers);
    else await runSingle(config, false);
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`plazo: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
