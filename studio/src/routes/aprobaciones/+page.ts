// The approvers' queue: approval requests of one status (`?estado=`, pending by default) from the
// runtime; not logged in → the login page.
import { redirect } from '@sveltejs/kit';
import { apiClient, type ApprovalStatus } from '$lib/api/client';
import { APPROVAL_STATUSES } from '$lib/approvals/statuses';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent, url }) => {
  const { mode, me } = await parent();
  if (mode !== 'runtime') redirect(307, '/');
  if (!me) redirect(307, `/login?next=${encodeURIComponent(`/aprobaciones${url.search}`)}`);
  const asked = url.searchParams.get('estado');
  const status: ApprovalStatus | 'all' = asked === 'all' ? 'all' : (APPROVAL_STATUSES.find((s) => s === asked) ?? 'pending');
  const requests = await apiClient(fetch).approvalRequests(status === 'all' ? undefined : status);
  return { status, requests };
};
