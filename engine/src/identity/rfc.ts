// RFC (Registro Federal de Contribuyentes): 13 characters for a person (4 letters, YYMMDD,
// 2-character homoclave, check digit), 12 for a company (3 letters…). The check digit is SAT's
// mod 11 over the table `0-9A-N&O-Z Ñ`; about 1.5% of RFCs in use fail it, so a failing check
// digit is a warning, not an error (shared/DOMAIN.md). The generic RFCs XAXX010101000 (Mexican
// public) and XEXX010101000 (foreigners) are valid by convention.
import { calendarDate, normalizeCode, type IdentityCheck } from './identity-check.ts';

export interface RfcDetails {
  /** `person` (13 characters) or `company` (12). */
  readonly holder: 'person' | 'company';
  /** The date of birth or of incorporation as written, `YYMMDD` (an RFC does not say the century). */
  readonly date: string;
  /** One of SAT's generic RFCs (no individual taxpayer). */
  readonly generic: boolean;
}

export type RfcCheck = IdentityCheck<RfcDetails>;

const TABLE = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
export const GENERIC_RFCS: readonly string[] = ['XAXX010101000', 'XEXX010101000'];

/** SAT's check character of an RFC without its last character (11 or 12 characters); undefined outside the table. */
export function rfcCheckDigit(withoutCheck: string): string | undefined {
  const padded = [...withoutCheck].length === 11 ? ` ${withoutCheck}` : withoutCheck;
  const chars = [...padded];
  if (chars.length !== 12) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const v = TABLE.indexOf(chars[i]!);
    if (v < 0) return undefined;
    sum += v * (13 - i);
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/**
 * Validates an RFC of a person (13) or a company (12). A wrong check digit gives
 * `reason: 'check-digit'` with `severity: 'warning'` and the details; every other reason is an error.
 *
 * @example
 * validateRfc('GODE561231GR8') // { valid: true, details: { holder: 'person', date: '561231', … } }
 */
export function validateRfc(input: string): RfcCheck {
  const value = normalizeCode(input);
  const fail = (reason: RfcCheck['reason'], severity: 'error' | 'warning' = 'error', details?: RfcDetails): RfcCheck => ({
    kind: 'rfc', value, valid: false, reason, severity, ...(details ? { details } : {}),
  });
  const chars = [...value];
  if (chars.length !== 12 && chars.length !== 13) return fail('length');
  if (!chars.every((c) => TABLE.includes(c) && c !== ' ')) return fail('characters');
  const letters = chars.length - 9;
  if (!chars.slice(0, letters).every((c) => /^[A-Z&Ñ]$/.test(c))) return fail('name-letters');
  const ymd = chars.slice(letters, letters + 6).join('');
  if (!/^\d{6}$/.test(ymd)) return fail('birth-date');
  const yy = Number(ymd.slice(0, 2));
  const [mm, dd] = [Number(ymd.slice(2, 4)), Number(ymd.slice(4, 6))];
  if (calendarDate(2000 + yy, mm, dd) === undefined && calendarDate(1900 + yy, mm, dd) === undefined) return fail('birth-date');
  const date = ymd;
  if (!chars.slice(letters + 6, letters + 8).every((c) => /^[0-9A-Z]$/.test(c))) return fail('homoclave');
  const generic = GENERIC_RFCS.includes(value);
  const details: RfcDetails = { holder: chars.length === 13 ? 'person' : 'company', date, generic };
  const last = chars.at(-1)!;
  if (!/^[0-9A]$/.test(last)) return fail('check-digit', 'error', details);
  if (!generic && rfcCheckDigit(chars.slice(0, -1).join('')) !== last) return fail('check-digit', 'warning', details);
  return { kind: 'rfc', value, valid: true, details };
}
