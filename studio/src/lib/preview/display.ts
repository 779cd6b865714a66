// How the preview shows decimal strings, dates and frequencies to people. Display only: values
// stay decimal strings; percents are scaled with the engine's decimal type, never a float.
import { Dec, type Frequency } from '@plazo/engine';
import type { Locale, MessageKey } from '../i18n/messages.ts';

/** `0.26` → `26%`, `0.405` → `40.5%`. */
export function formatPercent(fraction: string): string {
  return `${new Dec(fraction).times(100).toFixed()}%`;
}

/** `2025-03-15` → `15 mar 2025` (es) / `Mar 15, 2025` (en); read as a calendar day, no time zone shift. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-MX' : 'en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The message key naming a frequency, and its parameters. */
export function frequencyLabel(frequency: Frequency): { key: MessageKey; params: Record<string, number> } {
  if (typeof frequency !== 'string') return { key: 'freq.everyDays', params: { days: frequency.everyDays } };
  const keys: Record<typeof frequency, MessageKey> = { weekly: 'freq.weekly', biweekly: 'freq.biweekly', semimonthly: 'freq.semimonthly', monthly: 'freq.monthly' };
  return { key: keys[frequency], params: {} };
}

/**
 * The label of a frequency written as a request value (`semimonthly`, `every_10_days`: the
 * engine's `frequencyKey`), or undefined for a value that names no frequency.
 */
export function frequencyKeyLabel(key: string): { key: MessageKey; params: Record<string, number> } | undefined {
  const every = /^every_(\d+)_days$/.exec(key);
  if (every) return frequencyLabel({ everyDays: Number(every[1]) });
  return key === 'weekly' || key === 'biweekly' || key === 'semimonthly' || key === 'monthly' ? frequencyLabel(key) : undefined;
}

/** The message key of a frequency as a plural adjective (`24 pagos quincenales`). */
export function termLabel(frequency: Frequency): { key: MessageKey; params: Record<string, number> } {
  if (typeof frequency !== 'string') return { key: 'term.everyDays', params: { days: frequency.everyDays } };
  const keys: Record<typeof frequency, MessageKey> = { weekly: 'term.weekly', biweekly: 'term.biweekly', semimonthly: 'term.semimonthly', monthly: 'term.monthly' };
  return { key: keys[frequency], params: {} };
}

/** Today's date in the browser's time zone, ISO: the default disbursement date of the preview. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
