// decide(): outcomes, reasons, score breakdown, bands, offers and counteroffers, limits, trace
// and replay, on the hand-written payroll product and variants of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec, InvalidInputError, decide, generateSchedule, loanTermsFor, parseLoanTerms, type Decision, type JsonLogic, type ProductIR,
} from '../../src/index.ts';
import { goodApplicant, payrollProduct, payrollSource, payrollVariant } from './payroll-product.ts';

const AS_OF = '2025-01-06';
type Data = Record<string, Record<string, unknown>>;
const withFields = (patch: Data): Data => {
  const out: Data = JSON.parse(JSON.stringify(goodApplicant)) as Data;
  for (const [group, fields] of Object.entries(patch)) out[group] = { ...out[group], ...fields };
  return out;
};
const codes = (d: Decision) => d.reasons.map((r) => r.code);

function deepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

/** The regular installment of a schedule, computed here from the rows. */
function regularInstallment(totals: readonly string[]): string {
  const upTo = totals.length === 1 ? 1 : totals.length - 1;
  return totals.slice(0, upTo).reduce((m, t) => (new Dec(t).gt(m) ? new Dec(t) : m), new Dec(totals[0]!)).toFixed(2);
}

describe('decide: approval', () => {
  const decision = decide(payrollProduct, goodApplicant, AS_OF);

  it('approves with the score breakdown, the band and no reasons', () => {
    expect(decision.outcome).toBe('approve');
    expect(decision.reasons).toEqual([]);
    expect(decision.product).toEqual({ code: 'nomina_quincenal', name: 'Crédito de Nómina', hash: payrollProduct.hash, irVersion: 1 });
    expect(decision.score?.total).toBe('700');
    expect(decision.score?.characteristics.map((c) => [c.name, c.value, c.bin, c.points])).toEqual([
      ['bureau.score', '710', 'bureau.score#3', '50'],
      ['dti', '0.1', 'dti#1', '30'],
      ['employment.type', 'formal', 'employment.type#0', '20'],
    ]);
    expect(decision.band).toBe('A');
    expect(decision.adverseActionReasons).toEqual([]);
  });

  it('offers the request on the terms written out by hand, with the schedule, totals and CAT', () => {
    const terms = parseLoanTerms({
      principal: '20000', annualRate: '0.36', installments: 24, frequency: 'semimonthly', method: 'french', interestBasis: 'period',
      disbursementDate: AS_OF, decimals: 2, rounding: 'half-even', tax: { rate: '0.16', on: ['interest', 'fees'] },
      fees: [{ name: 'apertura', timing: 'financed', percent: '0.02', min: '150', max: '5000', taxable: true }],
      graceInstallments: { principal: 0, interest: 0 },
    });
    const schedule = generateSchedule(terms);
    const offer = decision.offer!;
    expect(offer.kind).toBe('requested');
    expect(offer.terms).toEqual(terms);
    expect(offer.annualRate).toBe('0.36');
    expect(offer.installment).toBe(regularInstallment(schedule.installments.map((i) => i.total)));
    expect(offer.installment).toBe('1131.41');
    expect(offer.totalToPay).toBe(schedule.totalToPay);
    expect(offer.cat).toBe(schedule.cat);
    expect(offer.schedule).toEqual({ installments: 24, firstDueDate: '2025-01-31', lastDueDate: '2026-01-15', totals: schedule.totals });
    expect(offer.disbursed).toBe('20000.00');
  });

  it('is frozen, JSON-ready and replays identically', () => {
    expect(deepFrozen(decision)).toBe(true);
    const again = decide(payrollProduct, JSON.parse(JSON.stringify(goodApplicant)), AS_OF);
    expect(JSON.stringify(again)).toBe(JSON.stringify(decision));
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it('traces every derived value, characteristic, rule, limit and cap with its inputs', () => {
    const ids = decision.trace.map((t) => `${t.step}:${t.id}`);
    expect(ids).toEqual([
      'derived:capacity', 'derived:dti',
      'characteristic:bureau.score', 'characteristic:dti', 'characteristic:employment.type',
      'eligibility:eligibility[0] EDAD', 'eligibility:eligibility[1] CONVENIO', 'eligibility:eligibility[2] ANTIGUEDAD',
      'band:scorecard.bands',
      'limit:limits.terms.frequency', 'limit:limits.terms.payments', 'limit:limits.amount', 'limit:limits.amount.step',
      'rate:pricing.rate',
      'cap:offer.caps[0] max-installment', 'cap:offer.caps[1] max-amount-by-band', 'cap:offer.caps[2] max-amount',
      'offer:offer',
    ]);
    const dti = decision.trace.find((t) => t.id === 'dti' && t.step === 'derived')!;
    expect(dti.inputs).toEqual({ 'bureau.monthly_debt': '2400', 'applicant.net_income': '24000' });
    expect(dti.result).toBe('0.1');
    const age = decision.trace.find((t) => t.id === 'eligibility[0] EDAD')!;
    expect(age).toEqual({ step: 'eligibility', id: 'eligibility[0] EDAD', inputs: { 'applicant.age': '35' }, result: false });
    expect(decision.trace.find((t) => t.step === 'cap' && t.id.includes('max-amount'))?.result).toBe('150000');
  });
});

describe('decide: declines and referrals', () => {
  it('lists every fired eligibility rule with its code and message, and makes no offer', () => {
    const d = decide(payrollProduct, withFields({ applicant: { age: 71 }, employment: { employer_in_agreement: false, months: 3 } }), AS_OF);
    expect(d.outcome).toBe('decline');
    expect(d.eligibility).toEqual([
      { index: 0, outcome: 'decline', reason: 'EDAD', message: 'La edad máxima es 70 años' },
      { index: 1, outcome: 'decline', reason: 'CONVENIO' },
      { index: 2, outcome: 'refer', reason: 'ANTIGUEDAD', message: 'Revisión manual por antigüedad' },
    ]);
    expect(codes(d)).toEqual(['EDAD', 'CONVENIO', 'ANTIGUEDAD']);
    expect(d.offer).toBe(null);
    expect(d.score?.total).toBe('700');
  });

  it('refers with a provisional offer when only a refer rule fires', () => {
    const d = decide(payrollProduct, withFields({ employment: { months: 3 } }), AS_OF);
    expect(d.outcome).toBe('refer');
    expect(codes(d)).toEqual(['ANTIGUEDAD']);
    expect(d.offer?.amount).toBe('20000');
  });

  it('declines below the lowest band with adverse-action reasons ordered by points lost', () => {
    const d = decide(payrollProduct, withFields({ bureau: { score: 500, monthly_debt: '12000' }, employment: { type: 'informal' } }), AS_OF);
    // 600 − 60 − 50 − 10 = 480; lost: buró 110, DTI 80, informal 30.
    expect(d.score?.total).toBe('480');
    expect(d.band).toBe(null);
    expect(d.outcome).toBe('decline');
    expect(d.reasons).toEqual([{ code: 'SCORE_BAJO', outcome: 'decline', source: 'scorecard', message: 'Puntaje insuficiente' }]);
    expect(d.adverseActionReasons).toEqual(['BURO_BAJO', 'ENDEUDAMIENTO', 'INFORMAL']);
  });

  it('scores a missing optional value in its missing bin', () => {
    const data = withFields({});
    delete data['bureau'];
    const d = decide(payrollProduct, data, AS_OF);
    // 600 − 40 (no bureau) + 0 (DTI missing) + 20 = 580: band C.
    expect(d.score?.characteristics.map((c) => c.bin)).toEqual(['bureau.score#0', 'dti#0', 'employment.type#0']);
    expect(d.band).toBe('C');
    expect(d.adverseActionReasons).toEqual(['SIN_HISTORIAL']);
    expect(d.offer?.annualRate).toBe('0.62');
  });

  it('refers without an offer below the lowest band when the scorecard says `otherwise refer`', () => {
    const ir = payrollVariant({ scorecard: { ...payrollSource.scorecard!, otherwise: { outcome: 'refer', reason: 'COMITE' } } });
    const d = decide(ir, withFields({ bureau: { score: 500, monthly_debt: '12000' } }), AS_OF);
    expect(d.band).toBe(null);
    expect(d.outcome).toBe('refer');
    expect(codes(d)).toEqual(['COMITE']);
    expect(d.offer).toBe(null);
  });

  it('lets eligibility rules read the score', () => {
    const ir = payrollVariant({
      eligibility: [{ outcome: 'refer', reason: 'SCORE_LIMITE', when: { '<': [{ var: 'score' }, { decimal: '650' }] } }],
    });
    // 600 + 0 (buró 600) + 0 (DTI 0.375) + 20 = 620.
    const d = decide(ir, withFields({ bureau: { score: 600, monthly_debt: '9000' } }), AS_OF);
    expect(codes(d)).toEqual(['SCORE_LIMITE']);
    expect(d.trace.find((t) => t.step === 'eligibility')?.inputs).toEqual({ score: '620' });
    expect(codes(decide(ir, goodApplicant, AS_OF))).toEqual([]);
  });
});

describe('decide: limits', () => {
  it('declines requests outside the limits, each with its reason', () => {
    const d = decide(payrollProduct, withFields({ request: { amount: '200250', payments: 60 } }), AS_OF);
    expect(d.outcome).toBe('decline');
    expect(codes(d)).toEqual(['PLAZO_FUERA_DE_LIMITES', 'MONTO_FUERA_DE_LIMITES', 'MONTO_NO_MULTIPLO']);
    expect(d.reasons[0]?.message).toBe('El número de pagos está fuera de los límites para la frecuencia (60 pagos; permitido 6..48 semimonthly)');
    expect(d.offer).toBe(null);
  });

  it('checks the payments range of the requested frequency and refuses frequencies not offered', () => {
    expect(codes(decide(payrollProduct, withFields({ request: { payments: 30, frequency: 'monthly' } }), AS_OF))).toEqual(['PLAZO_FUERA_DE_LIMITES']);
    const monthly = decide(payrollProduct, withFields({ request: { payments: 12, frequency: 'monthly' } }), AS_OF);
    expect(monthly.outcome).toBe('approve');
    expect(monthly.offer?.frequency).toBe('monthly');
    expect(monthly.offer?.schedule.firstDueDate).toBe('2025-02-06');
    const ir = payrollVariant({ limits: { ...payrollSource.limits, terms: [payrollSource.limits.terms[0]!] } });
    expect(codes(decide(ir, withFields({ request: { payments: 12, frequency: 'monthly' } }), AS_OF))).toEqual(['FRECUENCIA_NO_PERMITIDA']);
  });
});

describe('decide: counteroffers', () => {
  it('offers the largest amount on the step grid whose installment fits the capacity', () => {
    const d = decide(payrollProduct, withFields({ request: { amount: '150000' } }), AS_OF);
    expect(d.outcome).toBe('approve');
    const offer = d.offer!;
    expect(offer.kind).toBe('counteroffer');
    expect(offer.requestedAmount).toBe('150000');
    expect(offer.amount).toBe('63500');
    expect(new Dec(offer.installment).lte('3600')).toBe(true);
    // One step more does not fit: checked with the schedule generator directly.
    const next = generateSchedule(loanTermsFor(payrollProduct, { amount: '64000', payments: 24, frequency: 'semimonthly' }, 'A', AS_OF));
    expect(new Dec(regularInstallment(next.installments.map((i) => i.total))).gt('3600')).toBe(true);
  });

  it('caps by band and by an amount expression', () => {
    // Band B (score 650): at most 80,000 by band; income 40,000 × 5 = 200,000 by the amount cap.
    const d = decide(payrollProduct, withFields({ applicant: { net_income: '40000' }, bureau: { score: 600 }, request: { amount: '100000', payments: 48 } }), AS_OF);
    expect(d.band).toBe('B');
    expect(d.offer?.kind).toBe('counteroffer');
    expect(d.offer?.amount).toBe('80000');
    const amountOnly = payrollVariant({ offer: { caps: [payrollSource.offer.caps[2]!], counteroffer: true } });
    const e = decide(amountOnly, withFields({ applicant: { net_income: '12000' }, request: { amount: '100000', payments: 48 } }), AS_OF);
    expect(e.offer?.amount).toBe('60000');
  });

  it('declines with EXCEDE_CAPACIDAD when the product makes no counteroffer', () => {
    const ir = payrollVariant({ offer: { ...payrollSource.offer, counteroffer: false } });
    const d = decide(ir, withFields({ request: { amount: '100000' } }), AS_OF);
    expect(d.outcome).toBe('decline');
    expect(codes(d)).toEqual(['EXCEDE_CAPACIDAD']);
    expect(d.reasons[0]?.message).toMatch(/pago \d+\.\d+ > 3600/);
  });

  it('declines with CAPACIDAD_INSUFICIENTE when not even the minimum amount fits', () => {
    // Capacity 300 a quincena; 5,000 in 6 payments needs about 880.
    const d = decide(payrollProduct, withFields({ applicant: { net_income: '2000' }, bureau: { monthly_debt: '0' }, request: { amount: '5000', payments: 6 } }), AS_OF);
    expect(codes(d)).toEqual(['CAPACIDAD_INSUFICIENTE']);
    expect(d.offer).toBe(null);
  });

  it('refers with CAPACIDAD_NO_DETERMINADA when a cap reads a missing value', () => {
    const caps = [{ kind: 'max-installment' as const, expr: { '-': [{ var: 'capacity' }, { var: 'bureau.monthly_debt' }] } as JsonLogic }];
    const ir = payrollVariant({ offer: { caps, counteroffer: true } });
    const data = withFields({});
    data['bureau'] = { score: 710 };
    const d = decide(ir, data, AS_OF);
    expect(d.outcome).toBe('refer');
    expect(d.reasons.map((r) => [r.code, r.outcome])).toEqual([['CAPACIDAD_NO_DETERMINADA', 'refer']]);
    expect(d.offer).toBe(null);
  });

  it('never offers more than the caps allow, and one more step never fits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 800 }).map((k) => String(k * 50)),
        fc.integer({ min: 10, max: 300 }).map((k) => String(k * 500)),
        fc.integer({ min: 6, max: 48 }),
        (income, amount, payments) => {
          const d = decide(payrollProduct, withFields({ applicant: { net_income: income }, bureau: { monthly_debt: '0' }, request: { amount, payments } }), AS_OF);
          const capacity = new Dec(income).times('0.3').div(2);
          const maxAmount = Dec.min(new Dec(income).times(5), '150000');
          if (d.offer === null) {
            expect(codes(d)).toEqual(['CAPACIDAD_INSUFICIENTE']);
            return;
          }
          const offered = new Dec(d.offer.amount);
          expect(offered.lte(maxAmount) && offered.lte(amount)).toBe(true);
          expect(new Dec(d.offer.installment).lte(capacity)).toBe(true);
          if (d.offer.kind === 'counteroffer') {
            const next = offered.plus(500);
            if (next.lte(maxAmount)) {
              const s = generateSchedule(loanTermsFor(payrollProduct, { amount: next.toString(), payments, frequency: 'semimonthly' }, 'A', AS_OF));
              expect(new Dec(regularInstallment(s.installments.map((i) => i.total))).gt(capacity)).toBe(true);
            }
          }
        },
      ),
      { seed: 4242, numRuns: 60 },
    );
  });
});

