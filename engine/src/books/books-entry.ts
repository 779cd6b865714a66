// Journal entries as differences of positions: every posting of a loan (an event, a day close, a
// month-end reserve) is the change of its position; a day close of many loans, the sum of theirs.
import { InvalidInputError } from '../errors.ts';
import { formatMoney, parseMoney } from '../servicing/money.ts';
import type { JournalLine } from './books-types.ts';

type Position = Readonly<Record<string, string>>;

function parse(text: string, d: number, path: string): bigint {
  try {
    return parseMoney(text, d);
  } catch {
    throw new InvalidInputError([{ path, message: `must be a decimal string with at most ${d} decimals, got ${JSON.stringify(text)}` }]);
  }
}

/**
 * The journal lines that bring the books from position `before` to `after` (debit-positive
 * balances by account, as LoanBooks.position): one line per account whose balance changed, debit
 * when it grew, credit when it fell, sorted by account, amounts at `decimals` places. Balanced
 * whenever both positions sum to the same total (zero for a loan's positions). Throws
 * InvalidInputError for an amount that is not a decimal at that scale (path `before.1100`…).
 */
export function booksEntry(before: Position, after: Position, decimals: number): JournalLine[] {
  const zero = formatMoney(0n, decimals);
  const accounts = new Set([...Object.keys(before), ...Object.keys(after)]);
  const lines: JournalLine[] = [];
  for (const account of [...accounts].sort()) {
    const a = before[account];
    const b = after[account];
    if (a === b) continue;
    const change = (b === undefined ? 0n : parse(b, decimals, `after.${account}`)) - (a === undefined ? 0n : parse(a, decimals, `before.${account}`));
    if (change === 0n) continue;
    lines.push(Object.freeze(change > 0n ? { account, debit: formatMoney(change, decimals), credit: zero } : { account, debit: zero, credit: formatMoney(-change, decimals) }));
  }
  return lines;
}

/** Σ of positions by account (zero balances left out, codes in order): what many loans hold together. */
export function sumPositions(positions: Iterable<Position>, decimals: number): Record<string, string> {
  const sum = new Map<string, bigint>();
  let i = 0;
  for (const p of positions) {
    for (const [account, v] of Object.entries(p)) sum.set(account, (sum.get(account) ?? 0n) + parse(v, decimals, `positions[${i}].${account}`));
    i++;
  }
  const out: Record<string, string> = {};
  // From the highest code (see Position.toRecord in books-on.ts): the object lists integer-like keys in ascending order anyway.
  for (const account of [...sum.keys()].sort().reverse()) if (sum.get(account) !== 0n) out[account] = formatMoney(sum.get(account)!, decimals);
  return out;
}

/** Σ of a position's balances (0 for a loan's books). */
export function positionTotal(position: Position, decimals: number): string {
  let sum = 0n;
  for (const [account, v] of Object.entries(position)) sum += parse(v, decimals, account);
  return formatMoney(sum, decimals);
}
