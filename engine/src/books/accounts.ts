// The accounts a loan's books use (codes are data in the runtime's ledger_accounts; these are the
// codes of the chart the regulatory-chart migration seeds, BOOKS.md).
import type { BookStage, BooksComponent } from './books-types.ts';

export const ACCOUNT = {
  cash: '1000',
  principalVigente: '1100',
  interestVigente: '1110',
  feesReceivable: '1120',
  penaltiesVigente: '1130',
  ivaReceivable: '1140',
  allowance: '1190',
  principalVencida: '1300',
  interestVencida: '1310',
  penaltiesVencida: '1330',
  ivaInterest: '2101',
  ivaFees: '2102',
  ivaLateFees: '2103',
  ivaMoratorium: '2104',
  ivaNotCollected: '2105',
  unapplied: '2200',
  capitalised: '2300',
  deferredFees: '2400',
  collectedInAdvance: '2410',
  interestIncome: '4100',
  openingFeeIncome: '4150',
  feeIncome: '4200',
  lateFeeIncome: '4300',
  moratoriumIncome: '4310',
  recoveries: '4400',
  writeOffExpense: '5100',
  reserveExpense: '5200',
  memorandum: '7100',
  memorandumContra: '7900',
} as const;

/**
 * The loan subledger accounts: only loan postings touch them (manual entries may not), and the
 * books check compares Σ loan positions with their balances. 1120 holds fees earned unpaid (the
 * foundation chart's "Comisiones por cobrar"), in either stage.
 */
export const LOAN_ACCOUNTS: readonly string[] = Object.freeze([
  '1100', '1110', '1120', '1130', '1140', '1190', '1300', '1310', '1330',
  '2101', '2102', '2103', '2104', '2105', '2200', '2300', '2400', '2410', '7100', '7900',
]);

/** Every account a loan's position may hold (the subledger plus cash, income and expense). */
export const BOOKS_ACCOUNTS: readonly string[] = Object.freeze([...Object.values(ACCOUNT)].sort());

/** The position of a loan with no books yet. */
export const EMPTY_BOOKS_POSITION: Readonly<Record<string, string>> = Object.freeze({});

/** Where what a component earned and is unpaid sits on the books, by stage (IVA: 1140 in both). */
export function receivableAccount(c: BooksComponent, stage: BookStage): string {
  switch (c) {
    case 'interest':
      return stage === 'vigente' ? ACCOUNT.interestVigente : ACCOUNT.interestVencida;
    case 'fees':
      return ACCOUNT.feesReceivable;
    case 'lateFees':
    case 'moratorium':
      return stage === 'vigente' ? ACCOUNT.penaltiesVigente : ACCOUNT.penaltiesVencida;
    default:
      return ACCOUNT.ivaReceivable;
  }
}

/** Income of a base component, or IVA trasladado of an IVA component. */
export function recognitionAccount(c: BooksComponent): string {
  switch (c) {
    case 'interest':
      return ACCOUNT.interestIncome;
    case 'interestIva':
      return ACCOUNT.ivaInterest;
    case 'fees':
      return ACCOUNT.feeIncome;
    case 'feesIva':
      return ACCOUNT.ivaFees;
    case 'lateFees':
      return ACCOUNT.lateFeeIncome;
    case 'lateFeesIva':
      return ACCOUNT.ivaLateFees;
    case 'moratorium':
      return ACCOUNT.moratoriumIncome;
    case 'moratoriumIva':
      return ACCOUNT.ivaMoratorium;
  }
}

export function isIvaComponent(c: BooksComponent): boolean {
  return c.endsWith('Iva');
}
