// CURP, RFC and CLABE against published examples, each reason of refusal, and property tests of
// the check digits: a valid code with one character changed is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLABE_BANKS, clabeCheckDigit, curpCheckDigit, curpFactMismatches, CURP_STATES, expectedNameLetters, identityMessage, nameMismatch, normalizeName,
  rfcCheckDigit, rfcDateMismatch, validateClabe, validateCurp, validateRfc,
} from '../../src/index.ts';

describe('CURP', () => {
  it('accepts published examples and reads birth date, sex and state', () => {
    // RENAPO's example (Gloria Hernández García) and python-stdnum's (born abroad).
    expect(validateCurp('HEGG560427MVZRRL04')).toEqual({
      kind: 'curp', value: 'HEGG560427MVZRRL04', valid: true, details: { birthDate: '1956-04-27', sex: 'M', state: 'VZ', stateName: 'Veracruz' },
    });
    expect(validateCurp(' boxw310820hnerxn09 ')).toMatchObject({ valid: true, value: 'BOXW310820HNERXN09', details: { birthDate: '1931-08-20', sex: 'H', state: 'NE' } });
  });

  it('reads births from 2000 from a letter differentiator', () => {
    const first17 = 'PEMJ050101HDFRRNA';
    expect(validateCurp(`${first17}${curpCheckDigit(first17)}`)).toMatchObject({ valid: true, details: { birthDate: '2005-01-01' } });
  });

  it.each([
    ['HEGG560427MVZRRL0', 'length'],
    ['HEGG560427MVZRRL0-', 'characters'],
    ['H3GG560427MVZRRL04', 'name-letters'],
    ['HEGG561327MVZRRL04', 'birth-date'],
    ['HEGG560230MVZRRL04', 'birth-date'],
    ['HEGG560427QVZRRL04', 'sex'],
    ['HEGG560427MZZRRL04', 'state'],
    ['HEGG560427MVZRAL04', 'consonants'],
    ['HEGG560427MVZRRL05', 'check-digit'],
    ['HEGG560427MVZRRL0A', 'check-digit'],
  ])('refuses %s: %s', (curp, reason) => {
    expect(validateCurp(curp)).toMatchObject({ valid: false, reason, severity: 'error' });
  });

  // The check digit weighs position i (1-based) by 19 − i modulo 10: a change of value Δ there goes
  // unseen exactly when Δ·(19 − i) is a multiple of 10 (always at position 9, weight 10).
  it('refuses a valid CURP with one character changed unless the change is invisible modulo 10 (property)', () => {
    const ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const consonant = fc.constantFrom(...'BCDFGHJKLMNPQRSTVWXYZ');
    const curp = fc
      .tuple(fc.array(letter, { minLength: 4, maxLength: 4 }), fc.date({ min: new Date('1930-01-01'), max: new Date('1999-12-31'), noInvalidDate: true }),
        fc.constantFrom('H', 'M', 'X'), fc.constantFrom(...Object.keys(CURP_STATES)), fc.array(consonant, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 9 }))
      .map(([l, d, s, st, c, diff]) => {
        const first17 = `${l.join('')}${d.toISOString().slice(2, 10).replaceAll('-', '')}${s}${st}${c.join('')}${diff}`;
        return `${first17}${curpCheckDigit(first17)}`;
      });
    fc.assert(
      fc.property(curp, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (code, at, shift) => {
        expect(validateCurp(code).valid).toBe(true);
        // A digit replaced by another digit, a letter by another letter: same structure, the check digit catches it.
        const c = code[at]!;
        const replaced = /\d/.test(c) ? String((Number(c) + shift) % 10) : String.fromCharCode(((c.charCodeAt(0) - 65 + shift) % 26) + 65);
        const changed = `${code.slice(0, at)}${replaced}${code.slice(at + 1)}`;
        const delta = ALPHABET.indexOf(replaced) - ALPHABET.indexOf(c);
        const invisible = at < 17 && (delta * (18 - at)) % 10 === 0;
        const result = validateCurp(changed);
        // A change that breaks the structure (a date that is no day, an unknown state) is refused for that reason.
        if (result.reason === undefined || result.reason === 'check-digit') expect(result.valid).toBe(invisible);
        else expect(result.valid).toBe(false);
        expect(curpCheckDigit(changed) === curpCheckDigit(code)).toBe(invisible || at === 17);
      }),
    );
  });
});

