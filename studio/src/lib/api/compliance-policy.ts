// The PLD policy API (runtime README "Compliance"): GET and PUT /api/v1/compliance/policy, with
// the same error shape (ApiError) and request language as the rest of the studio's client.
import { ApiError, type Fetch } from './client.ts';
import { storedLocale } from '$lib/i18n/stored-locale';

/** The active policy version as the API shows it. */
export interface PldPolicy {
  readonly version: number;
  readonly text: string;
  readonly hash: string;
  readonly code: string;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** A client's risk grade (`client.riskGrade`), null until a policy graded it. */
export interface RiskGradeView {
  readonly grade: 'low' | 'medium' | 'high';
  readonly points: string;
  readonly reasons: readonly { readonly factor: string; readonly value: string; readonly points: string }[];
  readonly gradedAt: string;
}

export function compliancePolicyApi(fetcher: Fetch = (i, init) => fetch(i, init), base = '', language: () => string = storedLocale) {
  async function call<T>(method: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetcher(`${base}/api/v1/compliance/policy`, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'accept-language': language(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new ApiError(0, 'offline', e instanceof Error ? e.message : String(e));
    }
    const json = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    if (!response.ok) throw new ApiError(response.status, json?.error?.code ?? 'http-error', json?.error?.message ?? `${response.status}`, json?.error?.details);
    return json as T;
  }
  return {
    /** The active policy, or null before any was saved (404). */
    get: async (): Promise<{ policy: PldPolicy; regrade: { pending: number } } | null> => {
      try {
        return await call('GET');
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    /** Saves a new text; 422 `policy-has-errors` carries `details.diagnostics`. */
    save: (text: string) => call<{ policy: PldPolicy; created: boolean; regrade: { pending: number } }>('PUT', { text }),
  };
}
