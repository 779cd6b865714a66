// The runtime's settings, from environment variables (documented in runtime/README.md).
import { resolve } from 'node:path';
import type { LintThresholds } from '@plazo/dsl';
import type { DatabaseTarget } from './db/open-database.ts';

export interface RuntimeConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  /** Directory for embedded data (PGlite) and the process lock. */
  readonly dataDir: string;
  /** IANA time zone of business dates. */
  readonly timeZone: string;
  /** Studio session lifetime in seconds. */
  readonly sessionTtlSeconds: number;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Load examples/*.plazo as published products on first start. */
  readonly loadExamples: boolean;
  /** Seed the demo portfolio (loans, payments, end of day through yesterday) on first start, after the examples. */
  readonly demoPortfolio: boolean;
  /** Nightly end of day in the service: HH:MM (lender's time zone) after which yesterday is closed; unset = off. */
  readonly eodAt?: string | undefined;
  /** Notification delivery: a webhook (URL + HMAC secret) or a JSON-lines file for development; unset = off. */
  readonly notifications?: { readonly webhookUrl?: string; readonly webhookSecret?: string; readonly file?: string } | undefined;
  /** The institution's lint thresholds for checking drafts: `<dataDir>/plazo.config.json`, read at start (server.ts); unset = the language's defaults. */
  readonly lints?: Partial<LintThresholds> | undefined;
}

/** Problems with the environment, reported at start before anything opens. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Reads the configuration from `env`, relative paths against `cwd`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): RuntimeConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got \`${env.PORT}\``);
  const dataDir = resolve(cwd, env.PLAZO_DATA_DIR || '.plazo');
  const logLevel = (env.LOG_LEVEL || 'info') as RuntimeConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const timeZone = env.PLAZO_TIME_ZONE || 'America/Mexico_City';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new ConfigError(`PLAZO_TIME_ZONE \`${timeZone}\` is not a known time zone`);
  }
  const poolSize = env.PLAZO_DB_POOL_SIZE ? Number(env.PLAZO_DB_POOL_SIZE) : undefined;
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000)) {
    throw new ConfigError(`PLAZO_DB_POOL_SIZE must be a whole number from 1 to 1000, got \`${env.PLAZO_DB_POOL_SIZE}\``);
  }
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: 'postgres', connectionString: env.DATABASE_URL, ...(poolSize === undefined ? {} : { poolSize }) }
    : { kind: 'pglite', dataDir };
  return {
    port,
    host: env.HOST || '127.0.0.1',
    database,
    dataDir,
    timeZone,
    sessionTtlSeconds: 12 * 60 * 60,
    maxBodyBytes: 1024 * 1024,
    logLevel,
    loadExamples: env.PLAZO_LOAD_EXAMPLES !== 'false',
    demoPortfolio: env.PLAZO_DEMO_PORTFOLIO !== 'false',
    ...eodConfig(env, cwd),
  };
}

/** PLAZO_EOD_AT, PLAZO_NOTIFY_WEBHOOK_URL + PLAZO_NOTIFY_WEBHOOK_SECRET, PLAZO_NOTIFY_FILE (issue 7). */
function eodConfig(env: NodeJS.ProcessEnv, cwd: string): Pick<RuntimeConfig, 'eodAt' | 'notifications'> {
  const at = env.PLAZO_EOD_AT || undefined;
  if (at !== undefined && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(at)) throw new ConfigError(`PLAZO_EOD_AT must be HH:MM, got \`${at}\``);
  const url = env.PLAZO_NOTIFY_WEBHOOK_URL || undefined;
  if (url !== undefined && !env.PLAZO_NOTIFY_WEBHOOK_SECRET) throw new ConfigError('PLAZO_NOTIFY_WEBHOOK_URL needs PLAZO_NOTIFY_WEBHOOK_SECRET (the HMAC key)');
  const file = env.PLAZO_NOTIFY_FILE ? resolve(cwd, env.PLAZO_NOTIFY_FILE) : undefined;
  const notifications = url ? { webhookUrl: url, webhookSecret: env.PLAZO_NOTIFY_WEBHOOK_SECRET! } : file ? { file } : undefined;
  return { ...(at ? { eodAt: at } : {}), ...(notifications ? { notifications } : {}) };
}

/** Defaults for tests and embedding: in-memory PGlite, quiet. */
export function testConfig(overrides: Partial<RuntimeConfig> = {}): RuntimeConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'pglite' },
    dataDir: '.plazo',
    timeZone: 'America/Mexico_City',
    sessionTtlSeconds: 12 * 60 * 60,
    maxBodyBytes: 1024 * 1024,
    logLevel: 'silent',
    loadExamples: false,
    demoPortfolio: false,
    ...overrides,
  };
}
