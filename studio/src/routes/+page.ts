// The product list: from the runtime (GET /api/v1/products) when it is there; the bundled
// examples only in `vite dev` without a runtime. Not logged in → the login page.
import { redirect } from '@sveltejs/kit';
import { apiClient, type ProductRow } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, data }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  const products: ProductRow[] | null = mode === 'runtime' ? await apiClient(fetch).products() : null;
  return { ...data, products };
};
