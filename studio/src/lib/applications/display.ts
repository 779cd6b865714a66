// How an application's status, dates and errors read in the studio.
import { ApiError } from '$lib/api/client';
import { describeApiError } from '$lib/i18n/api-errors';
import type { Locale, MessageKey } from '$lib/i18n/messages';
import { translate } from '$lib/i18n/messages';

export const statusLabel = (locale: Locale, status: string) => translate(locale, `sol.status.${status}` as MessageKey);

export const when = (locale: Locale, iso: string) => new Date(iso).toLocaleString(locale === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** The runtime's refusal of a review, in the reviewer's words (the limit, the engine's reasons…). */
export function reviewError(locale: Locale, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const d = (error.details ?? {}) as { amount?: string; limit?: string; status?: string; reasons?: { code: string; message: string | null }[] };
  const reasons = (d.reasons ?? []).map((r) => (r.message ? `${r.code} (${r.message})` : r.code)).join('; ');
  switch (error.code) {
    case 'over-authority':
      return translate(locale, 'sol.err.over-authority', { amount: d.amount ?? '', limit: d.limit ?? '' });
    case 'no-authority':
    case 'same-author':
      return translate(locale, `sol.err.${error.code}`);
    case 'application-not-open':
      return translate(locale, 'sol.err.application-not-open', { status: statusLabel(locale, d.status ?? '').toLowerCase() });
    case 'redecision-declined':
    case 'redecision-referred':
      return translate(locale, `sol.err.${error.code}`, { reasons });
    default:
      return describeApiError(locale, error);
  }
}
