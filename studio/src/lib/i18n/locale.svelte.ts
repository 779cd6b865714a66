// The interface language, shared by every component: Spanish by default, English switchable,
// remembered in localStorage.
import { translate, type Locale, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'plazo.locale';

function initialLocale(): Locale {
  if (typeof localStorage === 'undefined') return 'es';
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
}

class LocaleState {
  current = $state<Locale>(initialLocale());

  set(locale: Locale): void {
    this.current = locale;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string => translate(this.current, key, params);
}

export const i18n = new LocaleState();
