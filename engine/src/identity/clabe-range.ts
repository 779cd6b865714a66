// Per-loan CLABEs ("CLABE virtual"): a SPEI participant assigns the institution a range — its bank
// code (3), a plaza (3) and, often, some fixed leading account digits — and each loan gets the
// CLABE `bank + plaza + fixed + account number zero-padded to fill 17 digits + check digit`
// (the CLABE check digit of clabe.ts). A transfer to that CLABE names the loan by itself.
import { bankName } from './bank-catalog.ts';
import { clabeCheckDigit } from './clabe.ts';

/** The range a SPEI participant assigned. */
export interface ClabeRange {
  /** Bank code: 3 digits, a participant of the catalog. */
  readonly bank: string;
  /** Plaza (branch city): 3 digits. */
  readonly plaza: string;
  /** Fixed leading account digits (0 to 10 of them: at least one account digit stays variable). */
  readonly fixed: string;
}

/** What is wrong with a range, field by field (empty: usable). */
export function clabeRangeIssues(range: ClabeRange): Array<{ field: keyof ClabeRange; message: string }> {
  const issues: Array<{ field: keyof ClabeRange; message: string }> = [];
  if (!/^\d{3}$/.test(range.bank)) issues.push({ field: 'bank', message: 'the bank code is 3 digits' });
  else if (bankName(range.bank) === undefined) issues.push({ field: 'bank', message: `the bank code ${range.bank} is not a participant of the CLABE catalog` });
  if (!/^\d{3}$/.test(range.plaza)) issues.push({ field: 'plaza', message: 'the plaza is 3 digits' });
  if (!/^\d{0,10}$/.test(range.fixed)) issues.push({ field: 'fixed', message: 'the fixed account digits are 0 to 10 digits' });
  return issues;
}

/** How many account numbers the range holds (0 … capacity − 1). */
export function clabeRangeCapacity(range: ClabeRange): bigint {
  return 10n ** BigInt(11 - range.fixed.length);
}

/**
 * The CLABE of account number `number` in `range`. Throws a RangeError when the range is malformed
 * or the number does not fit in the account digits the range leaves.
 *
 * @example
 * clabeForAccount({ bank: '646', plaza: '180', fixed: '1234' }, 7) // '6461801234000000' + '7' + check digit
 */
export function clabeForAccount(range: ClabeRange, number: number | bigint): string {
  const issues = clabeRangeIssues(range);
  if (issues.length > 0) throw new RangeError(`CLABE range: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  const n = BigInt(number);
  if (n < 0n || n >= clabeRangeCapacity(range)) throw new RangeError(`the account number ${n} does not fit in the range's ${11 - range.fixed.length} digits`);
  const first17 = range.bank + range.plaza + range.fixed + n.toString().padStart(11 - range.fixed.length, '0');
  return first17 + String(clabeCheckDigit(first17));
}
