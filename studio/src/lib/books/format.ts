// How the accounting screens show decimal strings and months to people. Display only: ratios are
// scaled and rounded with the engine's decimal type, never a float; months are calendar strings.
import { Dec } from '@plazo/engine';
import type { Locale } from '../i18n/messages.ts';

/** A fraction string as a percent with `digits` decimals (half up): `0.123456` → `12.35%`; null → `—`. */
export function formatRatio(fraction: string | null | undefined, digits = 2): string {
  if (fraction === null || fraction === undefined || fraction === '') return '—';
  return `${new Dec(fraction).times(100).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).toFixed(digits)}%`;
}

/** `2025-01` → `enero 2025` (es) / `January 2025` (en). */
export function periodLabel(period: string, locale: Locale): string {
  const date = new Date(`${period}-01T00:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(period) || Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The first day of the month of `date` (`2025-03-15` → `2025-03-01`). */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of a month `YYYY-MM` (`2024-02` → `2024-02-29`). */
export function monthEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** The amount's sign for styling: a negative balance (a contra account, a loss) reads differently. */
export function isNegative(amount: string): boolean {
  return new Dec(amount).isNegative() && !new Dec(amount).isZero();
}
