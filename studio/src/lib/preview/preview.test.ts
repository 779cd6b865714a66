import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileText } from '@plazo/dsl';
import { CAT_OUT_OF_RANGE, type ProductIR } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { previewLimits, resolveRequest } from './controls.ts';
import { computePreview } from './preview.ts';
import { frequencyKeyLabel } from './display.ts';
import { translate } from '../i18n/messages.ts';

function compiled(name: string): ProductIR {
  const { ir, diagnostics } = compileText(readFileSync(join(import.meta.dirname, `../../../../examples/${name}.plazo`), 'utf8'));
  if (!ir) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return ir;
}

const nomina = compiled('nomina');
const request = { amount: '60000', payments: 24, frequency: 'semimonthly' as const, band: 'A', disbursementDate: '2025-03-03' };

describe('loan terms of the preview, from the engine', () => {
  it('takes the rate-table row for the band and the number of payments', () => {
    const rate = (band: string, payments: number) => {
      const outcome = computePreview(nomina, { ...request, band, payments });
      return outcome.ok ? outcome.preview.annualRate : outcome.error;
    };
    expect(rate('A', 24)).toBe('0.26');
    expect(rate('B', 36)).toBe('0.38');
    expect(rate('C', 48)).toBe('0.48');
    const none = computePreview(nomina, { ...request, band: 'Z' });
    expect(none.ok ? '' : none.error).toContain('pricing.rate');
  });
});

describe('the preview of a request', () => {
  it('reproduces the figures the nómina product documents in its first test', () => {
    // examples/nomina.plazo: 60,000 at 26% in 24 fortnights, level installment with IVA 2,969.71,
    // the first 3,161.71 with the IVA of the financed opening fee, CAT 34.7%.
    const outcome = computePreview(nomina, request);
    if (!outcome.ok) throw new Error(outcome.error);
    const { schedule, caratula } = outcome.preview;
    expect(schedule.installments).toHaveLength(24);
    expect(schedule.installments[0]?.total).toBe('3161.71');
    expect(schedule.installments[1]?.total).toBe('2969.71');
    expect(schedule.cat).toBe('34.7');
    expect(caratula).toMatchObject({
      productName: 'Crédito de Nómina',
      productKind: 'consumer',
      cat: '34.7',
      catDate: '2025-03-03',
      ordinaryRate: '0.26',
      moratorium: { rate: '0.39', factor: '1.5', taxable: true },
      amount: '60000',
      totalToPay: schedule.totalToPay,
      payments: 24,
      firstDueDate: schedule.installments[0]?.dueDate,
      fees: [{ name: 'apertura', kind: 'percent', value: '0.02', of: 'amount', min: '200', max: '3000', timing: 'financed', taxable: true }],
    });
    expect(caratula.lateFee).toBeUndefined();
  });

  it('reports, without throwing, terms the engine refuses', () => {
    const outcome = computePreview(nomina, { ...request, payments: 0 });
    expect(outcome.ok).toBe(false);
  });
});

describe('preview controls bounded by the product limits', () => {
  const limits = previewLimits(nomina);

  it('reads amount, terms and bands from the IR', () => {
    expect(limits).toEqual({
      amount: { min: '5000', max: '250000', step: '500' },
      terms: [{ frequency: 'semimonthly', min: 6, max: 48 }],
      bands: ['A', 'B', 'C'],
    });
  });

  it('starts in the middle and clamps what the user asks', () => {
    expect(resolveRequest(limits, { disbursementDate: '2025-03-03' })).toEqual({ amount: '127500', payments: 27, frequency: 'semimonthly', band: 'A', disbursementDate: '2025-03-03' });
    const clamped = resolveRequest(limits, { amount: '1000000', payments: 99, frequency: 'weekly', band: 'Q', disbursementDate: '2025-03-03' });
    expect(clamped).toMatchObject({ amount: '250000', payments: 48, frequency: 'semimonthly', band: 'A' });
    expect(resolveRequest(limits, { amount: '10', payments: 1, band: 'C', disbursementDate: '2025-03-03' })).toMatchObject({ amount: '5000', payments: 6, band: 'C' });
  });

  it('has no band control when the rate does not depend on the band', () => {
    const products = ['adelanto_nomina', 'capital_trabajo', 'financiamiento_tienda', 'microcredito_grupal'].map(compiled);
    for (const ir of products) {
      const l = previewLimits(ir);
      expect(l.bands.length > 0).toBe(ir.pricing.rate.kind === 'table' && ir.pricing.rate.keys.includes('band'));
      const outcome = computePreview(ir, resolveRequest(l, { disbursementDate: '2025-03-03' })!);
      expect(outcome.ok, `${ir.code}: ${outcome.ok ? '' : outcome.error}`).toBe(true);
    }
  });
});

