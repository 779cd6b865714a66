// The studio runs in the browser (Monaco, workers, the session cookie on API calls): no SSR.
// Every page gets who is logged in from the runtime (GET /api/v1/auth/me), or learns that there is
// no runtime (only `vite dev` then falls back to the bundled examples).
import { ApiError, apiClient, type Me } from '$lib/api/client';
import type { LayoutLoad } from './$types';

export const ssr = false;

export type StudioMode = 'runtime' | 'bundled' | 'unavailable';

export const load: LayoutLoad = async ({ fetch, depends }) => {
  depends('plazo:session');
  try {
    const me = await apiClient(fetch).me();
    return { mode: 'runtime' as StudioMode, me: me as Me | null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { mode: 'runtime' as StudioMode, me: null };
    if (e instanceof ApiError && (e.offline || e.status === 404)) return { mode: (import.meta.env.DEV ? 'bundled' : 'unavailable') as StudioMode, me: null };
    throw e;
  }
};
