// The studio runs in the browser (Monaco, workers, the session cookie on API calls): no SSR.
// Every page gets who is logged in from the runtime (GET /api/v1/auth/me), or learns that there is
// no runtime (only `vite dev` then falls back to the bundled examples).
import { ApiError, apiClient, can, type Me } from '$lib/api/client';
import type { LayoutLoad } from './$types';

export const ssr = false;

export type StudioMode = 'runtime' | 'bundled' | 'unavailable';

export const load: LayoutLoad = async ({ fetch, depends }) => {
  depends('plazo:session');
  try {
    const api = apiClient(fetch);
    const me = await api.me();
    // Approvers see how many drafts wait for them next to "Aprobaciones" (null: not known).
    const pendingApprovals = can(me, 'products:publish') ? await api.approvalRequests('pending').then((r) => r.length, () => null) : null;
    return { mode: 'runtime' as StudioMode, me: me as Me | null, pendingApprovals };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { mode: 'runtime' as StudioMode, me: null, pendingApprovals: null };
    if (e instanceof ApiError && (e.offline || e.status === 404)) return { mode: (import.meta.env.DEV ? 'bundled' : 'unavailable') as StudioMode, me: null, pendingApprovals: null };
    throw e;
  }
};
