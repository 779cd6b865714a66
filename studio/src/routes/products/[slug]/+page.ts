// The editor route runs only in the browser (Monaco and the language worker need a DOM and
// workers). With the runtime: the product's draft and what the user's role may change in it, its
// versions, the latest published IR (what the backtest compares against) and text, and its latest
// approval request. In `vite dev` without a runtime: the bundled example.
import { error, redirect } from '@sveltejs/kit';
import type { ProductIR } from '@plazo/engine';
import { ApiError, apiClient, type ApprovalRequest, type EditableSections } from '$lib/api/client';
import { exampleProduct } from '$lib/products/example-products';
import type { PageLoad } from './$types';

export const ssr = false;

export interface PublishedProduct {
  readonly version: number;
  /** The published IR (runtime), or the bundled text (vite dev without a runtime). */
  readonly source: { readonly ir: ProductIR } | { readonly text: string };
}

export const load: PageLoad = async ({ params, fetch, parent }) => {
  const { mode, me } = await parent();
  const code = params.slug;
  if (mode === 'runtime') {
    if (!me) redirect(307, `/login?next=${encodeURIComponent(`/products/${code}`)}`);
    const api = apiClient(fetch);
    try {
      const [{ draft, editableSections }, versions, { approvalRequest }] = await Promise.all([api.draft(code), api.versions(code), api.product(code)]);
      const latest = versions[0] ? await api.version(code, versions[0].version) : null;
      const published: PublishedProduct | null = latest ? { version: latest.version, source: { ir: latest.ir as ProductIR } } : null;
      return {
        code,
        slug: code,
        text: draft.source,
        revision: draft.revision,
        editable: editableSections,
        published,
        latestVersion: latest?.version ?? null,
        publishedText: latest?.source ?? null,
        makers: draft.makers ?? [],
        approvalRequest,
      };
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) error(404, 'product not found');
      throw e;
    }
  }
  const product = mode === 'bundled' ? exampleProduct(code) : undefined;
  if (mode !== 'bundled') error(503, 'the Plazo runtime is not available');
  if (!product) error(404, 'product not found');
  const published: PublishedProduct = { version: 0, source: { text: product.text } };
  return {
    code,
    slug: product.slug,
    text: product.text,
    revision: 0,
    editable: 'all' as EditableSections,
    published,
    latestVersion: null,
    publishedText: null,
    makers: [] as readonly string[],
    approvalRequest: null as ApprovalRequest | null,
  };
};
