// The portfolio as the books carry it at a date, from the GL balances (not the loans' state):
// cartera vigente and vencida (principal 1100 / 1300, accrued interest receivable 1110 / 1310),
// the portfolio (their sum), the índice de morosidad (vencida / portfolio), the allowance
// (−1190, the estimación preventiva) and its coverage of the vencida portfolio (allowance /
// vencida), and the interest a vencida loan accrues off the books (memorandum 7100).
// Ratios are fractions with 6 decimals, rounded half-even; morosidad is 0 for an empty portfolio,
// coverage null without vencida.
import { Dec } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import { balancesOf, moneyText } from '../ledger/financial-statements.ts';

export const BOOKS_ACCOUNTS = {
  vigentePrincipal: '1100',
  vigenteInterest: '1110',
  vencidaPrincipal: '1300',
  vencidaInterest: '1310',
  allowance: '1190',
  memorandum: '7100',
} as const;

export interface BooksReport {
  readonly date: string;
  readonly currency: string;
  readonly vigente: { readonly principal: string; readonly interest: string };
  readonly vencida: { readonly principal: string; readonly interest: string };
  readonly portfolio: string;
  readonly morosidad: string;
  readonly allowance: string;
  readonly coverage: string | null;
  readonly memorandum: string;
}

const RATIO_DECIMALS = 6;

export async function booksReport(db: Executor, date: string, currency: string): Promise<BooksReport> {
  const b = await balancesOf(db, Object.values(BOOKS_ACCOUNTS), date, currency);
  const at = (code: string) => b.get(code)!;
  const vigente = at(BOOKS_ACCOUNTS.vigentePrincipal).plus(at(BOOKS_ACCOUNTS.vigenteInterest));
  const vencida = at(BOOKS_ACCOUNTS.vencidaPrincipal).plus(at(BOOKS_ACCOUNTS.vencidaInterest));
  const portfolio = vigente.plus(vencida);
  const allowance = at(BOOKS_ACCOUNTS.allowance).negated();
  const ratio = (num: InstanceType<typeof Dec>, den: InstanceType<typeof Dec>) => num.div(den).toFixed(RATIO_DECIMALS, Dec.ROUND_HALF_EVEN);
  return {
    date,
    currency,
    vigente: { principal: moneyText(at(BOOKS_ACCOUNTS.vigentePrincipal)), interest: moneyText(at(BOOKS_ACCOUNTS.vigenteInterest)) },
    vencida: { principal: moneyText(at(BOOKS_ACCOUNTS.vencidaPrincipal)), interest: moneyText(at(BOOKS_ACCOUNTS.vencidaInterest)) },
    portfolio: moneyText(portfolio),
    morosidad: portfolio.isZero() ? new Dec(0).toFixed(RATIO_DECIMALS) : ratio(vencida, portfolio),
    allowance: moneyText(allowance),
    coverage: vencida.isZero() ? null : ratio(allowance, vencida),
    memorandum: moneyText(at(BOOKS_ACCOUNTS.memorandum)),
  };
}
