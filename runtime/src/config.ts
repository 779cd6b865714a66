// The runtime's settings, from environment variables (documented in runtime/README.md).
import { resolve } from 'node:path';
import type { LintThresholds } from '@plazo/dsl';
import type { DatabaseTarget } from './db/open-database.ts';
import type { DocumentStoreConfig } from './documents/document-store.ts';

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
  /**
   * Reverse proxies in front of the service whose `X-Forwarded-For` / `X-Forwarded-Proto` are
   * believed (0: none, the socket is the client). See runtime/README.md, "Security".
   */
  readonly trustProxy?: number | undefined;
  /** Extra origins (`https://plazo.example.mx`) the studio is served from, for the cross-site check. */
  readonly publicOrigins?: readonly string[] | undefined;
  /** The institution's lint thresholds for checking drafts: `<dataDir>/plazo.config.json`, read at start (server.ts); unset = the language's defaults. */
  readonly lints?: Partial<LintThresholds> | undefined;
  /** Where clients' document bytes live (PLAZO_DOCUMENTS_*); unset = the directory `<dataDir>/documents`. */
  readonly documents?: DocumentStoreConfig | undefined;
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
  const timeZone = timeZoneFrom(env);
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
    ...proxyConfig(env),
    documents: documentsConfig(env, cwd, dataDir),
  };
}

/**
 * PLAZO_DOCUMENTS_S3_BUCKET (+ _ENDPOINT, _REGION, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY): an
 * S3-compatible bucket; otherwise the directory PLAZO_DOCUMENTS_DIR (default `<dataDir>/documents`).
 */
export function documentsConfig(env: NodeJS.ProcessEnv, cwd: string, dataDir: string): DocumentStoreConfig {
  const bucket = env.PLAZO_DOCUMENTS_S3_BUCKET || undefined;
  if (bucket === undefined) {
    const stray = ['PLAZO_DOCUMENTS_S3_ENDPOINT', 'PLAZO_DOCUMENTS_S3_ACCESS_KEY_ID', 'PLAZO_DOCUMENTS_S3_SECRET_ACCESS_KEY'].filter((k) => env[k]);
    if (stray.length > 0) throw new ConfigError(`${stray.join(', ')} set without PLAZO_DOCUMENTS_S3_BUCKET`);
    return { kind: 'fs', dir: resolve(cwd, env.PLAZO_DOCUMENTS_DIR || resolve(dataDir, 'documents')) };
  }
  if (env.PLAZO_DOCUMENTS_DIR) throw new ConfigError('set PLAZO_DOCUMENTS_DIR or PLAZO_DOCUMENTS_S3_BUCKET, not both');
  const endpoint = env.PLAZO_DOCUMENTS_S3_ENDPOINT || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]+\/?$/.test(endpoint)) throw new ConfigError(`PLAZO_DOCUMENTS_S3_ENDPOINT must be like \`https://s3.example.mx\` (scheme, host, port; no path), got \`${endpoint}\``);
  const accessKeyId = env.PLAZO_DOCUMENTS_S3_ACCESS_KEY_ID || '';
  const secretAccessKey = env.PLAZO_DOCUMENTS_S3_SECRET_ACCESS_KEY || '';
  if (!accessKeyId || !secretAccessKey) throw new ConfigError('PLAZO_DOCUMENTS_S3_BUCKET needs PLAZO_DOCUMENTS_S3_ACCESS_KEY_ID and PLAZO_DOCUMENTS_S3_SECRET_ACCESS_KEY');
  return { kind: 's3', endpoint, bucket, region: env.PLAZO_DOCUMENTS_S3_REGION || 'us-east-1', accessKeyId, secretAccessKey };
}

/** The institution's time zone of business dates: PLAZO_TIME_ZONE (an IANA name), default America/Mexico_City. */
export function timeZoneFrom(env: NodeJS.ProcessEnv = process.env): string {
  const timeZone = env.PLAZO_TIME_ZONE || 'America/Mexico_City';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new ConfigError(`PLAZO_TIME_ZONE \`${timeZone}\` is not a known time zone`);
  }
  return timeZone;
}

/** PLAZO_TRUST_PROXY (hops) and PLAZO_ORIGIN (comma-separated origins). */
function proxyConfig(env: NodeJS.ProcessEnv): Pick<RuntimeConfig, 'trustProxy' | 'publicOrigins'> {
  const raw = env.PLAZO_TRUST_PROXY || '0';
  const trustProxy = Number(raw);
  if (!/^\d+$/.test(raw) || trustProxy > 10) throw new ConfigError(`PLAZO_TRUST_PROXY must be the number of proxies in front (0 to 10), got \`${raw}\``);
  const publicOrigins = (env.PLAZO_ORIGIN ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new ConfigError(`PLAZO_ORIGIN must list origins like \`https://plazo.example.mx\`, got \`${o}\``);
      }
      if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== o.replace(/\/$/, '')) {
        throw new ConfigError(`PLAZO_ORIGIN must list origins like \`https://plazo.example.mx\` (scheme, host, port; no path), got \`${o}\``);
      }
      return url.origin;
    });
  return { trustProxy, ...(publicOrigins.length ? { publicOrigins } : {}) };
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
