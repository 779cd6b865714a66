import { format, compileText } from '@plazo/dsl';
import { decide, runProductTests } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { compiledExample, exampleText } from '../testing/examples.ts';
import { exampleValues } from './example-values.ts';
import { carryValues, fieldProblem, formFields, toApplication, type FormField } from './form.ts';
import { expectLines, insertTestCase, testCaseBlock, uniqueTestName } from './test-case.ts';

const nomina = compiledExample('nomina');
const fields = formFields(nomina);
const field = (path: string) => fields.find((f) => f.path === path) as FormField;

describe('the simulator form from the input schema', () => {
  it('has one typed control per input, then the implicit request fields bounded by the limits', () => {
    const paths = fields.map((f) => f.path);
    expect(paths.slice(0, nomina.inputs.length)).toEqual(nomina.inputs.map((f) => f.path));
    expect(paths).toEqual(expect.arrayContaining(['request.amount', 'request.payments', 'request.frequency']));
    expect(new Set(paths).size).toBe(paths.length);
    expect(field('applicant.birth_date').control).toBe('date');
    expect(field('employment.contract')).toMatchObject({ control: 'select', values: expect.arrayContaining(['planta']) });
    expect(field('employment.employer_in_agreement').control).toBe('boolean');
    expect(field('request.amount')).toMatchObject({ control: 'number', step: '0.01' });
    expect(field('request.amount').min).toBeDefined();
    expect(field('request.payments')).toMatchObject({ type: 'integer', step: '1' });
    expect(field('request.frequency')).toMatchObject({ control: 'select', optional: true, values: ['semimonthly'] });
  });

  it('marks derived inputs with the client fact, and still takes a typed test value for them', () => {
    const micro = compiledExample('microcredito_grupal');
    const microFields = formFields(micro);
    expect(microFields.filter((f) => f.from).map((f) => [f.path, f.from, f.control])).toEqual([
      ['applicant.age', 'client.age', 'number'],
      ['group.cycle', 'client.cycle', 'number'],
    ]);
    expect(fields.some((f) => f.from !== undefined)).toBe(false);
    const values = Object.fromEntries(microFields.map((f) => [f.path, '']));
    const application = toApplication(microFields, { ...values, 'applicant.age': '35', 'group.cycle': '2' }) as Record<string, unknown>;
    expect(application).toMatchObject({ 'applicant.age': '35', 'group.cycle': '2' });
  });

  it('shows percent fields in points and converts them back to fractions', () => {
    const f: FormField = { path: 'x.ratio', type: 'percent', control: 'number', optional: false, min: '0', max: '35', step: 'any' };
    expect(toApplication([f], { 'x.ratio': '35' })).toEqual({ 'x.ratio': '0.35' });
    expect(fieldProblem(f, '36')).toEqual({ key: 'sim.aboveMax', max: '35' });
  });

  it('starts from the first test applicant, and that applicant is approved', () => {
    const values = exampleValues(fields, nomina, '2025-03-03');
    expect(values['payroll.net_pay']).toBe('18000');
    expect(values['employment.employer_in_agreement']).toBe('true');
    const d = decide(nomina, toApplication(fields, values), '2025-03-03');
    expect(d.outcome).toBe('approve');
  });

  it('leaves an empty optional field out and flags an empty required one', () => {
    const values = { ...exampleValues(fields, nomina, '2025-03-03'), 'request.frequency': '' };
    expect(toApplication(fields, values)).not.toHaveProperty('request.frequency');
    expect(fieldProblem(field('payroll.net_pay'), '')).toEqual({ key: 'sim.required' });
    expect(fieldProblem(field('request.payments'), '2.5')).toEqual({ key: 'sim.notInteger' });
    expect(fieldProblem(field('request.amount'), 'abc')).toEqual({ key: 'sim.notNumber' });
  });

  it('keeps typed values across an edit of the product, resetting enum values that are gone', () => {
    const next = carryValues(fields, { 'employment.contract': 'gone', 'payroll.net_pay': '9000' }, { 'employment.contract': 'planta' });
    expect(next['employment.contract']).toBe('planta');
    expect(next['payroll.net_pay']).toBe('9000');
  });
});

describe('save as test case', () => {
  const values = exampleValues(fields, nomina, '2025-03-03');
  const application = toApplication(fields, { ...values, 'request.amount': '30000' });
  const decision = decide(nomina, application, '2025-03-03');

  it('writes the decision as expectations', () => {
    const lines = expectLines(decision);
    expect(lines[0]).toBe('expect approve');
    expect(lines).toContain(`expect band ${decision.band}`);
    expect(lines).toContain(`expect cat ${decision.offer!.cat}%`);
  });

  it('inserts a block that compiles, formats, and passes as a product test', () => {
    const block = testCaseBlock('caso simulado', fields, application, decision);
    expect(block).toMatch(/^test "caso simulado" \{\n  given /);
    const inserted = insertTestCase(exampleText('nomina'), block)!;
    const formatted = format(inserted.text);
    expect(formatted.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { ir } = compileText(formatted.text);
    expect(ir?.tests.at(-1)?.name).toBe('caso simulado');
    expect(ir?.tests.length).toBe(nomina.tests.length + 1);
    // The saved case passes: it pins down exactly what the engine decided.
    const report = runProductTests(ir!);
    expect(report.results.at(-1)).toMatchObject({ name: 'caso simulado', status: 'passed' });
  });

  it('quotes a declined applicant\'s reasons', () => {
    const declined = decide(nomina, { ...application, 'employment.employer_in_agreement': false }, '2025-03-03');
    expect(expectLines(declined)[0]).toMatch(/^expect decline reasons "CONVENIO"/);
  });

  it('picks a name no test has', () => {
    expect(uniqueTestName('caso', ['caso', 'caso 2'])).toBe('caso 3');
    expect(uniqueTestName('otro', ['caso'])).toBe('otro');
  });
});
