// Resolves a product code (and optional version) to the immutable published version decisions,
// quotes and loans are pinned to; versions never change, so their IR is cached in memory.
import type { ProductIR } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import { AppError, ConflictError, NotFoundError } from '../errors.ts';

export interface PinnedVersion {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly productStatus: 'draft' | 'active' | 'retired';
  readonly ir: ProductIR;
}

const CACHE_LIMIT = 256;
/** IR by product version id: the same object every time, so the engine's per-IR caches hit. */
const irCache = new Map<string, ProductIR>();

function remember(id: string, ir: unknown): ProductIR {
  let cached = irCache.get(id);
  if (!cached) {
    cached = Object.freeze(ir) as ProductIR;
    if (irCache.size >= CACHE_LIMIT) irCache.delete(irCache.keys().next().value!);
    irCache.set(id, cached);
  }
  return cached;
}

/**
 * The published version `version` of product `code`, or its latest. 404 `not-found` for an unknown
 * product or version, 409 `product-not-published` when it has no version yet, and with
 * `forNewBusiness` 409 `product-retired` for a retired product.
 */
export async function resolveVersion(
  db: Executor,
  code: string,
  version: number | undefined,
  options: { forNewBusiness: boolean },
): Promise<PinnedVersion> {
  let query = db
    .selectFrom('products')
    .leftJoin('product_versions', 'product_versions.product_id', 'products.id')
    .select(['products.code', 'products.status', 'product_versions.id as version_id', 'product_versions.version'])
    .where('products.code', '=', code);
  query = version === undefined ? query.orderBy('product_versions.version', 'desc').limit(1) : query.where('product_versions.version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) throw new NotFoundError(version === undefined ? 'product' : 'product version', version === undefined ? code : `${code}@${version}`);
  if (row.version_id === null || row.version === null) {
    throw new ConflictError('product-not-published', `product \`${code}\` has no published version`, { code });
  }
  if (options.forNewBusiness && row.status === 'retired') {
    throw new ConflictError('product-retired', `product \`${code}\` is retired: no new decisions or loans`, { code });
  }
  return { id: row.version_id, code: row.code, version: row.version, productStatus: row.status, ir: await irOf(db, row.version_id) };
}

/** The IR of a product version by id (cached). */
export async function irOf(db: Executor, versionId: string): Promise<ProductIR> {
  const cached = irCache.get(versionId);
  if (cached) return cached;
  const row = await db.selectFrom('product_versions').select('ir').where('id', '=', versionId).executeTakeFirst();
  if (!row) throw new AppError(404, 'not-found', `product version \`${versionId}\` does not exist`);
  return remember(versionId, row.ir);
}

const labelCache = new Map<string, { code: string; version: number }>();

/** The code and number of a product version by id (cached: versions never change). */
export async function versionLabel(db: Executor, versionId: string): Promise<{ code: string; version: number }> {
  const cached = labelCache.get(versionId);
  if (cached) return cached;
  const row = await db
    .selectFrom('product_versions')
    .innerJoin('products', 'products.id', 'product_versions.product_id')
    .select(['products.code', 'product_versions.version'])
    .where('product_versions.id', '=', versionId)
    .executeTakeFirstOrThrow();
  const label = Object.freeze({ code: row.code, version: row.version });
  if (labelCache.size >= CACHE_LIMIT) labelCache.delete(labelCache.keys().next().value!);
  labelCache.set(versionId, label);
  return label;
}
