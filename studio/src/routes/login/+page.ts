// A fresh install (no user yet) has nobody to log in as: the first-run page creates the admin.
import { redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime' || me) return {};
  const needed = await apiClient(fetch)
    .firstRunNeeded()
    .catch(() => false);
  if (needed) redirect(307, '/bienvenida');
  return {};
};
