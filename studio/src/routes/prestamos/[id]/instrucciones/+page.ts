// A loan's payment instructions (printable): not logged in → the login page; the page loads the
// instructions itself.
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
