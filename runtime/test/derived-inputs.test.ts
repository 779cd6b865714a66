// Derived inputs (issue 14): a decision that names its client fills the inputs the product
// declares `from client.…` from the client's record and loan history at the decision date — a
// client with two earlier loans, one paid off after being 40 days late, is in cycle 2 with 2
// prior loans, 1 active and a worst 40 days past due. A derived field typed in the application,
// or no client for a product that derives, is 422 with its path and nothing is written; a product
// without derived inputs decides as before. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { readFileSync } from 'node:fs';
import { CLIENT_FACTS } from '@plazo/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFactsAt } from '../src/clients/client-facts.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const MICRO = readFileSync(new URL('../../examples/microcredito_grupal.plazo', import.meta.url), 'utf8');
const NOMINA_EXPEDIENTE = readFileSync(new URL('../../examples/variants/nomina_expediente.plazo', import.meta.url), 'utf8').replace('product nomina ', 'product nomina_expediente ');
/** The group credit also reading the history facts (optional: its tests need not give them), to see each one the decision fills. */
const HISTORY = MICRO.replace('product microcredito_grupal', 'product micro_historial').replace(
  '    /// Monto solicitado\n',
  [
    '    history.prior_loans: integer 0..999 optional from client.prior_loans',
    '    history.active_loans: integer 0..999 optional from client.active_loans',
    '    history.worst_dpd: integer 0..9_999 optional from client.worst_dpd',
    '    history.pep: boolean optional from client.pep',
    '    /// Monto solicitado\n',
  ].join('\n'),
);

const GLORIA = {
  kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', birthDate: '1956-04-27', sex: 'M', birthState: 'VZ',
  nationality: 'MX', curp: 'HEGG560427MVZRRL04', phones: ['2295550101'], pep: false,
};
/** Flat 52% weekly, 12 installments, the first a week after disbursement. */
const terms = (date: string) => ({
  principal: '6000.00', annualRate: '0.52', installments: 12, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate: date, decimals: 2, rounding: 'half-even',
  tax: { rate: '0.16', on: ['interest'] }, fees: [],
});
/** A group credit application without what the product derives (age, cycle). */
const MICRO_APPLICATION = {
  applicant: { weekly_income: '3000', has_business: true, business_months: 24 },
  group: { members: 15, attendance: '1', prev_max_dpd: 0, approved_by_assembly: true },
  request: { amount: '8000', payments: 16 },
};

