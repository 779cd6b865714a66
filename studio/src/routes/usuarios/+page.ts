// Users and roles (admins): the list comes from the runtime; not logged in → the login page.
import { redirect } from '@sveltejs/kit';
import { apiClient, can, type User } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (!me) redirect(307, `/login?next=${encodeURIComponent('/usuarios')}`);
  const allowed = can(me, 'users:admin');
  const users: User[] = allowed ? await apiClient(fetch).users() : [];
  return { allowed, users, welcome: url.searchParams.has('bienvenida') };
};
