// The portfolio dashboard: not logged in → the login page. The reports load in the page (with
// loading, empty and error states), not here, so the page shows at once.
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
