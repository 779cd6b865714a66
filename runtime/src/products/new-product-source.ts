// Where a new product's first draft comes from: text sent as is, a template (product-templates.ts)
// or a copy of a published version, the last two under the new product's code, name and currency
// (the dsl's retitleProduct, which formats the result). Bad choices are 422 naming the field.
import type { Executor } from '../db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { findLatestVersion, findProductByCode, findVersion } from '../repositories/product.repository.ts';
import { retitleProductSource } from './product-compiler.ts';
import { findProductTemplate, listProductTemplates } from './product-templates.ts';

/** What `POST /products` says the first draft starts from (exactly one of the three). */
export type NewProductOrigin =
  | { readonly source: string }
  | { readonly template: string; readonly currency?: string | undefined }
  | { readonly copyFrom: { readonly product: string; readonly version?: number | undefined }; readonly currency?: string | undefined };

/** For the audit entry: which template, or which version was copied. */
export type OriginDetails = { readonly template: string } | { readonly copiedFrom: { readonly code: string; readonly version: number } } | Record<string, never>;

/**
 * The first draft's text for a product `code` named `name`, and where it came from.
 * @example await newProductSource(db, { code: 'nomina_2026', name: 'Nómina 2026' }, { template: 'nomina' })
 */
export async function newProductSource(
  db: Executor,
  identity: { readonly code: string; readonly name: string },
  origin: NewProductOrigin,
  templatesDir?: string,
): Promise<{ source: string; details: OriginDetails }> {
  if ('source' in origin) return { source: origin.source, details: {} };
  let base: string;
  let details: OriginDetails;
  let field: string;
  if ('template' in origin) {
    field = 'template';
    const template = await findProductTemplate(origin.template, templatesDir);
    if (!template) {
      const ids = (await listProductTemplates(templatesDir)).map((t) => `\`${t.id}\``).join(', ');
      throw new ValidationError([{ path: 'template', message: `no template \`${origin.template}\`; the templates are ${ids}` }]);
    }
    base = template.source;
    details = { template: template.id };
  } else {
    field = 'copyFrom';
    const product = await findProductByCode(db, origin.copyFrom.product);
    if (!product) throw new NotFoundError('product', origin.copyFrom.product);
    const version =
      origin.copyFrom.version === undefined ? await findLatestVersion(db, product.id) : await findVersion(db, product.id, origin.copyFrom.version);
    if (!version) {
      if (origin.copyFrom.version !== undefined) throw new NotFoundError('product version', `${product.code}@${origin.copyFrom.version}`);
      throw new ConflictError('no-published-version', `product \`${product.code}\` has no published version to copy`, { code: product.code });
    }
    base = version.source;
    details = { copiedFrom: { code: product.code, version: version.version } };
  }
  const retitled = await retitleProductSource(base, { code: identity.code, name: identity.name, ...(origin.currency ? { currency: origin.currency } : {}) });
  if (retitled.diagnostics.length > 0) {
    throw new ValidationError(
      retitled.diagnostics.map((d) => ({ path: d.code === 'invalid-product-name' ? 'name' : d.code === 'invalid-currency' ? 'currency' : d.code === 'invalid-product-code' ? 'code' : field, message: d.message })),
    );
  }
  return { source: retitled.text, details };
}
