// Consistency of identity codes with a person's record. A CURP's birth date and sex must agree
// with the record's (the register refuses otherwise); its state, and the letters of a CURP or an
// RFC against the names, only warrant a warning: registers misspell, RENAPO replaces
// inconvenient words, and people change names.
import type { CurpDetails } from './curp.ts';
import { expectedCurpConsonants, expectedNameLetters, type PersonNames } from './names.ts';

export interface PersonFacts {
  readonly birthDate?: string | undefined;
  readonly sex?: string | undefined;
  readonly birthState?: string | undefined;
}

/** A disagreement between a code and the record: `field` is the record's field. */
export interface IdentityMismatch {
  readonly field: 'birthDate' | 'sex' | 'birthState' | 'names';
  /** What the code says. */
  readonly code: string;
  /** What the record says. */
  readonly record: string;
}

/** Where a valid CURP's birth date, sex and state disagree with the record (fields the record lacks are not compared). */
export function curpFactMismatches(curp: CurpDetails, person: PersonFacts): IdentityMismatch[] {
  const out: IdentityMismatch[] = [];
  if (person.birthDate !== undefined && person.birthDate !== curp.birthDate) out.push({ field: 'birthDate', code: curp.birthDate, record: person.birthDate });
  if (person.sex !== undefined && person.sex !== curp.sex) out.push({ field: 'sex', code: curp.sex, record: person.sex });
  if (person.birthState !== undefined && person.birthState !== curp.state) out.push({ field: 'birthState', code: curp.state, record: person.birthState });
  return out;
}

/** Letters equal, or the code holds RENAPO's X where the rule gives another letter (inconvenient words, missing names). */
function lettersAgree(code: string, expected: string): boolean {
  return [...expected].every((c, i) => code[i] === c || code[i] === 'X');
}

/**
 * Whether the name letters of a CURP (18 characters: 4 letters and 3 internal consonants) or of
 * a person's RFC (13: 4 letters) agree with the names; a mismatch to warn about, or undefined.
 */
export function nameMismatch(code: string, names: PersonNames): IdentityMismatch | undefined {
  const letters = expectedNameLetters(names);
  const isCurp = [...code].length === 18;
  const expected = isCurp ? `${letters}${expectedCurpConsonants(names)}` : letters;
  const actual = isCurp ? `${code.slice(0, 4)}${code.slice(13, 16)}` : code.slice(0, 4);
  return lettersAgree(actual, expected) ? undefined : { field: 'names', code: actual, record: expected };
}

/** Where an RFC's date (YYMMDD) disagrees with the record's birth date; undefined when they agree or the record has none. */
export function rfcDateMismatch(rfcDate: string, birthDate: string | undefined): IdentityMismatch | undefined {
  if (birthDate === undefined) return undefined;
  const recorded = birthDate.slice(2).replaceAll('-', '');
  return recorded === rfcDate ? undefined : { field: 'birthDate', code: rfcDate, record: birthDate };
}
