// The treasury area (/tesoreria and its pages): not logged in → the login page. Each page loads
// its data itself (loading, empty and error states) and says when the role may not.
import { redirect } from '@sveltejs/kit';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
