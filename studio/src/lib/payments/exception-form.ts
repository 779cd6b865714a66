// The exceptions queue's action form (/tesoreria/por-aplicar): a loan named by its id, its payment
// reference or its CLABE, and amounts checked against what is still open — exactly, in decimals.
import { Dec } from '@plazo/engine';
import type { LoanFilter } from '../api/client.ts';
import { parseAmount } from '../books/manual-entry.ts';
import { searchKind } from './payment-keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How a typed loan is looked up: an id as is, else the list filter its shape names (null: neither). */
export function loanLookup(text: string): { readonly id: string } | { readonly filter: LoanFilter } | null {
  const t = text.trim();
  if (UUID.test(t)) return { id: t.toLowerCase() };
  const kind = searchKind(t);
  if (kind === 'clabe') return { filter: { clabe: t } };
  if (kind === 'paymentReference') return { filter: { paymentReference: t } };
  return null;
}

/** A typed amount as an exact decimal, or null when it is not an amount (empty: null too). */
export function amountOf(text: string): Dec | null {
  const plain = parseAmount(text);
  return plain ? new Dec(plain) : null;
}

/** The problem with a part's amount against what is left open, or null: positive, at most 2 places, not over. */
export function amountProblem(text: string, open: Dec): 'amount' | 'over' | null {
  const amount = amountOf(text);
  if (!amount || !amount.gt(0) || amount.decimalPlaces() > 2) return 'amount';
  return amount.gt(open) ? 'over' : null;
}

/** The sum of the amounts typed (what is not an amount counts 0). */
export function sumOf(texts: readonly string[]): Dec {
  return texts.reduce((sum, t) => sum.plus(amountOf(t) ?? 0), new Dec(0));
}
