// The diagnostic message catalogue: one message (and help) per id in each language.
import type { Range } from '../ast/nodes.ts';
import type { Diagnostic, Severity } from '../diagnostic.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import type { Catalogue, Lang, MessageArgs, MessageId } from './types.ts';

export type { Catalogue, Lang, Localized, MessageArgs, MessageId } from './types.ts';

/** The languages diagnostics can be written in; English is the default. */
export const LANGS: readonly Lang[] = ['en', 'es'];

const catalogues: Readonly<Record<Lang, Catalogue>> = { en, es };

/** The catalogue of one language (its ids are those of every other). */
export function messageCatalogue(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** The code a message id reports: the id up to its `/variant`. */
export function codeOf(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

/** The message and help of `id` in `lang`. */
export function renderMessage<Id extends MessageId>(lang: Lang, id: Id, args: MessageArgs<Id>): { message: string; help?: string } {
  const entry = catalogues[lang][id] as { message(a: unknown): string; help?(a: unknown): string | undefined };
  const message = entry.message(args);
  const help = entry.help?.(args);
  return help === undefined ? { message } : { message, help };
}

/** A diagnostic from its message id and args, with its English message and help. */
export function diagnostic<Id extends MessageId>(severity: Severity, id: Id, args: MessageArgs<Id>, range: Range): Diagnostic {
  const { message, help } = renderMessage('en', id, args);
  const base = { severity, code: codeOf(id), message, range };
  const full = help === undefined ? base : { ...base, help };
  return { ...full, id, args: args as Diagnostic['args'] };
}

/** True when `id` is a message id of the catalogue. */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}

/** The diagnostic with its message and help in `lang` (unchanged when it has no catalogue id). */
export function localizeDiagnostic(d: Diagnostic, lang: Lang): Diagnostic {
  if (d.id === undefined || !isMessageId(d.id)) return d;
  const { message, help } = renderMessage(lang, d.id, d.args as never);
  const { help: _old, ...rest } = d;
  return help === undefined ? { ...rest, message } : { ...rest, message, help };
}

/** The language a locale tag or LANG value names (`es_MX.UTF-8`, `es-MX`, `en`), or undefined. */
export function langOf(locale: string | undefined): Lang | undefined {
  const tag = locale?.trim().toLowerCase();
  if (!tag) return undefined;
  if (tag.startsWith('es')) return 'es';
  if (tag.startsWith('en') || tag === 'c' || tag === 'posix' || tag.startsWith('c.')) return 'en';
  return undefined;
}
