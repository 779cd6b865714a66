// CURP (Clave Única de Registro de Población, 18 characters; shared/DOMAIN.md "Identity and
// account formats"): 4 letters from the names, birth date YYMMDD, sex, state, 3 internal
// consonants, a differentiator (a digit for births up to 1999, a letter from 2000) and a check
// digit over the alphabet `0-9A-NÑO-Z`.
import { calendarDate, normalizeCode, type IdentityCheck } from './identity-check.ts';
import { CURP_STATES, isCurpState } from './states.ts';

export type CurpSex = 'H' | 'M' | 'X';

export interface CurpDetails {
  readonly birthDate: string;
  /** H (hombre), M (mujer), X (no binario). */
  readonly sex: CurpSex;
  readonly state: string;
  readonly stateName: string;
}

export type CurpCheck = IdentityCheck<CurpDetails>;

const ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
/** Each character's value (its index in ALPHABET) by UTF-16 code; -1 outside the alphabet. */
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const ALL_CHARACTERS = /^[0-9A-ZÑ]{18}$/;
const NAME_LETTERS = /^[A-ZÑ]{4}/;
const DIGITS = /^\d{6}$/;
const CONSONANTS = /^[B-DF-HJ-NP-TV-ZÑ]{3}$/;

/** The check digit (0–9) of a CURP's first 17 characters; undefined when one is outside the alphabet. */
export function curpCheckDigit(first17: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17.charCodeAt(i));
    if (v === undefined) return undefined;
    sum += v * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Validates a CURP: structure, birth date, sex, state, internal consonants, differentiator and
 * check digit; the first problem is the reason.
 *
 * @example
 * validateCurp('HEGG560427MVZRRL04').details // { birthDate: '1956-04-27', sex: 'M', state: 'VZ', … }
 */
export function validateCurp(input: string): CurpCheck {
  const value = normalizeCode(input);
  const fail = (reason: CurpCheck['reason'], details?: CurpDetails): CurpCheck => ({ kind: 'curp', value, valid: false, reason, severity: 'error', ...(details ? { details } : {}) });
  // Every character of the alphabet is one UTF-16 unit, so length counts characters here.
  if (value.length !== 18) return fail('length');
  if (!ALL_CHARACTERS.test(value)) return fail('characters');
  if (!NAME_LETTERS.test(value)) return fail('name-letters');
  if (!DIGITS.test(value.slice(4, 10))) return fail('birth-date');
  const differentiator = value[16]!;
  const century = differentiator <= '9' ? 1900 : 2000;
  const birthDate = calendarDate(century + Number(value.slice(4, 6)), Number(value.slice(6, 8)), Number(value.slice(8, 10)));
  if (birthDate === undefined) return fail('birth-date');
  const sex = value[10]!;
  if (sex !== 'H' && sex !== 'M' && sex !== 'X') return fail('sex');
  const state = value.slice(11, 13);
  if (!isCurpState(state)) return fail('state');
  if (!CONSONANTS.test(value.slice(13, 16))) return fail('consonants');
  if (differentiator === 'Ñ') return fail('differentiator');
  const details: CurpDetails = { birthDate, sex, state, stateName: CURP_STATES[state]! };
  const check = value.charCodeAt(17) - 48;
  if (check < 0 || check > 9 || curpCheckDigit(value) !== check) return fail('check-digit', details);
  return { kind: 'curp', value, valid: true, details };
}
