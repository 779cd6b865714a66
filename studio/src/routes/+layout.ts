// The studio runs in the browser (Monaco, workers, the session cookie on API calls): no SSR.
// Every page gets who is logged in from the runtime (GET /api/v1/auth/me), or learns that there is
// no runtime (only `vite dev` then falls back to the bundled examples).
import { redirect } from '@sveltejs/kit';
import { ApiError, apiClient, can, type Me } from '$lib/api/client';
import type { LayoutLoad } from './$types';

/** Where a user whose password an admin set goes first. */
const CHANGE_PASSWORD = '/cambiar-contrasena';

export const ssr = false;

export type StudioMode = 'runtime' | 'bundled' | 'unavailable';

export const load: LayoutLoad = async ({ fetch, depends, url }) => {
  depends('plazo:session');
  let me: Me;
  try {
    me = await apiClient(fetch).me();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { mode: 'runtime' as StudioMode, me: null, pendingApprovals: null };
    if (e instanceof ApiError && (e.offline || e.status === 404)) return { mode: (import.meta.env.DEV ? 'bundled' : 'unavailable') as StudioMode, me: null, pendingApprovals: null };
    throw e;
  }
  // A password an admin set: nothing else until the user has chosen their own (the runtime refuses the rest).
  if (me.mustChangePassword && url.pathname !== CHANGE_PASSWORD) redirect(307, `${CHANGE_PASSWORD}?next=${encodeURIComponent(url.pathname + url.search)}`);
  // Approvers see how many drafts wait for them next to "Aprobaciones" (null: not known).
  const pendingApprovals = can(me, 'products:publish') ? await apiClient(fetch).approvalRequests('pending').then((r) => r.length, () => null) : null;
  return { mode: 'runtime' as StudioMode, me: me as Me | null, pendingApprovals };
};
