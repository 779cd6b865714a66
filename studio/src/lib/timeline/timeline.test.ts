import { describe, expect, it } from 'vitest';
import { compiledExample } from '../testing/examples.ts';
import { exampleValues } from '../simulator/example-values.ts';
import { formFields, toApplication } from '../simulator/form.ts';
import { runTimeline } from '../worker/requests.ts';
import { scenarioPayments, scenarioUntil } from './scenarios.ts';

const schedule = {
  installments: [
    { number: 1, dueDate: '2025-03-15', total: '100.00' },
    { number: 2, dueDate: '2025-03-31', total: '100.00' },
    { number: 3, dueDate: '2025-04-15', total: '100.50' },
  ],
};

describe('payment scenarios', () => {
  it('pays every installment on its due date', () => {
    expect(scenarioPayments(schedule, { kind: 'on-time', installment: 1, daysLate: 0 })).toEqual([
      { date: '2025-03-15', amount: '100.00' },
      { date: '2025-03-31', amount: '100.00' },
      { date: '2025-04-15', amount: '100.50' },
    ]);
  });

  it('pays one installment late, keeping the payments in date order', () => {
    expect(scenarioPayments(schedule, { kind: 'one-late', installment: 1, daysLate: 20 }).map((p) => p.date)).toEqual(['2025-03-31', '2025-04-04', '2025-04-15']);
  });

  it('stops paying after N installments, and follows the loan long enough to see collection act', () => {
    expect(scenarioPayments(schedule, { kind: 'stops', installment: 1, daysLate: 0 })).toEqual([{ date: '2025-03-15', amount: '100.00' }]);
    expect(scenarioUntil(schedule, { kind: 'stops', installment: 1, daysLate: 0 })).toBe('2025-08-13');
  });
});

describe('the loan timeline from the engine', () => {
  const ir = compiledExample('nomina');
  const fields = formFields(ir);
  const application = toApplication(fields, exampleValues(fields, ir, '2025-03-03'));

  it('on time: every installment due and paid, no penalties, paid off', () => {
    const result = runTimeline(ir, application, '2025-03-03', { kind: 'on-time', installment: 1, daysLate: 0 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const events = result.days.flatMap((d) => d.events);
    expect(events.filter((e) => e.type === 'late-fee')).toEqual([]);
    expect(events.some((e) => e.type === 'paid-off')).toBe(true);
    expect(result.final.status).toBe('paid-off');
  });

  it('stops paying: late fees, moratorium, stage changes and notifications appear', () => {
    const result = runTimeline(ir, application, '2025-03-03', { kind: 'stops', installment: 2, daysLate: 0 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const types = new Set(result.days.flatMap((d) => d.events.map((e) => e.type)));
    expect(types).toContain('stage-changed');
    expect(types).toContain('moratorium');
    expect(result.final.daysPastDue).toBeGreaterThan(90);
  });

  it('a declined applicant has no loan to follow', () => {
    const result = runTimeline(ir, { ...application, 'employment.employer_in_agreement': false }, '2025-03-03', { kind: 'on-time', installment: 1, daysLate: 0 });
    expect(result.ok).toBe(false);
  });
});

import { condenseTimeline } from './condense.ts';

describe('condensed timeline', () => {
  it('folds runs of moratorium-only days into one row with their total', () => {
    const rows = condenseTimeline([
      { date: '2025-04-01', events: [{ type: 'due', installment: 1, amount: '100.00' }] },
      { date: '2025-04-02', events: [{ type: 'moratorium', amount: '1.10', iva: '0.18' }] },
      { date: '2025-04-03', events: [{ type: 'moratorium', amount: '1.10', iva: '0.17' }] },
      { date: '2025-04-04', events: [{ type: 'moratorium', amount: '1.10', iva: '0.18' }, { type: 'stage-changed', from: null, to: 'temprana' }] },
    ]);
    expect(rows).toEqual([
      { kind: 'day', date: '2025-04-01', events: [{ type: 'due', installment: 1, amount: '100.00' }] },
      { kind: 'accrual', from: '2025-04-02', to: '2025-04-03', days: 2, amount: '2.20', iva: '0.35' },
      { kind: 'day', date: '2025-04-04', events: [{ type: 'moratorium', amount: '1.10', iva: '0.18' }, { type: 'stage-changed', from: null, to: 'temprana' }] },
    ]);
  });
});

import { translate } from '../i18n/messages.ts';
import { exampleText } from '../testing/examples.ts';
import { loanStatusLine } from './status.ts';

describe('the status at the end of the timeline', () => {
  const say = (final: Parameters<typeof loanStatusLine>[0], locale: 'es' | 'en' = 'es') => {
    const { key, params } = loanStatusLine(final);
    return translate(locale, key, params);
  };

  it('a loan in judicial collection 437 days past due is not "vigente" (a product without a write-off step)', () => {
    // nómina without its castigo step: the loan stays on the books, stage judicial, for good.
    const text = exampleText('nomina').replace('    from 181 dpd stage castigo write off\n', '').replace('from 91 to 180 dpd', 'from 91 dpd');
    const ir = compiledExample('nomina', text);
    const fields = formFields(ir);
    const application = toApplication(fields, exampleValues(fields, ir, '2025-03-03'));
    const result = runTimeline(ir, application, '2025-03-03', { kind: 'stops', installment: 2, daysLate: 0 });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.final).toMatchObject({ status: 'active', stage: 'judicial' });
    expect(result.final.daysPastDue).toBeGreaterThan(400);
    expect(say(result.final)).toBe(`vencido, con ${result.final.daysPastDue} días de atraso, en etapa judicial`);
    expect(say(result.final, 'en')).toBe(`past due, ${result.final.daysPastDue} days late, in stage judicial`);
  });

  it('says vigente only with nothing past due; paid off and written off as such', () => {
    expect(say({ status: 'active', daysPastDue: 0, stage: null })).toBe('vigente, al corriente');
    expect(say({ status: 'active', daysPastDue: 3, stage: null })).toBe('vencido, con 3 días de atraso');
    expect(say({ status: 'paid-off', daysPastDue: 0, stage: null })).toBe('liquidado');
    expect(say({ status: 'written-off', daysPastDue: 437, stage: null })).toBe('castigado');
  });

  it('never says vigente for a loan not yet disbursed, cancelled, never closed by the end of day, or in a collection stage', () => {
    expect(say({ status: 'pending', daysPastDue: 0, stage: null })).toBe('por desembolsar');
    expect(say({ status: 'cancelled', daysPastDue: 0, stage: null })).toBe('cancelado');
    expect(say({ status: 'active', daysPastDue: null, stage: null })).toBe('activo (sin cierre del día todavía)');
    expect(say({ status: 'active', daysPastDue: 0, stage: 'judicial' })).toBe('en etapa de cobranza judicial');
    expect(say({ status: 'active', daysPastDue: 0, stage: 'judicial' }, 'en')).toBe('in collection stage judicial');
  });
});
