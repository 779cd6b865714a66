// The first-run page, only while the install has no user (else the login page).
import { redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (me) redirect(307, '/');
  if (!(await apiClient(fetch).firstRunNeeded())) redirect(307, '/login');
  return {};
};
