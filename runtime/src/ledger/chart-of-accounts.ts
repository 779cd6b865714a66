// Which account each money movement of a loan posts to. The accounts themselves are data
// (`ledger_accounts`, seeded by migrations); this maps the engine's components onto them.
import type { Component } from '@plazo/engine';

export const ACCOUNTS = {
  cash: '1000',
  principal: '1100',
  unappliedPayments: '2200',
  capitalized: '2300',
  feeIncome: '4200',
  feeIva: '2102',
  writeOffExpense: '5100',
  recoveries: '4400',
} as const;

/** Income or IVA account of each component paid (principal reduces the portfolio, 1100). */
export const COMPONENT_ACCOUNTS: Readonly<Record<Exclude<Component, 'principal'>, string>> = {
  interest: '4100',
  interestIva: '2101',
  fees: '4200',
  feesIva: '2102',
  lateFees: '4300',
  lateFeesIva: '2103',
  moratorium: '4310',
  moratoriumIva: '2104',
};

/** Every account code the postings use (tests check each exists in `ledger_accounts`). */
export const POSTED_ACCOUNTS: readonly string[] = [...new Set([...Object.values(ACCOUNTS), ...Object.values(COMPONENT_ACCOUNTS)])];

/**
 * The loan subledger (BOOKS.md): accounts only loan postings (events and the day close) move, so
 * that Σ the loans' stored positions equals their GL balances. Manual entries may not touch them.
 */
export const LOAN_SUBLEDGER_ACCOUNTS: ReadonlySet<string> = new Set([
  '1100', '1110', '1130', '1140', '1190', '1300', '1310', '1330',
  '2101', '2102', '2103', '2104', '2105', '2200', '2300', '2400', '2410', '7100', '7900',
]);
