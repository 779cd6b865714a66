// The compliance area (/cumplimiento and its pages): not logged in → the login page. The data
// loads in each page (loading, empty and error states).
import { redirect } from '@sveltejs/kit';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
