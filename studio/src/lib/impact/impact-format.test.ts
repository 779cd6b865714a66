import { describe, expect, it } from 'vitest';
import type { ImpactRow, ImpactSide } from '@plazo/engine';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { compiledExample, exampleText } from '../testing/examples.ts';
import { runCompare } from '../worker/requests.ts';
import { amountChange, catChange, flipLabel, loanLabel, rateChange, rowChanges, sideSummary } from './impact-format.ts';

const es = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => translate('es', key, params);
const en = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => translate('en', key, params);

const side = (over: Partial<ImpactSide>): ImpactSide => ({ outcome: 'approve', band: 'A', score: '700', amount: '60000', annualRate: '0.26', installment: '1500', cat: '38.2', reasons: [], ...over });

describe('how an impact report reads', () => {
  it('names a flip by its two outcomes, Spanish first', () => {
    expect(flipLabel(es, 'approve', 'decline')).toBe('Aprobadas → rechazadas');
    expect(flipLabel(en, 'refer', 'approve')).toBe('Referred → approved');
    expect(flipLabel(es, 'invalid', 'refer')).toBe('Inválidas → a revisión');
  });

  it('signs changes exactly, without floats', () => {
    expect(amountChange('-5000.5')).toBe('−$5,000.5');
    expect(amountChange('1500')).toBe('+$1,500');
    expect(rateChange('0.01')).toBe('+1 pp');
    expect(rateChange('-0.005')).toBe('−0.5 pp');
    expect(catChange('1.3')).toBe('+1.3 pp');
    expect(rateChange('0.1000000000000000055511151231257827')).toBe('+10.00000000000000055511151231257827 pp');
  });

  it('says in a few words how each version decides', () => {
    expect(sideSummary(es, side({}))).toBe('Aprobada · A · $60,000 · 26% · CAT 38.2%');
    expect(sideSummary(es, side({ outcome: 'decline', band: null, amount: null, annualRate: null, cat: null, reasons: ['SUELDO_MINIMO'] }))).toBe('Rechazada (SUELDO_MINIMO)');
    expect(sideSummary(en, side({ outcome: 'invalid', band: null, amount: null, annualRate: null, cat: null, reasons: ['applicant.age'] }))).toBe('Invalid (applicant.age)');
  });

  it('lists what changed for an application', () => {
    const row: ImpactRow = {
      id: 'x', source: 'decision', asOf: '2025-01-06', before: side({}), after: side({ band: 'B', amount: '55000', annualRate: '0.36', cat: '52.1' }),
      outcomeChanged: false, amountChange: '-5000', rateChange: '0.1', catChange: '13.9', changed: true,
    };
    expect(rowChanges(es, row)).toEqual(['Banda A → B', 'Monto −$5,000', 'Tasa +10 pp', 'CAT +13.9 pp']);
  });

  it('labels a representative loan', () => {
    expect(loanLabel(es, { amount: 'typical', term: 'longest', band: 'A', request: { amount: '127500', payments: 48, frequency: 'semimonthly' } })).toBe('Típico · $127,500 · 48 pagos · A');
    expect(loanLabel(en, { amount: 'min', term: 'shortest', band: null, request: { amount: '1000', payments: 1, frequency: 'monthly' } })).toBe('Smallest · $1,000 · 1 payment');
  });

  it('the versions page compares with the engine: a higher band-A rate shows in every band-A representative loan', () => {
    const v1 = compiledExample('nomina');
    const v2 = compiledExample('nomina', exampleText('nomina').replace('A, 6..24: 26%', 'A, 6..24: 27%'));
    const result = runCompare({ ir: v1 }, { ir: v2 }, '2025-03-03');
    if (!result.ok) throw new Error('both versions compile');
    const short = result.comparison.schedules.filter((s) => s.loan.term === 'shortest');
    for (const s of short) expect(s).toMatchObject({ changed: true, before: { annualRate: '0.26' }, after: { annualRate: '0.27' } });
    expect(result.comparison.applications.length).toBe(v1.tests.length);
  });
});
