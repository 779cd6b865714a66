// Payment references (Luhn and ISO 7064 MOD 97-10) against published examples, the reasons of
// refusal, and property tests of what each scheme catches; per-loan CLABEs from a range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPaymentReference, clabeForAccount, clabeRangeIssues, identityMessage, luhnCheckDigit, mod97CheckDigits, paymentReferenceFormatIssues, validateClabe,
  validatePaymentReference, type ReferenceScheme,
} from '../../src/index.ts';

describe('Luhn (mod10)', () => {
  it.each([
    '79927398713', // the Luhn example of ISO/IEC 7812-1's literature
    '4111111111111111', // card networks' published test numbers
    '4242424242424242',
    '5555555555554444',
    '378282246310005',
    '6011111111111117',
  ])('accepts the published test number %s', (n) => {
    expect(validatePaymentReference(n, 'mod10')).toMatchObject({ valid: true, details: { scheme: 'mod10', body: n.slice(0, -1), checkDigits: n.slice(-1) } });
  });

  it('computes the check digit from the rightmost body digit, weights 2,1', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('0')).toBe(0);
    expect(luhnCheckDigit('1')).toBe(8); // 1·2 = 2 → 8
    expect(luhnCheckDigit('5')).toBe(9); // 5·2 = 10 → 1 → 9
  });

  it('refuses a wrong check digit and says so', () => {
    const check = validatePaymentReference('79927398710', 'mod10');
    expect(check).toMatchObject({ valid: false, reason: 'check-digit', severity: 'error' });
    expect(identityMessage('reference', check.reason!, 'es')).toBe('el dígito verificador no corresponde');
  });
});

describe('ISO 7064 MOD 97-10 (mod97)', () => {
  it("matches ISO 7064's example 794 → 44", () => {
    expect(mod97CheckDigits('794')).toBe('44');
    expect(validatePaymentReference('79444', 'mod97').valid).toBe(true);
  });

  it("validates the IBAN example GB82 WEST 1234 5698 7654 32 in its numeric form (≡ 1 mod 97)", () => {
    // WEST12345698765432GB82 with letters as A=10…Z=35.
    expect(validatePaymentReference('3214282912345698765432161182', 'mod97').valid).toBe(true);
    expect(validatePaymentReference('3214282912345698765432161183', 'mod97')).toMatchObject({ valid: false, reason: 'check-digit' });
  });

  it('pads a check below 10 with a zero', () => {
    // 98 − (body·100 mod 97) < 10 when body·100 mod 97 ≥ 89.
    const body = [...Array(2000).keys()].map(String).find((b) => (Number(b) * 100) % 97 >= 89)!;
    expect(mod97CheckDigits(body)).toMatch(/^0\d$/);
  });
});

describe('validation reasons', () => {
  it.each([
    ['123', 'mod97', 'length'],
    ['1'.repeat(41), 'mod10', 'length'],
    ['12A45', 'mod97', 'characters'],
    ['12-345', 'mod10', 'characters'],
  ] as const)('refuses %s under %s: %s', (value, scheme, reason) => {
    expect(validatePaymentReference(value, scheme)).toMatchObject({ valid: false, reason });
  });

  it('trims what was typed', () => {
    expect(validatePaymentReference(' 79444 ', 'mod97')).toMatchObject({ valid: true, value: '79444' });
  });

  it('has Spanish and English messages', () => {
    expect(identityMessage('reference', 'length', 'es')).toBe('la referencia de pago debe tener de 4 a 40 dígitos');
    expect(identityMessage('reference', 'characters', 'en')).toBe('a payment reference holds digits only');
  });
});

describe('building references', () => {
  it('zero-pads the number after the prefix and appends the check digits', () => {
    const ref = buildPaymentReference(42, { scheme: 'mod97', prefix: '7', bodyLength: 6 });
    expect(ref).toBe(`7000042${mod97CheckDigits('7000042')}`);
    expect(buildPaymentReference(7992739871, { scheme: 'mod10', prefix: '', bodyLength: 10 })).toBe('79927398713');
  });

  it('refuses a number that does not fit and a malformed format', () => {
    expect(() => buildPaymentReference(1000, { scheme: 'mod10', prefix: '', bodyLength: 3 })).toThrow(RangeError);
    expect(() => buildPaymentReference(-1, { scheme: 'mod10', prefix: '', bodyLength: 3 })).toThrow(RangeError);
    expect(paymentReferenceFormatIssues({ scheme: 'mod97', prefix: '12a', bodyLength: 0 }).map((i) => i.field)).toEqual(['prefix', 'bodyLength']);
    expect(paymentReferenceFormatIssues({ scheme: 'mod10', prefix: '', bodyLength: 2 })).toMatchObject([{ field: 'bodyLength' }]); // 3 digits < 4
    expect(paymentReferenceFormatIssues({ scheme: 'mod97', prefix: '1'.repeat(20), bodyLength: 19 })).toMatchObject([{ field: 'bodyLength' }]); // 41 > 40
  });
});

