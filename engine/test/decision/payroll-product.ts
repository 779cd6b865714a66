// A hand-written Product IR of a payroll loan (crédito de nómina), shaped like the dsl README's
// example: inputs, derived capacity and DTI, eligibility, a scorecard with bands, rates by band,
// a financed opening fee with IVA, caps by capacity and band, and counteroffers.
import { withProductHash, type JsonLogic, type ProductIR, type UnhashedProductIR } from '../../src/index.ts';

const v = (path: string): JsonLogic => ({ var: path });
const d = (text: string): JsonLogic => ({ decimal: text });

/** The payroll product's IR before hashing; tests derive variants from it. */
export const payrollSource: UnhashedProductIR = {
  irVersion: 1,
  code: 'nomina_quincenal',
  name: 'Crédito de Nómina',
  currency: 'MXN',
  kind: 'consumer',
  inputs: [
    { path: 'applicant.age', type: 'integer', optional: false, min: '18', max: '99' },
    { path: 'applicant.net_income', type: 'money', optional: false, min: '0' },
    { path: 'applicant.birth_date', type: 'date', optional: true },
    { path: 'employment.months', type: 'integer', optional: false, min: '0', max: '600' },
    { path: 'employment.employer_in_agreement', type: 'boolean', optional: false },
    { path: 'employment.type', type: 'enum', optional: false, values: ['formal', 'informal'] },
    { path: 'bureau.score', type: 'integer', optional: true, min: '300', max: '850' },
    { path: 'bureau.monthly_debt', type: 'money', optional: true, min: '0' },
    { path: 'bureau.utilization', type: 'percent', optional: true, min: '0', max: '1' },
    { path: 'request.amount', type: 'money', optional: false },
    { path: 'request.payments', type: 'integer', optional: false },
    { path: 'request.frequency', type: 'enum', optional: true, values: ['semimonthly', 'monthly'] },
  ],
  derived: [
    { name: 'capacity', type: 'money', expr: { '/': [{ '*': [v('applicant.net_income'), d('0.3')] }, d('2')] } },
    {
      name: 'dti',
      type: 'number',
      expr: { if: [{ '!': { missing: ['bureau.monthly_debt'] } }, { '/': [v('bureau.monthly_debt'), v('applicant.net_income')] }, null] },
    },
  ],
  limits: {
    amount: { min: '5000', max: '150000', step: '500' },
    terms: [
      { frequency: 'semimonthly', payments: { min: 6, max: 48 } },
      { frequency: 'monthly', payments: { min: 3, max: 24 } },
    ],
  },
  pricing: {
    method: 'french',
    basis: 'period',
    rate: {
      kind: 'table',
      keys: ['band'],
      rows: [
        { cells: [{ band: 'A' }], rate: '0.36' },
        { cells: [{ band: 'B' }], rate: '0.48' },
        { cells: [{ band: 'C' }], rate: '0.62' },
      ],
    },
    tax: { rate: '0.16', on: ['interest', 'fees'] },
    rounding: { decimals: 2, mode: 'half-even' },
    installmentIncludesTax: false,
    grace: { principal: 0, interest: 0 },
    businessDays: 'none',
  },
  fees: [
    { name: 'apertura', amount: { kind: 'percent', rate: '0.02', of: 'amount' }, min: '150', max: '5000', timing: 'financed', taxable: true, inCat: true },
  ],
  eligibility: [
    { outcome: 'decline', reason: 'EDAD', message: 'La edad máxima es 70 años', when: { '>': [v('applicant.age'), d('70')] } },
    { outcome: 'decline', reason: 'CONVENIO', when: { '!': v('employment.employer_in_agreement') } },
    { outcome: 'refer', reason: 'ANTIGUEDAD', message: 'Revisión manual por antigüedad', when: { '<': [v('employment.months'), d('6')] } },
  ],
  scorecard: {
    base: '600',
    characteristics: [
      {
        name: 'bureau.score',
        label: 'Puntaje de buró',
        expr: v('bureau.score'),
        bins: [
          { id: 'bureau.score#0', match: { kind: 'missing' }, points: '-40', reason: 'SIN_HISTORIAL' },
          { id: 'bureau.score#1', match: { kind: 'range', max: '579' }, points: '-60', reason: 'BURO_BAJO' },
          { id: 'bureau.score#2', match: { kind: 'range', min: '580', max: '679' }, points: '0' },
          { id: 'bureau.score#3', match: { kind: 'range', min: '680' }, points: '50' },
        ],
      },
      {
        name: 'dti',
        expr: v('dti'),
        bins: [
          { id: 'dti#0', match: { kind: 'missing' }, points: '0' },
          { id: 'dti#1', match: { kind: 'range', max: '0.3', maxExclusive: true }, points: '30' },
          { id: 'dti#2', match: { kind: 'range', min: '0.3', max: '0.45', maxExclusive: true }, points: '0' },
          { id: 'dti#3', match: { kind: 'range', min: '0.45' }, points: '-50', reason: 'ENDEUDAMIENTO' },
        ],
      },
      {
        name: 'employment.type',
        expr: v('employment.type'),
        bins: [
          { id: 'employment.type#0', match: { kind: 'values', values: ['formal'] }, points: '20' },
          { id: 'employment.type#1', match: { kind: 'values', values: ['informal'] }, points: '-10', reason: 'INFORMAL' },
        ],
      },
    ],
    bands: [
      { name: 'A', minScore: '680' },
      { name: 'B', minScore: '620' },
      { name: 'C', minScore: '580' },
    ],
    otherwise: { outcome: 'decline', reason: 'SCORE_BAJO', message: 'Puntaje insuficiente' },
  },
  offer: {
    caps: [
      { kind: 'max-installment', expr: v('capacity') },
      { kind: 'max-amount-by-band', values: { A: '150000', B: '80000', C: '30000' } },
      { kind: 'max-amount', expr: { '*': [v('applicant.net_income'), d('5')] } },
    ],
    counteroffer: true,
  },
  penalties: {},
  collection: [],
  allocation: ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'],
  prepayment: 'reduce-term',
  tests: [],
};

/** The payroll product, hashed and frozen. */
export const payrollProduct: ProductIR = withProductHash(payrollSource);

/** A product derived from the payroll one with some members replaced, re-hashed. */
export function payrollVariant(change: Partial<UnhashedProductIR>): ProductIR {
  return withProductHash({ ...payrollSource, ...change });
}

/** A good applicant: formal, in agreement, bureau 710, low debt: band A. */
export const goodApplicant = {
  applicant: { age: 35, net_income: '24000' },
  employment: { months: 30, employer_in_agreement: true, type: 'formal' },
  bureau: { score: 710, monthly_debt: '2400' },
  request: { amount: '20000', payments: 24 },
} as const;