describe('a CAT beyond 10^6 %', () => {
  it('is refused with the engine code, which the panel words in its own message', () => {
    // nomina with an 86% opening fee deducted over 6 fortnights: 8,400 received (IVA aside)
    // against about 10,500 a fortnight.
    const source = readFileSync(join(import.meta.dirname, '../../../../examples/nomina.plazo'), 'utf8').replace('fee apertura 2% of amount min 200 max 3_000 financed iva', 'fee apertura 86% of amount deducted iva');
    const { ir } = compileText(source);
    if (!ir) throw new Error('the variant does not compile');
    const outcome = computePreview(ir, { ...request, payments: 6 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe(CAT_OUT_OF_RANGE);
    expect(outcome.error).toContain('1000000%');
  });
});

import { answeredRequest, answersChoice } from './controls.ts';

describe('a preview error is about the values on screen', () => {
  // nómina whose first payment must fall 10 to 12 days after the disbursement: disbursed on
  // 2025-03-06, no 15th or month end falls in that window and the engine refuses the terms.
  const text = readFileSync(join(import.meta.dirname, '../../../../examples/nomina.plazo'), 'utf8').replace('first payment 10..31 days', 'first payment 10..12 days');
  const ir = compileText(text).ir!;
  const limits = previewLimits(ir);

  it('says which request it answers, and is stale once the controls moved', () => {
    const before = { amount: '60000', payments: 24, frequency: 'semimonthly', band: 'A', disbursementDate: '2025-03-06' };
    const outcome = computePreview(ir, resolveRequest(limits, before)!);
    if (outcome.ok) throw new Error('expected the engine to refuse the terms');
    expect(outcome.error).toContain('first-payment window');
    expect(answeredRequest(outcome)).toMatchObject({ disbursementDate: '2025-03-06', payments: 24, amount: '60000', band: 'A' });
    expect(answersChoice(limits, before, answeredRequest(outcome))).toBe(true);
    expect(answersChoice(limits, { ...before, amount: '60000.00' }, answeredRequest(outcome))).toBe(true);
    // The user moves the date (or anything else): the error is no longer about what the controls
    // show until the worker answers the new choice, which here computes fine.
    const after = { ...before, disbursementDate: '2025-03-03' };
    expect(answersChoice(limits, after, answeredRequest(outcome))).toBe(false);
    expect(answersChoice(limits, { ...before, payments: 36 }, answeredRequest(outcome))).toBe(false);
    expect(computePreview(ir, resolveRequest(limits, after)!).ok).toBe(true);
  });
});

describe('frequencies in the lender’s words', () => {
  it('names a requested frequency: quincenal is semimonthly, catorcenal biweekly', () => {
    expect(translate('es', frequencyKeyLabel('semimonthly')!.key)).toBe('Quincenal');
    expect(translate('es', frequencyKeyLabel('biweekly')!.key)).toBe('Catorcenal');
    const every = frequencyKeyLabel('every_10_days')!;
    expect(translate('es', every.key, every.params)).toBe('Cada 10 días');
    expect(frequencyKeyLabel('planta')).toBeUndefined();
  });
});
