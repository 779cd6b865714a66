// Payment references: the digits a client quotes when paying (a bank deposit's «referencia», a
// convenience store's barcode), ending in check digits so a mistyped reference is refused rather
// than applied to someone else's loan. The institution chooses one of two documented schemes:
//
// - `mod10` — Luhn (ISO/IEC 7812-1 annex B): from the rightmost body digit leftwards, weights 2, 1,
//   2, 1…; a doubled digit above 9 counts its digit sum (d·2 − 9); check = (10 − Σ mod 10) mod 10.
//   One check digit. Catches every single-digit change and every adjacent transposition except
//   09 ↔ 90 (0 and 9 both weigh 0 and 9 whether doubled or not).
// - `mod97` — ISO/IEC 7064 MOD 97-10 (the IBAN and RF creditor reference family): two check digits
//   98 − (body·100 mod 97), zero-padded; the whole reference read as a number is ≡ 1 (mod 97).
//   Catches every single-digit change and every adjacent transposition (10 is prime to 97).
//
// A reference is `prefix + number zero-padded to bodyLength + check digits`, digits only; the
// check digits cover the prefix too.
import { normalizeCode, type IdentityCheck } from './identity-check.ts';

export const REFERENCE_SCHEMES = ['mod10', 'mod97'] as const;
export type ReferenceScheme = (typeof REFERENCE_SCHEMES)[number];

/** How an institution's references are built. */
export interface PaymentReferenceFormat {
  readonly scheme: ReferenceScheme;
  /** Digits that open every reference (may be empty). */
  readonly prefix: string;
  /** Digits of the loan's number, zero-padded on the left. */
  readonly bodyLength: number;
}

export interface PaymentReferenceDetails {
  readonly scheme: ReferenceScheme;
  /** Everything before the check digits (the prefix included). */
  readonly body: string;
  readonly checkDigits: string;
}

export type PaymentReferenceCheck = IdentityCheck<PaymentReferenceDetails>;

/** The shortest and longest reference a loan may carry (the column's check: 4 to 40). */
export const REFERENCE_MIN_LENGTH = 4;
export const REFERENCE_MAX_LENGTH = 40;

/** Digits each scheme appends. */
export function referenceCheckLength(scheme: ReferenceScheme): number {
  return scheme === 'mod10' ? 1 : 2;
}

/**
 * The Luhn check digit of `body` (digits only).
 *
 * @example
 * luhnCheckDigit('7992739871') // 3 (the Luhn test number 79927398713)
 */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    const d = body.charCodeAt(i) - 48;
    sum += double ? (d > 4 ? d * 2 - 9 : d * 2) : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `digits` (a decimal string of any length) modulo 97, digit by digit. */
function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % 97;
  return r;
}

/**
 * The two ISO 7064 MOD 97-10 check digits of `body` (digits only).
 *
 * @example
 * mod97CheckDigits('794') // '44' (ISO 7064's example: 79444)
 */
export function mod97CheckDigits(body: string): string {
  return String(98 - ((mod97(body) * 100) % 97)).padStart(2, '0');
}

/** The check digits `scheme` appends to `body`. */
export function referenceCheckDigits(body: string, scheme: ReferenceScheme): string {
  return scheme === 'mod10' ? String(luhnCheckDigit(body)) : mod97CheckDigits(body);
}

/** What is wrong with a format, field by field (empty: usable). */
export function paymentReferenceFormatIssues(format: PaymentReferenceFormat): Array<{ field: keyof PaymentReferenceFormat; message: string }> {
  const issues: Array<{ field: keyof PaymentReferenceFormat; message: string }> = [];
  if (!(REFERENCE_SCHEMES as readonly string[]).includes(format.scheme)) issues.push({ field: 'scheme', message: `the scheme is one of ${REFERENCE_SCHEMES.join(', ')}` });
  if (!/^\d{0,20}$/.test(format.prefix)) issues.push({ field: 'prefix', message: 'the prefix holds at most 20 digits and nothing else' });
  if (!Number.isInteger(format.bodyLength) || format.bodyLength < 1) issues.push({ field: 'bodyLength', message: 'the body length is a whole number of digits, at least 1' });
  if (issues.length === 0) {
    const total = format.prefix.length + format.bodyLength + referenceCheckLength(format.scheme);
    if (total < REFERENCE_MIN_LENGTH || total > REFERENCE_MAX_LENGTH) {
      issues.push({ field: 'bodyLength', message: `prefix, body and check digits make ${total} digits: a reference has ${REFERENCE_MIN_LENGTH} to ${REFERENCE_MAX_LENGTH}` });
    }
  }
  return issues;
}

/** The largest number a format's body holds (10^bodyLength − 1). */
export function referenceCapacity(format: PaymentReferenceFormat): bigint {
  return 10n ** BigInt(format.bodyLength) - 1n;
}

/**
 * The reference of loan number `number`: prefix + the number zero-padded to `bodyLength` + check
 * digits. Throws a RangeError when the format is unusable or the number does not fit.
 *
 * @example
 * buildPaymentReference(42, { scheme: 'mod97', prefix: '7', bodyLength: 6 }) // '7000042' + 2 check digits
 */
export function buildPaymentReference(number: number | bigint, format: PaymentReferenceFormat): string {
  const issues = paymentReferenceFormatIssues(format);
  if (issues.length > 0) throw new RangeError(`payment reference format: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  const n = BigInt(number);
  if (n < 0n || n > referenceCapacity(format)) throw new RangeError(`the number ${n} does not fit in ${format.bodyLength} digits`);
  const body = format.prefix + n.toString().padStart(format.bodyLength, '0');
  return body + referenceCheckDigits(body, format.scheme);
}

/**
 * Validates a reference under `scheme`: digits only, 4 to 40 of them, the check digits right.
 * The reasons are `length`, `characters` and `check-digit` (identityMessage says them in es/en).
 *
 * @example
 * validatePaymentReference('79927398713', 'mod10').valid // true
 */
export function validatePaymentReference(input: string, scheme: ReferenceScheme): PaymentReferenceCheck {
  const value = normalizeCode(input);
  const fail = (reason: PaymentReferenceCheck['reason'], details?: PaymentReferenceDetails): PaymentReferenceCheck => ({
    kind: 'reference', value, valid: false, reason, severity: 'error', ...(details ? { details } : {}),
  });
  if (!/^\d*$/.test(value)) return fail('characters');
  if (value.length < REFERENCE_MIN_LENGTH || value.length > REFERENCE_MAX_LENGTH) return fail('length');
  const split = value.length - referenceCheckLength(scheme);
  const details: PaymentReferenceDetails = { scheme, body: value.slice(0, split), checkDigits: value.slice(split) };
  if (referenceCheckDigits(details.body, scheme) !== details.checkDigits) return fail('check-digit', details);
  return { kind: 'reference', value, valid: true, details };
}

/**
 * Validates a reference typed by someone who does not know which scheme gave it (an institution
 * that changed its scheme keeps both kinds): valid when `preferred` or the other scheme accepts
 * it; otherwise the refusal under `preferred`. A wrong check digit under both is `check-digit`.
 */
export function validatePaymentReferenceAnyScheme(input: string, preferred: ReferenceScheme): PaymentReferenceCheck {
  const first = validatePaymentReference(input, preferred);
  if (first.valid || first.reason !== 'check-digit') return first;
  const other = validatePaymentReference(input, preferred === 'mod10' ? 'mod97' : 'mod10');
  return other.valid ? other : first;
}
