// One approval request and what the approver checks (runtime `GET /approval-requests/{id}`).
import { error, redirect } from '@sveltejs/kit';
import { ApiError, apiClient } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, params }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (!me) redirect(307, `/login?next=${encodeURIComponent(`/aprobaciones/${params.id}`)}`);
  try {
    return { ...(await apiClient(fetch).approvalRequest(params.id)) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 422)) error(404, 'approval request not found');
    throw e;
  }
};
