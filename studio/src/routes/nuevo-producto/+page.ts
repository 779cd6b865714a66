// "Nuevo producto": the templates and the published products to copy, from the runtime.
import { redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client';
import { canCreateProducts } from '$lib/products/new-product';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (!me) redirect(307, `/login?next=${encodeURIComponent('/nuevo-producto')}`);
  const api = apiClient(fetch);
  const allowed = canCreateProducts(me);
  const [templates, products] = allowed ? await Promise.all([api.productTemplates(), api.products()]) : [[], []];
  return { allowed, templates, published: products.filter((p) => p.latestVersion !== null && p.status !== 'retired') };
};
