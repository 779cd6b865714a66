// The interface language, shared by every component: Spanish by default, English switchable,
// remembered in localStorage (stored-locale.ts).
import { translate, type Locale, type MessageKey } from './messages.ts';
import { storeLocale, storedLocale } from './stored-locale.ts';

class LocaleState {
  current = $state<Locale>(storedLocale());

  set(locale: Locale): void {
    this.current = locale;
    storeLocale(locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string => translate(this.current, key, params);
}

export const i18n = new LocaleState();
