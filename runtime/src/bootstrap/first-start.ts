// What the service does on its first start: issue the first admin API key (shown once) and load
// the example products as published versions, authored and published by the system, with the
// demo portfolio on them (demo-portfolio.ts) unless PLAZO_DEMO_PORTFOLIO=false.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { issueApiKey } from '../auth/api-key-issuer.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { createProduct, publishDraft } from '../products/product-catalog.ts';
import { compileProductSource } from '../products/product-compiler.ts';
import { countApiKeys } from '../repositories/api-key.repository.ts';
import { isPolicyText } from '@plazo/dsl';
import { seedDemoPortfolio } from './demo-portfolio.ts';

/** On a database without any API key, issues an admin key and returns it (else null). */
export async function ensureFirstAdminKey(db: Kysely<Database>, clock: Clock): Promise<string | null> {
  if ((await countApiKeys(db)) > 0) return null;
  const { key } = await issueApiKey(db, { name: 'first admin', role: 'admin' }, { actor: 'system', at: clock.now().toISOString() });
  return key;
}

export interface ExampleLoad {
  readonly file: string;
  readonly code?: string;
  readonly version?: number;
  /** Why the file was skipped. */
  readonly skipped?: string;
}

/**
 * Publishes every `*.plazo` in `dir` as version 1 of its product, when the database has no
 * products yet. Files that do not compile are skipped and reported, never half-loaded.
 */
export async function loadExampleProducts(
  db: Kysely<Database>,
  dir: string,
  clock: Clock,
  logger: Logger,
  options: { demoPortfolio?: boolean } = {},
): Promise<ExampleLoad[]> {
  const existing = await db.selectFrom('products').select('id').limit(1).execute();
  if (existing.length > 0) return [];
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.plazo')).sort();
  } catch {
    logger.warn('no examples directory', { dir });
    return [];
  }
  const loaded: ExampleLoad[] = [];
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8');
    if (isPolicyText(source)) continue; // the PLD policy (pld.plazo): loadDefaultPolicy loads it
    try {
      const { ir, diagnostics } = await compileProductSource(source);
      if (!ir) {
        const first = diagnostics.find((d) => d.severity === 'error');
        loaded.push({ file, skipped: `does not compile: ${first ? `${first.code}: ${first.message}` : 'errors'}` });
        continue;
      }
      const at = clock.now().toISOString();
      await createProduct(db, { code: ir.code, name: ir.name, source }, { actor: 'system', at });
      // The system publishes what it ships: the examples' warnings acknowledged as such.
      const codes = [...new Set(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code))];
      const acknowledgeWarnings = codes.length > 0 ? { codes, reason: 'example bundled with Plazo, published by the system at first start' } : undefined;
      const { version } = await publishDraft(db, ir.code, { acknowledgeWarnings }, { actor: 'system', at, selfApproved: true });
      loaded.push({ file, code: ir.code, version: version.version });
    } catch (error) {
      if (error instanceof AppError) loaded.push({ file, skipped: `${error.code}: ${error.message}` });
      else throw error;
    }
  }
  for (const l of loaded) {
    if (l.skipped) logger.warn('example product skipped', { file: l.file, reason: l.skipped });
    else logger.info('example product published', { file: l.file, code: l.code, version: l.version });
  }
  // The demo portfolio (PLAZO_DEMO_PORTFOLIO, default on) on the examples just published.
  if (options.demoPortfolio && loaded.some((l) => !l.skipped)) {
    const demo = await seedDemoPortfolio(db, clock, logger);
    if (demo.loans > 0) {
      logger.info(`Demo portfolio: ${demo.loans} loans, end of day through ${demo.eodThrough} (PLAZO_DEMO_PORTFOLIO=false to skip)`, {
        payments: demo.payments,
        seconds: Number(demo.seconds.toFixed(1)),
      });
    }
  }
  return loaded;
}
