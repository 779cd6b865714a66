// The loans list: not logged in → the login page. The list loads in the page (loading, empty and
// error states) from the filters in the address, so a filtered list can be shared.
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
