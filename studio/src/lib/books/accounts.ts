// The chart of accounts as the accounting screens show it: the manual entry's picker (accounts
// grouped by type, the loans' subledger left out: only loan postings move those), and an
// account's label (`1000 · Bancos`).
import type { Account, AccountType } from '../api/accounting.ts';

/**
 * The loans' subledger accounts (BOOKS.md, "Loan subledger accounts"): a loan's position lives in
 * them, so only loan postings may touch them and a manual entry may not. The runtime refuses them
 * too; the picker does not offer them.
 */
export const LOAN_SUBLEDGER_ACCOUNTS: ReadonlySet<string> = new Set([
  '1100', '1110', '1130', '1140', '1190', '1300', '1310', '1330',
  '2101', '2102', '2103', '2104', '2105', '2200', '2300', '2400', '2410',
  '7100', '7900',
]);

/** The order of the picker's groups (memorandum accounts are all subledger: never offered). */
const GROUP_ORDER: readonly AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

export interface AccountGroup {
  readonly type: AccountType;
  readonly accounts: readonly Account[];
}

/** The accounts a manual entry may use, grouped by type in the order of a balance sheet, by code. */
export function manualEntryAccounts(accounts: readonly Account[], loanAccounts: ReadonlySet<string> = LOAN_SUBLEDGER_ACCOUNTS): AccountGroup[] {
  return GROUP_ORDER.map((type) => ({
    type,
    accounts: accounts.filter((a) => a.type === type && !loanAccounts.has(a.code)).sort((a, b) => a.code.localeCompare(b.code)),
  })).filter((g) => g.accounts.length > 0);
}

/** `1000 · Bancos`; an unknown code alone. */
export function accountLabel(code: string, accounts: ReadonlyMap<string, Pick<Account, 'name'>>): string {
  const name = accounts.get(code)?.name;
  return name ? `${code} · ${name}` : code;
}
