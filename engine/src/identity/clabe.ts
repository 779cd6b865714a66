// CLABE (Clave Bancaria Estandarizada, 18 digits): bank (3) + branch city (3) + account (11) +
// check digit: weights 3, 7, 1 repeating, S = Σ (d_i·w_i mod 10), check = (10 − S mod 10) mod 10.
// The bank must be a participant of the catalog (bank-catalog.ts).
import { bankName } from './bank-catalog.ts';
import { normalizeCode, type IdentityCheck } from './identity-check.ts';

export interface ClabeDetails {
  readonly bankCode: string;
  readonly bank: string | null;
  readonly branchCity: string;
  readonly account: string;
}

export type ClabeCheck = IdentityCheck<ClabeDetails>;

const WEIGHTS = [3, 7, 1];

/** The check digit of a CLABE's first 17 digits. */
export function clabeCheckDigit(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(first17[i]) * WEIGHTS[i % 3]!) % 10;
  return (10 - (sum % 10)) % 10;
}

/**
 * Validates a CLABE: 18 digits, a bank of the catalog, the check digit.
 *
 * @example
 * validateClabe('032180000118359719').details // { bankCode: '032', bank: 'IXE', branchCity: '180', account: '00011835971' }
 */
export function validateClabe(input: string): ClabeCheck {
  const value = normalizeCode(input);
  const fail = (reason: ClabeCheck['reason'], details?: ClabeDetails): ClabeCheck => ({ kind: 'clabe', value, valid: false, reason, severity: 'error', ...(details ? { details } : {}) });
  if ([...value].length !== 18) return fail('length');
  if (!/^\d{18}$/.test(value)) return fail('characters');
  const bankCode = value.slice(0, 3);
  const details: ClabeDetails = { bankCode, bank: bankName(bankCode) ?? null, branchCity: value.slice(3, 6), account: value.slice(6, 17) };
  if (details.bank === null) return fail('bank', details);
  if (clabeCheckDigit(value) !== Number(value[17])) return fail('check-digit', details);
  return { kind: 'clabe', value, valid: true, details };
}