const scheme = fc.constantFrom<ReferenceScheme>('mod10', 'mod97');
const format = fc.record({ scheme, prefix: fc.stringMatching(/^\d{0,6}$/), bodyLength: fc.integer({ min: 3, max: 18 }) });
const reference = format.chain((f) =>
  fc.bigInt({ min: 0n, max: 10n ** BigInt(f.bodyLength) - 1n }).map((n) => ({ scheme: f.scheme, value: buildPaymentReference(n, f) })),
);

describe('properties', () => {
  it('every generated reference validates', () => {
    fc.assert(fc.property(reference, ({ scheme, value }) => validatePaymentReference(value, scheme).valid));
  });

  it('any single-digit change is refused, under both schemes', () => {
    fc.assert(
      fc.property(reference, fc.nat(), fc.integer({ min: 1, max: 9 }), ({ scheme, value }, at, delta) => {
        const i = at % value.length;
        const changed = value.slice(0, i) + String((Number(value[i]) + delta) % 10) + value.slice(i + 1);
        return validatePaymentReference(changed, scheme).reason === 'check-digit';
      }),
    );
  });

  it('any adjacent transposition is refused — except 09 ↔ 90 under Luhn', () => {
    fc.assert(
      fc.property(reference, fc.nat(), ({ scheme, value }, at) => {
        const i = at % (value.length - 1);
        const [a, b] = [value[i]!, value[i + 1]!];
        fc.pre(a !== b);
        const swapped = value.slice(0, i) + b + a + value.slice(i + 2);
        const lost = scheme === 'mod10' && ((a === '0' && b === '9') || (a === '9' && b === '0'));
        return validatePaymentReference(swapped, scheme).valid === lost;
      }),
      { numRuns: 2000 },
    );
  });

  it('Luhn misses exactly the 09 ↔ 90 transposition: shown on a reference', () => {
    // 0 weighs 0 and 9 weighs 9 whether doubled (0·2 = 0; 9·2 = 18 → 9) or not.
    const body = '1090';
    const ref = body + String(luhnCheckDigit(body));
    expect(validatePaymentReference(ref, 'mod10').valid).toBe(true);
    expect(validatePaymentReference('1900' + ref.slice(4), 'mod10').valid).toBe(true);
    const mod97 = buildPaymentReference(1090, { scheme: 'mod97', prefix: '', bodyLength: 4 });
    expect(validatePaymentReference('1900' + mod97.slice(4), 'mod97').reason).toBe('check-digit');
  });
});

describe('per-loan CLABE', () => {
  const range = { bank: '646', plaza: '180', fixed: '1234' };

  it('builds bank + plaza + fixed + the padded number + the CLABE check digit', () => {
    const clabe = clabeForAccount(range, 7);
    expect(clabe.slice(0, 17)).toBe('64618012340000007');
    expect(validateClabe(clabe)).toMatchObject({ valid: true, details: { bankCode: '646', bank: 'STP', branchCity: '180' } });
    // The published CLABE 032180000118359719 is account 00011835971 at IXE, plaza 180.
    expect(clabeForAccount({ bank: '032', plaza: '180', fixed: '' }, 11835971)).toBe('032180000118359719');
  });

  it('refuses a malformed range and a number that does not fit', () => {
    expect(clabeRangeIssues({ bank: '64', plaza: '18a', fixed: '12345678901' }).map((i) => i.field)).toEqual(['bank', 'plaza', 'fixed']);
    expect(clabeRangeIssues({ bank: '999', plaza: '180', fixed: '' })).toMatchObject([{ field: 'bank' }]);
    expect(() => clabeForAccount({ bank: '999', plaza: '180', fixed: '' }, 1)).toThrow(RangeError);
    expect(() => clabeForAccount({ ...range, fixed: '1234567890' }, 10)).toThrow(/does not fit/);
    expect(clabeForAccount({ ...range, fixed: '1234567890' }, 9).slice(0, 17)).toBe('64618012345678909');
  });

  it('every generated CLABE validates', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,8}$/), fc.stringMatching(/^\d{3}$/), fc.bigInt({ min: 0n, max: 999n }), (fixed, plaza, n) =>
        validateClabe(clabeForAccount({ bank: '646', plaza, fixed }, n)).valid,
      ),
    );
  });
});
