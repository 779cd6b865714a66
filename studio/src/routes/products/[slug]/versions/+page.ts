// Version history of a product (runtime only): every published version, newest first.
import { error, redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, parent }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') error(503, 'version history needs the Plazo runtime');
  if (!me) redirect(307, `/login?next=${encodeURIComponent(`/products/${params.slug}/versions`)}`);
  return { code: params.slug, versions: await apiClient(fetch).versions(params.slug) };
};
