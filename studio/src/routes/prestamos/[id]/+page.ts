// A loan's page: not logged in → the login page. The loan loads in the page.
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
