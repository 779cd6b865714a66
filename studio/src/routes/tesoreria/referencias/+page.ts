// The payment reference settings (/tesoreria/referencias): not logged in → the login page. The page
// loads the settings itself and says when the role may only read them, or not even that.
import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { mode, me } = await parent();
  if (mode === 'runtime' && !me) redirect(307, '/login');
  return {};
};
