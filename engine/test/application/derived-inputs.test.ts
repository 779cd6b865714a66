// fillDerivedInputs: inputs declared `from client.…` come from the client's facts, never from the
// application; a typed one, or one with no client, is a problem naming its path.
import { describe, expect, it } from 'vitest';
import { decide, fillDerivedInputs, withProductHash, type ClientFacts, type ProductIR } from '../../src/index.ts';
import { goodApplicant, payrollProduct, payrollSource } from '../decision/payroll-product.ts';

/** The payroll product with the applicant's age and birth date taken from the client record. */
const derivedProduct: ProductIR = withProductHash({
  ...payrollSource,
  inputs: payrollSource.inputs.map((f) =>
    f.path === 'applicant.age' ? { ...f, from: 'client.age' } : f.path === 'applicant.birth_date' ? { ...f, from: 'client.birth_date' } : f,
  ),
});

const facts: ClientFacts = { 'client.age': 35, 'client.birth_date': '1990-01-15', 'client.cycle': 1 };
const { applicant, ...rest } = goodApplicant;
const typed = { ...rest, applicant: { net_income: applicant.net_income } };

describe('fillDerivedInputs', () => {
  it('leaves the application of a product without derived inputs as it is', () => {
    const result = fillDerivedInputs(payrollProduct, goodApplicant, undefined);
    expect(result).toEqual({ ok: true, application: goodApplicant, derived: {} });
    if (result.ok) expect(result.application).toBe(goodApplicant);
  });

  it('fills derived inputs nested by path, and the engine decides the filled application as if typed', () => {
    const result = fillDerivedInputs(derivedProduct, typed, facts);
    expect(result).toEqual({
      ok: true,
      application: { ...typed, applicant: { net_income: applicant.net_income, age: 35, birth_date: '1990-01-15' } },
      derived: { 'applicant.age': 35, 'applicant.birth_date': '1990-01-15' },
    });
    if (!result.ok) return;
    const filled = decide(derivedProduct, result.application, '2025-01-06');
    const plain = decide(payrollProduct, { ...goodApplicant, applicant: { ...applicant, birth_date: '1990-01-15' } }, '2025-01-06');
    expect(filled.outcome).toBe(plain.outcome);
    expect(filled.offer).toEqual(plain.offer);
  });

  it('refuses a derived field typed in the application, nested or as a dotted key', () => {
    for (const application of [goodApplicant, { ...typed, 'applicant.age': 40 }, { ...rest, 'applicant.net_income': '24000', applicant: { age: null } }]) {
      const result = fillDerivedInputs(derivedProduct, application, facts);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toEqual([{ path: 'application.applicant.age', message: expect.stringContaining('derived from the client record (`client.age`)') }]);
    }
  });

  it('asks for a client when the decision names none', () => {
    const result = fillDerivedInputs(derivedProduct, typed, undefined);
    expect(result).toEqual({ ok: false, problems: [{ path: 'clientId', message: expect.stringMatching(/^a client is required: .*`applicant\.age` \(`client\.age`\)/) }] });
  });

  it('refuses a required input whose fact the record lacks; an optional one is filled with null', () => {
    const noAge = fillDerivedInputs(derivedProduct, typed, { 'client.age': null, 'client.birth_date': null });
    expect(noAge).toEqual({ ok: false, problems: [{ path: 'application.applicant.age', message: expect.stringContaining('has no such fact') }] });
    const noBirthDate = fillDerivedInputs(derivedProduct, typed, { 'client.age': 50, 'client.birth_date': null });
    expect(noBirthDate.ok && noBirthDate.derived).toEqual({ 'applicant.age': 50, 'applicant.birth_date': null });
  });

  it('puts a derived value under a dotted key when its group is not an object (validation then names the group)', () => {
    const result = fillDerivedInputs(derivedProduct, { ...rest, applicant: 'nadie' }, facts);
    expect(result.ok && result.application).toMatchObject({ applicant: 'nadie', 'applicant.age': 35 });
  });
});
