// What the version history shows in words: who an actor is (Plazo itself as "Sistema"/"System")
// and an acknowledged warning's message in the interface language, from the language's message
// catalogue (`localizeDiagnostic`); a warning kept without its message id keeps its stored words.
import { localizeDiagnostic, type Diagnostic } from '@plazo/dsl';
import type { ActorDisplay, WarningJson } from '../api/client.ts';
import { translate, type Locale } from '../i18n/messages.ts';

/** The name to show for an actor: the person's or key's name, or Plazo itself. */
export function actorName(actor: ActorDisplay, locale: Locale): string {
  return actor.kind === 'system' ? translate(locale, 'actor.system') : actor.name;
}

/** An acknowledged warning's message and help in `locale`. */
export function warningWords(warning: WarningJson, locale: Locale): { message: string; help?: string } {
  const { message, help } = localizeDiagnostic({ ...warning, severity: 'warning' } as Diagnostic, locale);
  return help === undefined ? { message } : { message, help };
}
