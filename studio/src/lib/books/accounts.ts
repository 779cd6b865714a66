// The chart of accounts as the accounting screens show it: the manual entry's picker (accounts
// grouped by type, the loans' subledger left out: only loan postings move those), and an
// account's label (`1000 · Bancos`).
import { LOAN_ACCOUNTS } from '@plazo/engine';
import type { Account, AccountType } from '../api/accounting.ts';

/**
 * The loans' subledger accounts (the engine's LOAN_ACCOUNTS, BOOKS.md): a loan's position lives in
 * them, so only loan postings may touch them and a manual entry may not. The runtime refuses them
 * too; the picker does not offer them.
 */
export const LOAN_SUBLEDGER_ACCOUNTS: ReadonlySet<string> = new Set(LOAN_ACCOUNTS);

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
