// One application of the review queue (runtime `GET /applications/{id}`).
import { error, redirect } from '@sveltejs/kit';
import { applicationsApi } from '$lib/api/applications';
import { ApiError, apiClient } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, params }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (!me) redirect(307, `/login?next=${encodeURIComponent(`/solicitudes/${params.id}`)}`);
  try {
    return { detail: await applicationsApi(apiClient(fetch)).get(params.id) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 422)) error(404, 'application not found');
    throw e;
  }
};
