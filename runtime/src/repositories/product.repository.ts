// Data access for products, their drafts and their immutable published versions.
import type { Executor } from '../db/database.ts';
import type { NewProductDraftRow, ProductDraftRow, ProductDraftUpdate } from '../db/tables/product-drafts.table.ts';
import type { NewProductVersionRow, ProductVersionRow } from '../db/tables/product-versions.table.ts';
import type { NewProductRow, ProductRow, ProductUpdate } from '../db/tables/products.table.ts';

export async function insertProduct(db: Executor, row: NewProductRow): Promise<ProductRow> {
  return db.insertInto('products').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The product with this code; `lock` takes a row lock until the transaction ends. */
export async function findProductByCode(db: Executor, code: string, lock = false): Promise<ProductRow | undefined> {
  let query = db.selectFrom('products').selectAll().where('code', '=', code);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function updateProduct(db: Executor, id: string, changes: ProductUpdate): Promise<ProductRow> {
  return db.updateTable('products').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Products with their latest version number (null when never published), by code. */
export async function listProductsWithLatest(db: Executor): Promise<(ProductRow & { latest_version: number | null })[]> {
  return db
    .selectFrom('products')
    .selectAll('products')
    .select((eb) =>
      eb
        .selectFrom('product_versions')
        .select((e) => e.fn.max('version').as('v'))
        .whereRef('product_versions.product_id', '=', 'products.id')
        .as('latest_version'),
    )
    .orderBy('code')
    .execute() as Promise<(ProductRow & { latest_version: number | null })[]>;
}

export async function insertDraft(db: Executor, row: NewProductDraftRow): Promise<ProductDraftRow> {
  return db.insertInto('product_drafts').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findDraft(db: Executor, productId: string): Promise<ProductDraftRow | undefined> {
  return db.selectFrom('product_drafts').selectAll().where('product_id', '=', productId).executeTakeFirst();
}

export async function updateDraft(db: Executor, productId: string, changes: ProductDraftUpdate): Promise<ProductDraftRow> {
  return db.updateTable('product_drafts').set(changes).where('product_id', '=', productId).returningAll().executeTakeFirstOrThrow();
}

export async function insertVersion(db: Executor, row: NewProductVersionRow): Promise<ProductVersionRow> {
  return db.insertInto('product_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Version summaries (no source, no IR), newest first. */
export async function listVersions(db: Executor, productId: string) {
  return db
    .selectFrom('product_versions')
    .select(['id', 'version', 'content_hash', 'ir_hash', 'author', 'makers', 'publisher', 'warnings_acknowledged', 'published_at'])
    .where('product_id', '=', productId)
    .orderBy('version', 'desc')
    .execute();
}

export async function findVersion(db: Executor, productId: string, version: number): Promise<ProductVersionRow | undefined> {
  return db.selectFrom('product_versions').selectAll().where('product_id', '=', productId).where('version', '=', version).executeTakeFirst();
}

export async function findLatestVersion(db: Executor, productId: string): Promise<ProductVersionRow | undefined> {
  return db
    .selectFrom('product_versions')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
