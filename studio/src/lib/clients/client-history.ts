// Formatting for the client's 360 history (ClientHistory.svelte): an alert's time left to be ruled
// on, a contact's moment in words, and which loan a row belongs to.
import type { Locale } from '$lib/i18n/messages';

const DAY_MS = 86_400_000;

/** Whole days left until `deadline` at `now`, rounded up (0 or less once it passed) — as the runtime counts them. */
export function daysLeft(deadline: string, now: Date): number {
  return Math.ceil((Date.parse(deadline) - now.getTime()) / DAY_MS);
}

/** An instant (ISO-8601) as a date and time in the browser's time zone: `7 dic 2026, 10:30`. */
export function formatMoment(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** How a row names its loan: the loan's external reference when it has one, else the id's first 8 characters. */
export function loanLabel(loanId: string, loans: readonly { readonly id: string; readonly externalRef?: string | null }[]): string {
  return loans.find((l) => l.id === loanId)?.externalRef ?? loanId.slice(0, 8);
}
