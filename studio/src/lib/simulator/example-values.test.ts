import { decide, validateApplication, type ProductIR } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { compiledExample } from '../testing/examples.ts';
import { exampleValues } from './example-values.ts';
import { formFields, toApplication, type FormField } from './form.ts';

const EXAMPLES = ['nomina', 'adelanto_nomina', 'capital_trabajo', 'financiamiento_tienda', 'german_credit', 'microcredito_grupal'];
const TODAY = '2025-03-03';

/** The product with no tests (a product just started): every value comes from its declarations. */
const untested = (ir: ProductIR): ProductIR => ({ ...ir, tests: [] });

describe("the simulator's example applicant", () => {
  it.each(EXAMPLES)('is a valid application of %s, with its tests and without them, and is decided', (name) => {
    for (const ir of [compiledExample(name), untested(compiledExample(name))]) {
      const fields = formFields(ir);
      const application = toApplication(fields, exampleValues(fields, ir, TODAY));
      expect(() => validateApplication(ir, application)).not.toThrow();
      expect(['approve', 'refer', 'decline']).toContain(decide(ir, application, TODAY).outcome);
    }
  });

  it("takes each field from the first of the product's tests that names it", () => {
    const nomina = compiledExample('nomina');
    const fields = formFields(nomina);
    const values = exampleValues(fields, nomina, TODAY);
    expect(values['payroll.net_pay']).toBe('18000');
    expect(values['employment.employer_in_agreement']).toBe('true');
    expect(decide(nomina, toApplication(fields, values), TODAY).outcome).toBe('approve');
  });

  it('asks for an amount on the offer step within the limits and a number of payments the first frequency allows', () => {
    const base = untested(compiledExample('nomina'));
    const ir: ProductIR = {
      ...base,
      limits: {
        ...base.limits,
        amount: { min: '1000', max: '20000', step: '750' },
        terms: [
          { frequency: 'weekly', payments: { min: 20, max: 30 } },
          { frequency: 'monthly', payments: { min: 3, max: 6 } },
        ],
      },
    };
    const fields = formFields(ir);
    const values = exampleValues(fields, ir, TODAY);
    // The middle of 1000..20000 is 10500; on the 750 step from 1000 that is 10000.
    expect(values['request.amount']).toBe('10000');
    // No frequency chosen: the first term's, weekly. Not the middle of every term's payments (14,
    // which weekly does not allow): weekly's own middle.
    expect(values['request.frequency']).toBe('');
    expect(values['request.payments']).toBe('25');
  });

  it('keeps numbers inside their range, below an exclusive maximum, and leaves optional fields absent', () => {
    const ir = untested(compiledExample('nomina'));
    const field = (over: Partial<FormField>): FormField => ({ path: 'x.n', type: 'integer', control: 'number', optional: false, ...over });
    const one = (f: FormField) => exampleValues([f], ir, TODAY)[f.path];
    expect(one(field({ min: '0', max: '600' }))).toBe('300');
    expect(one(field({ min: '0', max: '1', maxExclusive: true }))).toBe('0');
    expect(one(field({ type: 'money', min: '1', max: '1000000' }))).toBe('500000.5');
    expect(one(field({ min: '18' }))).toBe('18');
    expect(one(field({ max: '10', maxExclusive: true }))).toBe('9');
    expect(one(field({ optional: true, min: '300', max: '850' }))).toBe('');
    expect(one({ path: 'x.kind', type: 'enum', control: 'select', optional: false, values: ['planta', 'temporal'] })).toBe('planta');
    expect(one({ path: 'x.since', type: 'date', control: 'date', optional: false })).toBe(TODAY);
  });
});