describe('decide: pricing and terms', () => {
  it('takes the first matching row of a rate table by band and payments', () => {
    const rate: ProductIR['pricing']['rate'] = {
      kind: 'table',
      keys: ['band', 'payments'],
      rows: [
        { cells: [{ band: 'A' }, { min: '6', max: '24' }], rate: '0.34' },
        { cells: [{ band: 'A' }, { min: '25' }], rate: '0.38' },
        { cells: [{ band: 'B' }, {}], rate: '0.48' },
      ],
    };
    const ir = payrollVariant({ pricing: { ...payrollSource.pricing, rate } });
    expect(decide(ir, goodApplicant, AS_OF).offer?.annualRate).toBe('0.34');
    expect(decide(ir, withFields({ request: { payments: 36 } }), AS_OF).offer?.annualRate).toBe('0.38');
    const noBureau = withFields({});
    delete noBureau['bureau'];
    const c = decide(ir, noBureau, AS_OF);
    expect(c.band).toBe('C');
    expect(codes(c)).toEqual(['TASA_NO_DEFINIDA']);
    expect(c.reasons[0]?.source).toBe('pricing');
  });

  it('builds loan terms from fixed fees, IVA only where taxable, business days and a first-payment window', () => {
    const ir = payrollVariant({
      pricing: { ...payrollSource.pricing, rate: { kind: 'fixed', rate: '0.5' }, tax: { rate: '0.16', on: ['interest'] }, businessDays: 'next' },
      fees: [
        { name: 'administracion', amount: { kind: 'fixed', value: '300' }, timing: 'upfront', taxable: true, inCat: true },
        { name: 'seguro', amount: { kind: 'percent', rate: '0.001', of: 'balance' }, timing: 'per-installment', taxable: false, inCat: true },
      ],
      limits: { ...payrollSource.limits, firstPaymentDays: { min: 20, max: 45 } },
    });
    const terms = loanTermsFor(ir, { amount: '10000', payments: 12, frequency: 'semimonthly' }, null, AS_OF);
    expect(terms.annualRate).toBe('0.5');
    expect(terms.tax).toEqual({ rate: '0.16', on: ['interest', 'fees'] });
    expect(terms.fees).toEqual([
      { name: 'administracion', timing: 'upfront', amount: '300', taxable: true },
      { name: 'seguro', timing: 'per-installment', percent: '0.001', of: 'balance', taxable: false },
    ]);
    expect(terms.businessDays).toEqual({ rule: 'next', calendar: 'mx', holidays: [] });
    // Default first due date 2025-01-31 is 25 days out: inside the window, so left to the generator.
    expect(terms.firstDueDate).toBeUndefined();
    const weekly = payrollVariant({ limits: { ...payrollSource.limits, terms: [{ frequency: 'weekly', payments: { min: 4, max: 52 } }], firstPaymentDays: { min: 10, max: 20 } } });
    expect(loanTermsFor(weekly, { amount: '10000', payments: 12, frequency: 'weekly' }, 'A', AS_OF).firstDueDate).toBe('2025-01-16');
    expect(() => loanTermsFor(payrollProduct, { amount: '10000', payments: 12, frequency: 'semimonthly' }, 'Z', AS_OF)).toThrow(InvalidInputError);
  });
});

describe('decide: bad input', () => {
  it('throws InvalidInputError listing the application paths, and for a bad date', () => {
    expect(() => decide(payrollProduct, { applicant: {} }, AS_OF)).toThrow(/applicant\.age: is required/);
    expect(() => decide(payrollProduct, goodApplicant, '2025-02-30')).toThrow('asOf: must be a calendar date');
  });

  it('refuses a value that falls in no bin rather than scoring it zero', () => {
    const card = payrollSource.scorecard!;
    const ir = payrollVariant({ scorecard: { ...card, characteristics: [{ ...card.characteristics[0]!, bins: card.characteristics[0]!.bins.slice(1) }] } });
    const data = withFields({});
    delete data['bureau'];
    expect(() => decide(ir, data, AS_OF)).toThrow('bureau.score: value null falls in no bin of characteristic `bureau.score`');
  });
});