describe('RFC', () => {
  it('accepts published examples of a person and a company, and the generic RFCs', () => {
    expect(validateRfc('GODE561231GR8')).toEqual({ kind: 'rfc', value: 'GODE561231GR8', valid: true, details: { holder: 'person', date: '561231', generic: false } });
    expect(validateRfc('MAB9307148T4')).toMatchObject({ valid: true, details: { holder: 'company', date: '930714' } });
    expect(validateRfc('XAXX010101000')).toMatchObject({ valid: true, details: { generic: true } });
    expect(validateRfc('XEXX010101000')).toMatchObject({ valid: true, details: { generic: true } });
  });

  it('makes a wrong check digit a warning, and every other problem an error', () => {
    expect(validateRfc('GODE561231GR9')).toMatchObject({ valid: false, reason: 'check-digit', severity: 'warning', details: { holder: 'person' } });
    expect(validateRfc('GODE561231GR')).toMatchObject({ valid: false, reason: 'birth-date', severity: 'error' });
    expect(validateRfc('GODE56123GR8')).toMatchObject({ valid: false, reason: 'birth-date', severity: 'error' });
    expect(validateRfc('GODE561331GR8')).toMatchObject({ reason: 'birth-date', severity: 'error' });
    expect(validateRfc('GODE561231G-8')).toMatchObject({ reason: 'characters' });
    expect(validateRfc('GODE5612310GR8')).toMatchObject({ reason: 'length' });
    expect(validateRfc('G0DE561231GR8')).toMatchObject({ reason: 'name-letters' });
  });

  // SAT's mod 11 weighs position i of the 12 (a company's RFC is padded with a space) by 13 − i:
  // a change of value Δ goes unseen exactly when Δ·(13 − i) is a multiple of 11.
  it('refuses an RFC with one character changed unless the change is invisible modulo 11 (property)', () => {
    const TABLE = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
    const rfc = fc
      .tuple(fc.stringMatching(/^[A-Z]{3,4}$/), fc.date({ min: new Date('1940-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), fc.stringMatching(/^[A-Z0-9]{2}$/))
      .map(([l, d, h]) => {
        const body = `${l}${d.toISOString().slice(2, 10).replaceAll('-', '')}${h}`;
        return `${body}${rfcCheckDigit(body)}`;
      });
    fc.assert(
      fc.property(rfc, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (code, at, shift) => {
        expect(validateRfc(code).valid).toBe(true);
        const i = Math.min(at, code.length - 2);
        const c = code[i]!;
        const replaced = /\d/.test(c) ? String((Number(c) + shift) % 10) : String.fromCharCode(((c.charCodeAt(0) - 65 + shift) % 26) + 65);
        const changed = validateRfc(`${code.slice(0, i)}${replaced}${code.slice(i + 1)}`);
        const weight = 13 - (i + (code.length === 12 ? 1 : 0));
        const invisible = ((TABLE.indexOf(replaced) - TABLE.indexOf(c)) * weight) % 11 === 0;
        // A changed date may stop being a day: refused for that reason instead.
        if (changed.reason !== 'birth-date') expect(changed.valid).toBe(invisible);
      }),
    );
  });
});

describe('CLABE', () => {
  it('accepts published examples and names the bank', () => {
    expect(validateClabe('032180000118359719')).toEqual({
      kind: 'clabe', value: '032180000118359719', valid: true, details: { bankCode: '032', bank: 'IXE', branchCity: '180', account: '00011835971' },
    });
    expect(validateClabe('002010077777777771')).toMatchObject({ valid: true, details: { bank: 'BANAMEX' } });
  });

  it('refuses length, characters, an unknown bank and a wrong check digit', () => {
    expect(validateClabe('03218000011835971')).toMatchObject({ reason: 'length' });
    expect(validateClabe('03218000011835971X')).toMatchObject({ reason: 'characters' });
    const unknownBank = `999180000118359${'71'}`;
    expect(validateClabe(`${unknownBank.slice(0, 17)}${clabeCheckDigit(unknownBank)}`)).toMatchObject({ reason: 'bank', details: { bank: null } });
    expect(validateClabe('032180000118359718')).toMatchObject({ reason: 'check-digit', details: { bank: 'IXE' } });
  });

  it('refuses a valid CLABE with one digit changed (property)', () => {
    const clabe = fc.tuple(fc.constantFrom(...Object.keys(CLABE_BANKS)), fc.stringMatching(/^\d{14}$/)).map(([bank, rest]) => `${bank}${rest}${clabeCheckDigit(`${bank}${rest}`)}`);
    fc.assert(
      fc.property(clabe, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 9 }), (code, at, shift) => {
        expect(validateClabe(code).valid).toBe(true);
        expect(validateClabe(`${code.slice(0, at)}${(Number(code[at]) + shift) % 10}${code.slice(at + 1)}`).valid).toBe(false);
      }),
    );
  });
});

describe('names and consistency', () => {
  it('normalizes names for search: no accents, upper case, single spaces', () => {
    expect(normalizeName('  Hernández   garcía-Peña ')).toBe('HERNANDEZ GARCIA PENA');
  });

  it('derives the letters of a CURP from the names, skipping particles and a first María or José', () => {
    expect(expectedNameLetters({ givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García' })).toBe('HEGG');
    expect(expectedNameLetters({ givenNames: 'María Luisa', paternalSurname: 'de la Peña', maternalSurname: 'Ruiz' })).toBe('PERL');
    expect(nameMismatch('HEGG560427MVZRRL04', { givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García' })).toBeUndefined();
    expect(nameMismatch('HEGG560427MVZRRL04', { givenNames: 'Rosa', paternalSurname: 'López', maternalSurname: 'García' })).toEqual({ field: 'names', code: 'HEGGRRL', record: 'LOGRPRS' });
    expect(nameMismatch('GODE561231GR8', { givenNames: 'Enrique', paternalSurname: 'Gómez', maternalSurname: 'Díaz' })).toBeUndefined();
  });

  it('names the facts where a CURP and the record disagree', () => {
    const { details } = validateCurp('HEGG560427MVZRRL04');
    expect(curpFactMismatches(details!, { birthDate: '1956-04-27', sex: 'M', birthState: 'VZ' })).toEqual([]);
    expect(curpFactMismatches(details!, { birthDate: '1956-04-28', sex: 'H' })).toEqual([
      { field: 'birthDate', code: '1956-04-27', record: '1956-04-28' },
      { field: 'sex', code: 'M', record: 'H' },
    ]);
    expect(rfcDateMismatch('561231', '1956-12-31')).toBeUndefined();
    expect(rfcDateMismatch('561231', '1957-12-31')).toMatchObject({ field: 'birthDate' });
  });

  it('has a message for every reason in both languages', () => {
    expect(identityMessage('curp', 'check-digit', 'es')).toBe('el dígito verificador no corresponde');
    expect(identityMessage('rfc', 'length', 'en')).toBe('an RFC has 13 characters (person) or 12 (company)');
  });
});
