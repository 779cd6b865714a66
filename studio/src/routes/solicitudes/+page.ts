// The review queue (issue 14): referred decisions as applications; filters in the URL
// (`?estado=`, `producto=`, `minimo=`, `mias=1`). Not logged in → the login page.
import { redirect } from '@sveltejs/kit';
import { APPLICATION_STATUSES, type ApplicationFilter, type ApplicationStatus } from '$lib/api/applications';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent, url }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (!me) redirect(307, `/login?next=${encodeURIComponent(`/solicitudes${url.search}`)}`);
  const asked = url.searchParams.get('estado');
  const status: ApplicationStatus | undefined = asked === 'todos' ? undefined : (APPLICATION_STATUSES.find((s) => s === asked) ?? 'pending');
  const filter: ApplicationFilter = {
    status,
    product: url.searchParams.get('producto') || undefined,
    minAmount: /^\d{1,14}(\.\d{1,2})?$/.test(url.searchParams.get('minimo') ?? '') ? url.searchParams.get('minimo')! : undefined,
    mine: url.searchParams.get('mias') === '1',
  };
  return { filter };
};
