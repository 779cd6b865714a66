// What the statements show beside the API's figures, Svelte-free: the balance sheet's right-hand
// total (liabilities + equity + the result not yet closed) and how far it is from the assets (the
// API says whether it balances; the studio shows by how much when it does not), the dashboard's
// portfolio figures from the books report. Exact decimals, display only.
import { Dec } from '@plazo/engine';
import type { Account, BalanceSheet, BooksReport } from '../api/accounting.ts';

export interface BalanceCheck {
  /** Liabilities + equity + result. */
  readonly liabilitiesAndEquity: string;
  /** Equity + result: the equity section's total as shown. */
  readonly equityWithResult: string;
  /** Assets − (liabilities + equity + result). */
  readonly difference: string;
}

export function balanceCheck(sheet: Pick<BalanceSheet, 'totals' | 'result'>, decimals = 2): BalanceCheck {
  const equity = new Dec(sheet.totals.equity).plus(sheet.result);
  const right = new Dec(sheet.totals.liabilities).plus(equity);
  return {
    liabilitiesAndEquity: right.toFixed(decimals),
    equityWithResult: equity.toFixed(decimals),
    difference: new Dec(sheet.totals.assets).minus(right).toFixed(decimals),
  };
}

export interface BooksFigures {
  /** Principal + interest of each stage. */
  readonly vigente: string;
  readonly vencida: string;
}

/** The cartera vigente and vencida totals (principal + accrued interest) of the books report. */
export function booksFigures(report: Pick<BooksReport, 'vigente' | 'vencida'>, decimals = 2): BooksFigures {
  const total = (s: { principal: string; interest: string }) => new Dec(s.principal).plus(s.interest).toFixed(decimals);
  return { vigente: total(report.vigente), vencida: total(report.vencida) };
}

/**
 * The contra accounts of the chart: an asset whose normal balance is a credit (the allowance,
 * 1190), a liability or equity account whose normal balance is a debit. They subtract from their
 * section; any other negative balance (Bancos overdrawn) is just negative.
 */
export function contraAccounts(accounts: readonly Pick<Account, 'code' | 'type' | 'normalBalance'>[]): Set<string> {
  return new Set(
    accounts
      .filter((a) => (a.type === 'asset' && a.normalBalance === 'credit') || ((a.type === 'liability' || a.type === 'equity') && a.normalBalance === 'debit'))
      .map((a) => a.code),
  );
}

/** The lines worth reading: those with a balance, or all of them when asked (zero balances too). */
export function withBalance<T extends { readonly amount: string }>(lines: readonly T[], all: boolean): T[] {
  return all ? [...lines] : lines.filter((l) => !new Dec(l.amount).isZero());
}
