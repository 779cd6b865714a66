// /tesoreria opens the first section the role may see.
import { redirect } from '@sveltejs/kit';
import { treasurySections } from '$lib/treasury/sections';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => {
  const { me } = await parent();
  const first = treasurySections(me)[0];
  if (first) redirect(307, first.href);
  return {};
};
