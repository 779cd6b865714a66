// The amounts of an installment in a compact checkpoint token (compact.ts): scaled integers as
// decimal digits without a point, zeros left empty and trailing zeros dropped.
//   token  = head "|" due [ "|" paid [ "|" extras ] ]
//   due    = the nine components (COMPONENTS order) at the currency scale: "57268,11538,1846"
//   paid   = "" (nothing paid) | "=" (paid in full: the same as due) | nine components
//   extras = chargedFees, chargedFeesIva, moratoriumNumerator (at the moratorium scale), and the
//            scheduled total only when it is not due principal + interest + IVA + fees − charged fees
// The head (due day, number, segment, paid and late-fee days, restructured) is read by compact.ts.
import type { Amounts } from './ledger.ts';

export interface UnpackedAmounts {
  readonly due: Amounts;
  readonly paid: Amounts;
  readonly chargedFees: bigint;
  readonly chargedFeesIva: bigint;
  readonly moratoriumNumerator: bigint;
  readonly scheduledTotal: bigint;
}

/** The integers of a comma list, `n` of them, empty entries and missing ones 0. */
function ints(text: string, n: number): bigint[] {
  const out: bigint[] = [0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n].slice(0, n);
  if (text === '') return out;
  let k = 0;
  let at = 0;
  while (k < n) {
    const comma = text.indexOf(',', at);
    const end = comma < 0 ? text.length : comma;
    if (end > at) out[k] = BigInt(text.slice(at, end));
    k++;
    if (comma < 0) break;
    at = comma + 1;
  }
  return out;
}

/** The comma list of `xs`, zeros empty, trailing zeros dropped. */
function list(xs: readonly bigint[]): string {
  let n = xs.length;
  while (n > 0 && xs[n - 1] === 0n) n--;
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += ',';
    if (xs[i] !== 0n) out += xs[i]!.toString();
  }
  return out;
}

function scheduledOf(due: Amounts, fees: bigint, feesIva: bigint): bigint {
  return due[0]! + due[1]! + due[2]! + due[3]! - fees + due[4]! - feesIva;
}

/** The amounts after the head of `token`. */
export function unpackAmounts(token: string): UnpackedAmounts {
  const a = token.indexOf('|');
  const b = a < 0 ? -1 : token.indexOf('|', a + 1);
  const c = b < 0 ? -1 : token.indexOf('|', b + 1);
  const due = ints(a < 0 ? '' : token.slice(a + 1, b < 0 ? token.length : b), 9);
  const paidText = b < 0 ? '' : token.slice(b + 1, c < 0 ? token.length : c);
  const paid = paidText === '=' ? [...due] : ints(paidText, 9);
  const [fees, feesIva, mor, total] = ints(c < 0 ? '' : token.slice(c + 1), 4) as [bigint, bigint, bigint, bigint];
  const scheduledTotal = c >= 0 && countFields(token.slice(c + 1)) >= 4 ? total : scheduledOf(due, fees, feesIva);
  return { due, paid, chargedFees: fees, chargedFeesIva: feesIva, moratoriumNumerator: mor, scheduledTotal };
}

/** How many comma-separated fields `text` has (0 for ""). */
function countFields(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) n++;
  return n;
}

/** The amounts part of a token ("|due|paid|extras", trailing empty parts dropped). */
export function packAmounts(due: Amounts, paid: Amounts, chargedFees: bigint, chargedFeesIva: bigint, moratoriumNumerator: bigint, scheduledTotal: bigint): string {
  let same = true;
  let zero = true;
  for (let i = 0; i < 9; i++) {
    if (due[i] !== paid[i]) same = false;
    if (paid[i] !== 0n) zero = false;
  }
  const extras = [chargedFees, chargedFeesIva, moratoriumNumerator];
  let extraText = list(extras);
  // The scheduled total is written (as a fourth field, the three before it in full) only when it is not derived.
  if (scheduledTotal !== scheduledOf(due, chargedFees, chargedFeesIva)) extraText = `${extras.map((x) => (x === 0n ? '' : x.toString())).join(',')},${scheduledTotal}`;
  const paidText = zero ? '' : same ? '=' : list(paid);
  let out = `|${list(due)}`;
  if (paidText !== '' || extraText !== '') out += `|${paidText}`;
  if (extraText !== '') out += `|${extraText}`;
  return out;
}
