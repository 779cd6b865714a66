import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../api/accounting.ts';
import { catalog } from '../i18n/messages.ts';
import { LOAN_SUBLEDGER_ACCOUNTS } from './accounts.ts';
import { checkEntry, emptyEntry, entryRequest, isIsoDate, parseAmount, problemsFromApi, type EntryContext, type EntryDraft } from './manual-entry.ts';

const ACCOUNTS: Account[] = [
  { code: '1000', name: 'Bancos', type: 'asset', normalBalance: 'debit' },
  { code: '1100', name: 'Cartera vigente: capital', type: 'asset', normalBalance: 'debit' },
  { code: '2600', name: 'Préstamos bancarios y de otros organismos', type: 'liability', normalBalance: 'credit' },
  { code: '5300', name: 'Gastos de administración', type: 'expense', normalBalance: 'debit' },
];
const ctx: EntryContext = { accounts: ACCOUNTS, loanAccounts: LOAN_SUBLEDGER_ACCOUNTS, decimals: 2 };
const entry = (lines: [string, string, string][], over: Partial<EntryDraft> = {}): EntryDraft => ({
  date: '2025-03-31',
  description: 'Fondeo',
  lines: lines.map(([account, debit, credit]) => ({ account, debit, credit })),
  ...over,
});
const paths = (draft: EntryDraft, c = ctx) => checkEntry(draft, c).problems.map((p) => `${p.path}:${p.key}`);

