// The financial statements from the general ledger, in one currency: the balance sheet at a date
// (balances of every entry dated up to it) and the income statement of a date range (the
// movements of the entries dated in it). Sums are NUMERIC in the database, then exact decimals.
// Signs: assets debit-positive (so the allowance 1190, a contra-asset, shows negative);
// liabilities and equity credit-positive; income credit-positive and expenses debit-positive (a
// reserve release or an income reversal shows negative); memorandum accounts (cuentas de orden)
// positive on their normal side, apart from everything else. `result` is income − expenses not
// yet closed into equity: the balance sheet balances when assets = liabilities + equity + result.
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { bare } from '../db/pg-arrays.ts';

type Decimal = InstanceType<typeof Dec>;

export interface StatementLine {
  readonly code: string;
  readonly name: string;
  readonly balance: string;
}

export interface BalanceSheet {
  readonly date: string;
  readonly currency: string;
  readonly assets: StatementLine[];
  readonly liabilities: StatementLine[];
  readonly equity: StatementLine[];
  readonly result: string;
  readonly totals: { readonly assets: string; readonly liabilities: string; readonly equity: string };
  readonly balanced: boolean;
  readonly memorandum: StatementLine[];
}

export interface IncomeLine {
  readonly code: string;
  readonly name: string;
  readonly amount: string;
}

export interface IncomeStatement {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly income: IncomeLine[];
  readonly expenses: IncomeLine[];
  readonly totals: { readonly income: string; readonly expenses: string; readonly net: string };
}

interface AccountSum {
  readonly code: string;
  readonly name: string;
  readonly type: 'asset' | 'liability' | 'equity' | 'income' | 'expense' | 'memorandum';
  readonly normal_balance: 'debit' | 'credit';
  /** Σ debit − credit of the lines selected (debit-positive). */
  readonly net: string;
}

/** An amount exact, with cents when it has at most two decimals (`1500.00`, `0.00`, `0.125`). */
export function moneyText(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed();
}

/**
 * Every account of the chart (of `types`) with the net of its lines in `currency` dated from
 * `from` (inclusive; null: since the beginning) to `to` inclusive. The lines are summed by
 * account first, then joined to the chart.
 */
async function accountSums(db: Executor, options: { from: string | null; to: string; currency: string; types: readonly AccountSum['type'][] }): Promise<AccountSum[]> {
  const { rows } = await sql<AccountSum>`
    select a.code, a.name, a.type, a.normal_balance, coalesce(s.net, 0)::text as net
    from ledger_accounts a
    left join (
      select l.account_code, sum(l.debit - l.credit) as net
      from journal_lines l join journal_entries e on e.id = l.entry_id
      where e.entry_date <= ${options.to}::date and (${options.from}::date is null or e.entry_date >= ${options.from}::date) and e.currency = ${options.currency}
      group by l.account_code
    ) s on s.account_code = a.code
    where a.type = any(${bare(options.types)}::text[])
    order by a.code
  `.execute(db);
  return rows;
}

const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), new Dec(0));

/** The balance sheet at the end of `date`. */
export async function balanceSheet(db: Executor, date: string, currency: string): Promise<BalanceSheet> {
  const rows = await accountSums(db, { from: null, to: date, currency, types: ['asset', 'liability', 'equity', 'income', 'expense', 'memorandum'] });
  const section = (type: AccountSum['type'], sign: 1 | -1) =>
    rows.filter((r) => r.type === type).map((r) => ({ code: r.code, name: r.name, value: new Dec(r.net).times(sign) }));
  const assets = section('asset', 1);
  const liabilities = section('liability', -1);
  const equity = section('equity', -1);
  // Income is credit-positive, expenses debit-positive: the result is minus their debit-positive sum.
  const result = sum(rows.filter((r) => r.type === 'income' || r.type === 'expense').map((r) => new Dec(r.net))).negated();
  const memorandum = rows
    .filter((r) => r.type === 'memorandum')
    .map((r) => ({ code: r.code, name: r.name, value: new Dec(r.net).times(r.normal_balance === 'debit' ? 1 : -1) }));
  const totals = { assets: sum(assets.map((a) => a.value)), liabilities: sum(liabilities.map((a) => a.value)), equity: sum(equity.map((a) => a.value)) };
  const lines = (list: { code: string; name: string; value: Decimal }[]) => list.map((l) => ({ code: l.code, name: l.name, balance: moneyText(l.value) }));
  return {
    date,
    currency,
    assets: lines(assets),
    liabilities: lines(liabilities),
    equity: lines(equity),
    result: moneyText(result),
    totals: { assets: moneyText(totals.assets), liabilities: moneyText(totals.liabilities), equity: moneyText(totals.equity) },
    balanced: totals.assets.equals(totals.liabilities.plus(totals.equity).plus(result)),
    memorandum: lines(memorandum),
  };
}

/** The income statement of the entries dated from `from` to `to` inclusive. */
export async function incomeStatement(db: Executor, from: string, to: string, currency: string): Promise<IncomeStatement> {
  const rows = await accountSums(db, { from, to, currency, types: ['income', 'expense'] });
  const income = rows.filter((r) => r.type === 'income').map((r) => ({ code: r.code, name: r.name, value: new Dec(r.net).negated() }));
  const expenses = rows.filter((r) => r.type === 'expense').map((r) => ({ code: r.code, name: r.name, value: new Dec(r.net) }));
  const totalIncome = sum(income.map((l) => l.value));
  const totalExpenses = sum(expenses.map((l) => l.value));
  const lines = (list: { code: string; name: string; value: Decimal }[]) => list.map((l) => ({ code: l.code, name: l.name, amount: moneyText(l.value) }));
  return {
    from,
    to,
    currency,
    income: lines(income),
    expenses: lines(expenses),
    totals: { income: moneyText(totalIncome), expenses: moneyText(totalExpenses), net: moneyText(totalIncome.minus(totalExpenses)) },
  };
}

/** Debit-positive balances of `accounts` at the end of `date` in `currency` (an account without lines: 0). */
export async function balancesOf(db: Executor, accounts: readonly string[], date: string, currency: string): Promise<Map<string, Decimal>> {
  const { rows } = await sql<{ account_code: string; net: string }>`
    select l.account_code, sum(l.debit - l.credit)::text as net
    from journal_lines l join journal_entries e on e.id = l.entry_id
    where l.account_code = any(${bare(accounts)}::text[]) and e.entry_date <= ${date}::date and e.currency = ${currency}
    group by l.account_code
  `.execute(db);
  const out = new Map(accounts.map((a) => [a, new Dec(0)]));
  for (const r of rows) out.set(r.account_code, new Dec(r.net));
  return out;
}
