// The shape of the diagnostic message catalogue: the English one (en.ts) defines the message ids
// and their arguments; every other language must have exactly the same ids, with the same args.
import type { en } from './en.ts';

/** The languages diagnostics are written in. */
export type Lang = 'en' | 'es';

/** A fragment already rendered in every language (an interval, a list built by a helper). */
export interface Localized {
  readonly en: string;
  readonly es: string;
}

/** A message id: the diagnostic's code, or `code/variant` where one code has several messages. */
export type MessageId = keyof typeof en;

type ArgsOfEntry<E> = E extends { message: (args: infer A) => string } ? A : never;

/** The arguments a message takes (plain data: strings, numbers, lists, Localized fragments). */
export type MessageArgs<Id extends MessageId> = ArgsOfEntry<(typeof en)[Id]>;

/** What every entry of a language's catalogue looks like (the English one is checked against it). */
export interface EntryShape {
  message(args: never): string;
  help?(args: never): string | undefined;
}

/** A language's catalogue: the ids of the English one, each with a message, and a help where English has one. */
export type Catalogue = {
  readonly [Id in MessageId]: { message(args: MessageArgs<Id>): string } & ((typeof en)[Id] extends { help: unknown }
    ? { help(args: MessageArgs<Id>): string | undefined }
    : { help?: never });
};
