// Names as Mexican registers compare them: without accents, upper case, single spaces. One rule
// for search (the runtime stores this form beside each name) and for the consistency checks of
// CURP and RFC against a person's names.

/** `  Hernández  garcía ` → `HERNANDEZ GARCIA`; `Peña` → `PENA`; punctuation becomes a space. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Words that open compound surnames (DE, LA, DEL, Y…): skipped when a CURP or RFC takes its letters, and when screening compares names. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['DA', 'DAS', 'DE', 'DEL', 'DER', 'DI', 'DIE', 'DD', 'EL', 'LA', 'LAS', 'LE', 'LES', 'LOS', 'MAC', 'MC', 'VAN', 'VON', 'Y']);
/** First given names skipped when the person has another (María José → José). */
const COMMON_FIRST_NAMES = new Set(['MARIA', 'MA', 'JOSE', 'J']);

/** A name's words for the CURP letters: Ñ counts as X, particles dropped. */
function words(name: string | undefined): string[] {
  if (name === undefined) return [];
  return normalizeName(name.replace(/ñ/gi, 'X')).split(' ').filter((w) => w !== '' && !NAME_PARTICLES.has(w));
}

function significantGivenName(given: string | undefined): string {
  const w = words(given);
  return (w.length > 1 && COMMON_FIRST_NAMES.has(w[0]!) ? w[1] : w[0]) ?? '';
}

function firstInternal(word: string, pattern: RegExp): string {
  return [...word.slice(1)].find((c) => pattern.test(c)) ?? 'X';
}

export interface PersonNames {
  readonly givenNames: string;
  readonly paternalSurname: string;
  readonly maternalSurname?: string | undefined;
}

/**
 * The four letters a CURP or a person's RFC opens with, from the names: the paternal surname's
 * initial and first internal vowel, the maternal surname's initial (X without one), the given
 * name's initial (the second name after María or José).
 */
export function expectedNameLetters(names: PersonNames): string {
  const paternal = words(names.paternalSurname).join('');
  const maternal = words(names.maternalSurname).join('');
  const given = significantGivenName(names.givenNames);
  return `${paternal[0] ?? 'X'}${firstInternal(paternal, /[AEIOU]/)}${maternal[0] ?? 'X'}${given[0] ?? 'X'}`;
}

/** The three internal consonants of a CURP (positions 14–16), from the names. */
export function expectedCurpConsonants(names: PersonNames): string {
  const consonant = /[B-DF-HJ-NP-TV-Z]/;
  const paternal = words(names.paternalSurname).join('');
  const maternal = words(names.maternalSurname).join('');
  return `${firstInternal(paternal, consonant)}${maternal === '' ? 'X' : firstInternal(maternal, consonant)}${firstInternal(significantGivenName(names.givenNames), consonant)}`;
}
