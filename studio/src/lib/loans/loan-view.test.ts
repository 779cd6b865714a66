import { describe, expect, it } from 'vitest';
import type { LoanDetail } from '../api/client.ts';
import { isPositiveMoney, isZero, ledgerRows, paymentsOf } from './loan-view.ts';

const event = (seq: number, kind: string, payload: Record<string, unknown>) => ({ seq, kind, date: '2025-02-01', payload, createdAt: '2025-02-01T12:00:00Z', createdBy: 'user:1', createdByDisplay: { kind: 'user' as const, name: 'Ana', email: null } });

describe('the loan page’s reading of a loan', () => {
  it('lists payments with their allocation summed by component, reversed ones without', () => {
    const detail = {
      events: [
        event(1, 'disbursement', {}),
        event(2, 'payment', { id: 'p1', amount: '1000.00', reference: 'SPEI-1' }),
        event(3, 'payment', { id: 'p2', amount: '50' }),
        event(4, 'payment-reversal', { paymentId: 'p2' }),
      ],
      state: {
        reversedPayments: ['p2'],
        allocations: [
          {
            paymentId: 'p1',
            amount: '1000.00',
            toCredit: '0',
            lines: [
              { installment: 1, component: 'interest', amount: '300.10' },
              { installment: 1, component: 'principal', amount: '600.05' },
              { installment: 2, component: 'interest', amount: '99.85' },
            ],
          },
        ],
      },
    } as unknown as Pick<LoanDetail, 'events' | 'state'>;
    const payments = paymentsOf(detail);
    expect(payments.map((p) => [p.id, p.reversed, p.reference])).toEqual([
      ['p1', false, 'SPEI-1'],
      ['p2', true, null],
    ]);
    expect(payments[0]!.applied).toEqual({ interest: '399.95', principal: '600.05' });
    expect(payments[1]!.applied).toBeNull();
    expect(paymentsOf({ events: [], state: null })).toEqual([]);
  });

  it('flattens journal entries to one row per line', () => {
    const rows = ledgerRows([
      { id: 'e1', date: '2025-01-06', description: 'disbursement', currency: 'MXN', loanId: 'l', loanEventSeq: 1, lines: [{ lineNo: 1, account: '1100', debit: '100', credit: '0' }, { lineNo: 2, account: '1000', debit: '0', credit: '100' }] },
    ]);
    expect(rows.map((r) => [r.account, r.debit, r.credit, r.eventSeq])).toEqual([
      ['1100', '100', '0', 1],
      ['1000', '0', '100', 1],
    ]);
    expect(rows.map((r) => r.eventKind)).toEqual([null, null]);
    const named = ledgerRows(
      [{ id: 'e1', date: '2025-01-06', description: 'disburse loan l', currency: 'MXN', loanId: 'l', loanEventSeq: 1, lines: [{ lineNo: 1, account: '1100', debit: '100', credit: '0' }] }],
      [event(1, 'disbursement', {})],
    );
    expect(named[0]!.eventKind).toBe('disbursement');
  });

  it('takes positive decimal amounts with a point and up to 6 decimals', () => {
    for (const ok of ['1500', '1500.00', '0.5', '0.000001']) expect(isPositiveMoney(ok), ok).toBe(true);
    expect([isZero('0'), isZero('0.00'), isZero('0.01')]).toEqual([true, true, false]);
    for (const bad of ['', '0', '0.00', '-5', '1,500.00', '1500,00', '1e3', '1.1234567', ' 5']) expect(isPositiveMoney(bad), bad).toBe(false);
  });
});