describe.each(DATABASE_KINDS)('derived inputs on %s', (kind) => {
  let h: Harness;
  let gloria: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    for (const [code, source] of [['microcredito_grupal', MICRO], ['micro_historial', HISTORY], ['nomina', NOMINA_SOURCE], ['nomina_expediente', NOMINA_EXPEDIENTE]] as const) {
      await publishProduct(h.db, code, source);
    }
    setToday(h, '2025-01-06');
    const created = await h.request('POST', '/api/v1/clients', { body: GLORIA });
    expect(created.status, created.text).toBe(201);
    gloria = created.body.client.id;
    // First loan: disbursed 2025-01-06, first installment due 2025-01-13, unpaid until 40 days late, then paid off.
    const first = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: terms('2025-01-06'), clientId: gloria, externalRef: 'GLORIA-1' } });
    expect(first.status, first.text).toBe(201);
    expect((await h.request('POST', `/api/v1/loans/${first.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
    await runEndOfDay(h.db, { through: '2025-02-22' });
    setToday(h, '2025-02-24');
    const payoff = (await h.request('GET', `/api/v1/loans/${first.body.loan.id}/payoff?date=2025-02-24`)).body.payoff.total;
    const paid = await h.request('POST', `/api/v1/loans/${first.body.loan.id}/payments`, { body: { amount: payoff, date: '2025-02-24' } });
    expect(paid.body.loan, paid.text).toMatchObject({ status: 'paid-off' });
    // Second loan: opened and disbursed 2025-03-03, current.
    setToday(h, '2025-03-03');
    const second = await h.request('POST', '/api/v1/loans/import', { body: { product: 'microcredito_grupal', terms: terms('2025-03-03'), clientId: gloria, externalRef: 'GLORIA-2' } });
    expect(second.status, second.text).toBe(201);
    expect((await h.request('POST', `/api/v1/loans/${second.body.loan.id}/disbursement`, { body: {} })).status).toBe(201);
    setToday(h, '2025-03-10');
  }, 180_000);
  afterAll(async () => h?.destroy());

  it("computes every fact of the language's table from the record and the loans, at a date", async () => {
    const facts = await clientFactsAt(h.db, gloria, '2025-03-10');
    expect(Object.keys(facts).sort()).toEqual(CLIENT_FACTS.map((f) => f.name).sort());
    expect(facts).toEqual({
      'client.birth_date': '1956-04-27', 'client.age': 68, 'client.sex': 'M', 'client.birth_state': 'VZ', 'client.nationality': 'MX', 'client.pep': false,
      'client.cycle': 2, 'client.prior_loans': 2, 'client.active_loans': 1, 'client.worst_dpd': 40,
    });
    // Before the payoff and the second loan: one loan, still open, in the first cycle.
    expect(await clientFactsAt(h.db, gloria, '2025-02-23')).toMatchObject({ 'client.cycle': 1, 'client.prior_loans': 1, 'client.active_loans': 1 });
    // Before any loan; the birthday the next month.
    expect(await clientFactsAt(h.db, gloria, '2025-01-05')).toMatchObject({ 'client.age': 68, 'client.cycle': 1, 'client.prior_loans': 0, 'client.active_loans': 0, 'client.worst_dpd': 0 });
    expect((await clientFactsAt(h.db, gloria, '2025-04-27'))['client.age']).toBe(69);
  });

  it('fills the derived inputs of a decision for the client, says which, and stores the filled application', async () => {
    const res = await h.request('POST', '/api/v1/decisions', { body: { product: 'micro_historial', application: MICRO_APPLICATION, clientId: gloria } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.decision.derivedInputs).toEqual({
      'applicant.age': 68, 'group.cycle': 2, 'history.prior_loans': 2, 'history.active_loans': 1, 'history.worst_dpd': 40, 'history.pep': false,
    });
    // Cycle 2: the cap is 15,000, so the 8,000 asked is offered (cycle 1 would have capped 16 weeks, not the amount).
    expect(res.body.decision.outcome).toBe('approve');
    const read = await h.request('GET', `/api/v1/decisions/${res.body.decision.id}`);
    expect(read.body.decision.derivedInputs).toEqual(res.body.decision.derivedInputs);
    expect(read.body.application).toEqual({
      ...MICRO_APPLICATION,
      applicant: { ...MICRO_APPLICATION.applicant, age: 68 },
      group: { ...MICRO_APPLICATION.group, cycle: 2 },
      history: { prior_loans: 2, active_loans: 1, worst_dpd: 40, pep: false },
    });
  });

  it('refuses a typed value for a derived input, and a product that derives without a client, with 422 and nothing written', async () => {
    const company = await h.request('POST', '/api/v1/clients', { body: { kind: 'company', legalName: 'Abarrotes Doña Gloria', rfc: 'TES0101013A0' } });
    const before = await databaseFingerprint(h);
    const typed = await h.request('POST', '/api/v1/decisions', {
      body: { product: 'microcredito_grupal', application: { ...MICRO_APPLICATION, group: { ...MICRO_APPLICATION.group, cycle: 5 } }, clientId: gloria },
    });
    expect(typed.status, typed.text).toBe(422);
    expect(typed.body.error.code).toBe('validation-failed');
    expect(typed.body.error.details).toEqual([{ path: 'application.group.cycle', message: expect.stringContaining('derived from the client record (`client.cycle`)') }]);
    const noClient = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina_expediente', application: NOMINA_APPLICATION } });
    expect(noClient.status).toBe(422);
    expect(noClient.body.error.details).toEqual([
      { path: 'application.applicant.birth_date', message: expect.stringContaining('derived from the client record') },
      { path: 'clientId', message: expect.stringMatching(/^a client is required/) },
    ]);
    const { applicant: _typed, ...withoutBirthDate } = NOMINA_APPLICATION;
    const noBirthDate = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina_expediente', application: withoutBirthDate, clientId: company.body.client.id } });
    expect(noBirthDate.status).toBe(422);
    expect(noBirthDate.body.error.details).toEqual([{ path: 'application.applicant.birth_date', message: expect.stringContaining('has no such fact') }]);
    expect(await databaseFingerprint(h)).toEqual(before);
  });

  it('takes the birth date from the record for nomina_expediente; nomina, without derived inputs, decides as before', async () => {
    const { applicant: _typed, ...withoutBirthDate } = NOMINA_APPLICATION;
    const derived = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina_expediente', application: withoutBirthDate, clientId: gloria, asOf: '2025-03-03' } });
    expect(derived.status, derived.text).toBe(201);
    expect(derived.body.decision.derivedInputs).toEqual({ 'applicant.birth_date': '1956-04-27' });
    // 68 + 24/24 = 69 ≤ 70: approved, as the typed birth date would be.
    const typed = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: { ...NOMINA_APPLICATION, applicant: { birth_date: '1956-04-27' } }, clientId: gloria, asOf: '2025-03-03' } });
    expect(typed.status, typed.text).toBe(201);
    expect(typed.body.decision).not.toHaveProperty('derivedInputs');
    expect(derived.body.decision.outcome).toBe(typed.body.decision.outcome);
    expect(derived.body.decision.offer).toEqual(typed.body.decision.offer);
    expect((await h.request('GET', `/api/v1/decisions/${typed.body.decision.id}`)).body.application).toEqual({ ...NOMINA_APPLICATION, applicant: { birth_date: '1956-04-27' } });
  });
});
