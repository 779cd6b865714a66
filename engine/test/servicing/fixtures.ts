// Products and loans for the servicing tests: a minimal Product IR with the penalties, collection,
// allocation and prepayment under test, and LoanTerms through the real parseLoanTerms.
import { IR_VERSION, parseLoanTerms, type LoanEvent, type LoanTerms, type Penalties, type ProductIR } from '../../src/index.ts';

export function product(over: Partial<ProductIR> = {}): ProductIR {
  return {
    irVersion: IR_VERSION,
    hash: 'test',
    code: 'servicing_test',
    name: 'Servicing test',
    currency: 'MXN',
    kind: 'consumer',
    inputs: [],
    derived: [],
    limits: { amount: { min: '1000', max: '100000', step: '1' }, terms: [{ frequency: 'weekly', payments: { min: 1, max: 60 } }] },
    pricing: {
      method: 'french',
      basis: 'period',
      rate: { kind: 'fixed', rate: '0.60' },
      tax: { rate: '0.16', on: ['interest', 'fees', 'moratorium', 'penalties'] },
      rounding: { decimals: 2, mode: 'half-even' },
      installmentIncludesTax: false,
      grace: { principal: 0, interest: 0 },
      businessDays: 'none',
    },
    fees: [],
    eligibility: [],
    offer: { caps: [], counteroffer: true },
    penalties: {},
    collection: [],
    allocation: ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'],
    prepayment: 'reduce-term',
    tests: [],
    ...over,
  };
}

export const MORATORIUM_15X: Penalties = {
  moratorium: { rate: { kind: 'multiple', factor: '1.5' }, on: 'overdue-principal', basis: 'actual/360', taxable: true },
};

export const LATE_FEE_150: Penalties = {
  lateFee: { amount: { kind: 'fixed', value: '150' }, graceDays: 3, taxable: true },
};

export function weeklyTerms(over: Record<string, unknown> = {}): LoanTerms {
  return parseLoanTerms({
    principal: '10000.00',
    annualRate: '0.60',
    installments: 16,
    frequency: 'weekly',
    method: 'french',
    interestBasis: 'period',
    disbursementDate: '2025-01-06',
    decimals: 2,
    rounding: 'half-even',
    tax: { rate: '0.16', on: ['interest', 'fees'] },
    fees: [],
    ...over,
  });
}

export const disbursed = (terms: LoanTerms): LoanEvent => ({ kind: 'disbursement', date: terms.disbursementDate });

export const pay = (id: string, date: string, amount: string): LoanEvent => ({ kind: 'payment', id, date, amount });
