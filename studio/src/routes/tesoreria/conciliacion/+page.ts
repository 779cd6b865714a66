// Not logged in → the login page. The reconciliation loads in the page (loading, empty and error states).
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
