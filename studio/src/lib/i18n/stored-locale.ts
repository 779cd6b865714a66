// The interface language as remembered in localStorage: Spanish unless English was chosen. Read by
// the locale state and by the API client (its requests ask for messages in this language).
import type { Locale } from './messages.ts';

const STORAGE_KEY = 'plazo.locale';

/** The remembered interface language; Spanish by default (and outside a browser). */
export function storedLocale(): Locale {
  if (typeof localStorage === 'undefined') return 'es';
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
}

/** Remembers the interface language. */
export function storeLocale(locale: Locale): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
}