describe('the manual entry form', () => {
  it('a funding entry (Bancos against the funding liability) is balanced and ready, its totals exact', () => {
    const check = checkEntry(entry([['1000', '1,000,000.10', ''], ['2600', '', '1000000.1']]), ctx);
    expect(check).toMatchObject({ ready: true, balanced: true, problems: [], totals: { debit: '1000000.10', credit: '1000000.10', difference: '0.00' } });
  });

  it('totals stay exact where floats would not (0.1 + 0.2 against 0.3)', () => {
    const check = checkEntry(entry([['5300', '0.1', ''], ['5300', '0.2', ''], ['1000', '', '0.30']]), ctx);
    expect(check.totals).toEqual({ debit: '0.30', credit: '0.30', difference: '0.00' });
    expect(check.ready).toBe(true);
  });

  it('says by how much an unbalanced entry is off, on the entry, not on a line', () => {
    const check = checkEntry(entry([['1000', '1500', ''], ['2600', '', '1499.99']]), ctx);
    expect(check.ready).toBe(false);
    expect(check.totals.difference).toBe('0.01');
    expect(check.problems).toEqual([{ path: 'lines', key: 'books.me.err.unbalanced', params: { difference: '0.01', side: 'debit' } }]);
    expect(checkEntry(entry([['1000', '1', ''], ['2600', '', '3']]), ctx).problems[0]!.params).toEqual({ difference: '2.00', side: 'credit' });
  });

  it('puts each problem on its field: date, description, account, amounts', () => {
    expect(paths(entry([['1000', '10', ''], ['2600', '', '10']], { date: '', description: '  ' }))).toEqual(['date:books.me.err.dateRequired', 'description:books.me.err.descriptionRequired']);
    expect(paths(entry([['1000', '10', ''], ['2600', '', '10']], { date: '2025-02-30' }))).toEqual(['date:books.me.err.dateInvalid']);
    expect(paths(entry([['', '10', ''], ['9999', '', '10']]))).toEqual(['lines.0.account:books.me.err.accountRequired', 'lines.1.account:books.me.err.accountUnknown']);
    expect(paths(entry([['1000', '10', '10'], ['2600', '', '']]))).toEqual(['lines.0.credit:books.me.err.amountBoth', 'lines.1.debit:books.me.err.amountNone']);
    expect(paths(entry([['1000', '-10', ''], ['2600', '', '1O']]))).toEqual(['lines.0.debit:books.me.err.amountInvalid', 'lines.1.credit:books.me.err.amountInvalid']);
    expect(paths(entry([['1000', '10.005', ''], ['2600', '', '10.005']]))).toEqual(['lines.0.debit:books.me.err.amountDecimals', 'lines.1.credit:books.me.err.amountDecimals']);
  });

  it('refuses a loan subledger account (only loans move the portfolio), and a date in a closed month', () => {
    expect(paths(entry([['1100', '10', ''], ['1000', '', '10']]))).toEqual(['lines.0.account:books.me.err.accountSubledger']);
    expect(paths(entry([['1000', '10', ''], ['2600', '', '10']]), { ...ctx, closedPeriods: ['2025-03'] })).toEqual(['date:books.me.err.closedPeriod']);
  });

  it('needs two lines that are not blank; blank lines are left out of the request', () => {
    expect(paths(emptyEntry('2025-03-31'))).toContain('lines:books.me.err.twoLines');
    expect(paths(entry([['1000', '10', ''], ['', '', ''], ['', '', '']]))).toEqual(['lines:books.me.err.twoLines']);
    const draft = entry([['1000', '1,500.5', ''], ['', '', ''], [' 2600 ', '', '1500.50']], { description: ' Fondeo BANCO ' });
    expect(checkEntry(draft, ctx).ready).toBe(true);
    expect(entryRequest(draft, 2)).toEqual({
      date: '2025-03-31',
      description: 'Fondeo BANCO',
      lines: [
        { account: '1000', debit: '1500.50', credit: '0.00' },
        { account: '2600', debit: '0.00', credit: '1500.50' },
      ],
    });
  });

  it('maps the API’s refusal paths to the form’s rows (the API counts only the lines sent)', () => {
    const draft = entry([['1000', '10', ''], ['', '', ''], ['2600', '', '10']]);
    const details = [
      { path: 'lines[1].account', message: 'is a loan subledger account' },
      { path: 'lines.0.debit', message: 'x' },
      { path: 'date', message: 'the period 2025-03 is closed' },
      { path: 'lines', message: 'not balanced' },
      { path: 'lines[7]', message: 'beyond' },
      'junk',
    ];
    expect(problemsFromApi(details, draft)).toEqual([
      { path: 'lines.2.account', message: 'is a loan subledger account' },
      { path: 'lines.0.debit', message: 'x' },
      { path: 'date', message: 'the period 2025-03 is closed' },
      { path: 'lines', message: 'not balanced' },
      { path: 'lines', message: 'beyond' },
    ]);
    expect(problemsFromApi(undefined, draft)).toEqual([]);
  });

  it('reads amounts people type, and refuses what is not one', () => {
    expect(parseAmount('')).toBe('');
    expect(parseAmount(' 1,234,567.891 ')).toBe('1234567.891');
    expect(parseAmount('.5')).toBe('0.5');
    expect(parseAmount('0')).toBe('0');
    for (const bad of ['1,23', '12,34.5', '-1', '+1', '1e3', '1.2.3', 'abc', '1 000', '١٢']) expect(parseAmount(bad), bad).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('every problem has a sentence in Spanish and in English', () => {
    const draft = entry([['', '1,23', '1'], ['9999', '1', '1'], ['1100', '', ''], ['1000', '1.001', '']], { date: 'x', description: 'y'.repeat(501) });
    const keys = new Set([...checkEntry(draft, ctx).problems, ...checkEntry(entry([['1000', '1', '']], { date: '' }), ctx).problems].map((p) => p.key));
    expect(keys.size).toBeGreaterThan(7);
    for (const key of keys) {
      expect(catalog.es[key]).toBeTruthy();
      expect(catalog.en[key]).toBeTruthy();
    }
  });

  it('property: a balanced entry of random cent amounts is ready, its totals are the exact sums', () => {
    const cents = fc.bigInt({ min: 1n, max: 10n ** 13n });
    const toAmount = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 8 }), (debits) => {
        const sum = debits.reduce((a, b) => a + b, 0n);
        const draft = entry([...debits.map((d): [string, string, string] => ['5300', toAmount(d), '']), ['1000', '', toAmount(sum)]]);
        const check = checkEntry(draft, ctx);
        expect(check.ready).toBe(true);
        expect(check.totals).toEqual({ debit: toAmount(sum), credit: toAmount(sum), difference: '0.00' });
        // One cent more on the credit side: never balanced, off by exactly one cent.
        const off = checkEntry(entry([...debits.map((d): [string, string, string] => ['5300', toAmount(d), '']), ['1000', '', toAmount(sum + 1n)]]), ctx);
        expect(off.ready).toBe(false);
        expect(off.totals.difference).toBe('-0.01');
      }),
    );
  });
});
