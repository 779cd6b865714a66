// The pure rules of the books' operations, over generated inputs (fast-check): the date a posting
// takes, the months of the periods, and the balance checks of a manual entry in exact decimals.
import { addDays, Dec } from '@plazo/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastDayOf, nextPeriod, periodOf } from '../src/ledger/accounting-periods.ts';
import { checkManualEntry, type ManualEntryFacts } from '../src/ledger/manual-entries.ts';
import { postingDates } from '../src/ledger/posting-date.ts';

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
const firstOpen = fc.option(
  fc.integer({ min: 0, max: 120 }).map((m) => `${nextPeriod(`${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`)}-01`),
  { nil: null },
);

describe('posting dates', () => {
  it('post on the economic date when it is open, else on the first open day keeping the economic date', () => {
    fc.assert(
      fc.property(day, firstOpen, (economic, open) => {
        const { entryDate, economicDate } = postingDates(economic, open);
        expect(entryDate >= economic).toBe(true);
        if (open !== null) expect(entryDate >= open).toBe(true);
        // Moved exactly when the fact is in a closed month, and then to the first open day.
        expect(economicDate === null).toBe(entryDate === economic);
        if (economicDate !== null) expect({ entryDate, economicDate }).toEqual({ entryDate: open, economicDate: economic });
      }),
    );
  });

  it('name months and their last days', () => {
    expect([nextPeriod('2024-12'), nextPeriod('2025-01'), lastDayOf('2024-02'), lastDayOf('2025-02'), lastDayOf('2025-12')]).toEqual(['2025-01', '2025-02', '2024-02-29', '2025-02-28', '2025-12-31']);
    fc.assert(
      fc.property(day, (d) => {
        const last = lastDayOf(periodOf(d));
        expect(periodOf(last)).toBe(periodOf(d));
        expect(periodOf(addDays(last, 1))).toBe(nextPeriod(periodOf(d)));
      }),
    );
  });
});

describe('manual entry checks', () => {
  const facts: ManualEntryFacts = {
    accounts: new Map([
      ['1000', 'asset'],
      ['1100', 'asset'],
      ['2600', 'liability'],
      ['3000', 'equity'],
      ['5300', 'expense'],
      ['7200', 'memorandum'],
    ]),
    firstOpenDay: '2025-02-01',
    today: '2025-03-01',
  };
  const cents = fc.integer({ min: 1, max: 10_000_000_00 }).map((c) => new Dec(c).div(100).toFixed(2));
  const account = fc.constantFrom('1000', '2600', '3000', '5300');
  const side = fc.record({ account, amount: cents, debit: fc.boolean() });

  it('accept exactly the entries whose debits equal their credits, to the cent', () => {
    fc.assert(
      fc.property(fc.array(side, { minLength: 2, maxLength: 12 }), (sides) => {
        const lines = sides.map((s) => (s.debit ? { account: s.account, debit: s.amount } : { account: s.account, credit: s.amount }));
        const { problems, lines: written } = checkManualEntry({ date: '2025-02-10', description: 'x', currency: 'MXN', lines }, facts);
        const debits = sides.filter((s) => s.debit).reduce((a, s) => a.plus(s.amount), new Dec(0));
        const credits = sides.filter((s) => !s.debit).reduce((a, s) => a.plus(s.amount), new Dec(0));
        expect(problems.some((p) => p.path === 'lines')).toBe(!debits.equals(credits));
        expect(problems.filter((p) => p.path !== 'lines')).toEqual([]);
        // The lines written carry both sides at cents, the same amounts.
        expect(written.reduce((a, l) => a.plus(l.debit), new Dec(0)).equals(debits)).toBe(true);
        expect(written.every((l) => /^\d+\.\d{2}$/.test(l.debit) && /^\d+\.\d{2}$/.test(l.credit))).toBe(true);
      }),
    );
  });

  it('balance an entry made balanced by its last line, and refuse it one cent off', () => {
    fc.assert(
      fc.property(fc.array(side, { minLength: 1, maxLength: 10 }), (sides) => {
        const lines = sides.map((s) => (s.debit ? { account: s.account, debit: s.amount } : { account: s.account, credit: s.amount }));
        const net = sides.reduce((a, s) => (s.debit ? a.plus(s.amount) : a.minus(s.amount)), new Dec(0));
        fc.pre(!net.isZero());
        const closing = (extra: string) => {
          const amount = net.abs().plus(extra).toFixed(2);
          return net.isPositive() ? { account: '1000', credit: amount } : { account: '1000', debit: amount };
        };
        expect(checkManualEntry({ date: '2025-02-10', description: 'x', currency: 'MXN', lines: [...lines, closing('0')] }, facts).problems).toEqual([]);
        expect(checkManualEntry({ date: '2025-02-10', description: 'x', currency: 'MXN', lines: [...lines, closing('0.01')] }, facts).problems.map((p) => p.path)).toEqual(['lines']);
      }),
    );
  });

  it('refuse memorandum lines that do not balance among themselves, dates in a closed month or the future, and the subledger', () => {
    const base = { description: 'x', currency: 'MXN' };
    const paths = (input: Parameters<typeof checkManualEntry>[0]) => checkManualEntry(input, facts).problems.map((p) => p.path);
    expect(paths({ ...base, date: '2025-02-10', lines: [{ account: '7200', debit: '5.00' }, { account: '5300', debit: '1.00' }, { account: '1000', credit: '6.00' }] })).toEqual(['lines']);
    expect(paths({ ...base, date: '2025-01-31', lines: [{ account: '5300', debit: '1.00' }, { account: '1000', credit: '1.00' }] })).toEqual(['date']);
    expect(paths({ ...base, date: '2025-03-02', lines: [{ account: '5300', debit: '1.00' }, { account: '1000', credit: '1.00' }] })).toEqual(['date']);
    expect(paths({ ...base, date: '2025-02-10', lines: [{ account: '1100', debit: '1.00' }, { account: '1000', credit: '1.00' }] })).toEqual(['lines[0].account']);
  });
});
