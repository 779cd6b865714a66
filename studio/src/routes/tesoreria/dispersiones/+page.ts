// Disbursement batches (/tesoreria/dispersiones): not logged in → the login page. The page loads
// its data itself (loading, empty and error states) and says when the role may not.
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
