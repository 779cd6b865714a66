// Property: malformed requests to every servicing route — wrong types, huge numbers, negative
// amounts, unknown fields, invalid dates, deep nesting, 1 MB strings, non-object bodies — get a
// 4xx JSON error and leave the database as it was (row counts and the audit head).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { databaseFingerprint, disbursedLoan, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 120);
const MEGABYTE = 'x'.repeat(1024 * 1024);

function deep(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values no field of these routes accepts where a money string, a date or a count is expected. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, -1, 0.1, 1e308, -1e308, Number.MAX_SAFE_INTEGER * 8, '', ' ', 'NaN', 'Infinity', '-5.00', '-0.01', '1e9', '0x10'),
  fc.constantFrom('2025-02-30', '2025-13-01', '0000-00-00', 'yesterday', '2025/01/06', '99999-01-01', '123456789012345678901.00', '1'.repeat(400)),
  fc.double(),
  fc.integer({ min: -1e9, max: -1 }),
  fc.constantFrom<unknown>(deep(200), MEGABYTE, { $where: '1' }, ['1.00']),
);

/** Values no free-text field (references, reasons, bands) accepts. */
const wrongText = fc.constantFrom<unknown>(null, true, 1, -1, [], {}, '', 'x'.repeat(1001), MEGABYTE, deep(50));

const nonObjectBody = fc.oneof(fc.constantFrom<unknown>(null, [], [1, 2], 'text', 42, true), fc.array(fc.anything(), { maxLength: 3 }));
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).map((k) => `zz_${k}`);

/**
 * A malformed variant of `valid`: one poison that no route accepts (a field with a value of the
 * wrong kind, an unknown field, a non-object body, a 1 MB body), possibly with more noise.
 */
function malformed(valid: Record<string, unknown>, fields: readonly string[], textFields: readonly string[]) {
  return fc.oneof(
    ...(fields.length > 0 ? [fc.record({ field: fc.constantFrom(...fields), value: wrongValue }).map(({ field, value }) => ({ ...valid, [field]: value }))] : []),
    ...(textFields.length > 0 ? [fc.record({ field: fc.constantFrom(...textFields), value: wrongText }).map(({ field, value }) => ({ ...valid, [field]: value }))] : []),
    fc.record({ key: unknownKey, value: fc.anything().filter((v) => v !== undefined) }).map(({ key, value }) => ({ ...valid, [key]: value })),
    nonObjectBody,
    fc.constant({ ...valid, padding: MEGABYTE }),
    fc.constant(`{"unterminated": ${JSON.stringify(valid)}`),
  );
}

describe.each(DATABASE_KINDS)('malformed requests on %s', (kind) => {
  let h: Harness;
  let loanId: string;
  let paymentId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    loanId = await disbursedLoan(h);
    setToday(h, '2025-02-01');
    const pay = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '100.00', date: '2025-01-31' } });
    paymentId = pay.body.event.payload.id;
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const routes = () => [
    { method: 'POST', path: '/api/v1/decisions', valid: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' }, fields: ['product', 'version', 'application', 'asOf'], text: [] },
    { method: 'POST', path: '/api/v1/quotes', valid: { product: 'nomina', request: { amount: '10000', payments: 12 }, band: 'A' }, fields: ['product', 'version', 'request', 'asOf', 'terms'], text: ['band'] },
    { method: 'POST', path: '/api/v1/loans', valid: { decisionId: '00000000-0000-4000-8000-000000000000' }, fields: ['decisionId'], text: ['externalRef'] },
    { method: 'POST', path: '/api/v1/loans/import', valid: { product: 'nomina', terms: { principal: '1000.00', annualRate: '0.5', installments: 4, frequency: 'weekly', disbursementDate: '2025-01-06' } }, fields: ['product', 'version', 'terms'], text: ['externalRef'] },
    { method: 'POST', path: `/api/v1/loans/${loanId}/disbursement`, valid: {}, fields: [], text: ['reference'] },
    { method: 'POST', path: `/api/v1/loans/${loanId}/payments`, valid: { amount: '10.00', date: '2025-02-01' }, fields: ['amount', 'date'], text: ['reference'] },
    { method: 'POST', path: `/api/v1/loans/${loanId}/payments/${paymentId}/reversal`, valid: { date: '2025-02-01' }, fields: ['date'], text: ['reason'] },
    { method: 'POST', path: `/api/v1/loans/${loanId}/restructure`, valid: { installments: 6, date: '2025-02-01' }, fields: ['installments', 'frequency', 'annualRate', 'firstDueDate', 'date'], text: [] },
    { method: 'POST', path: `/api/v1/loans/${loanId}/write-off`, valid: { date: '2025-02-01' }, fields: ['date'], text: ['reason'] },
  ];

  it('answers every malformed body with a 4xx JSON error and changes nothing', async () => {
    const before = await databaseFingerprint(h);
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(malformed(route.valid, route.fields, route.text), async (body) => {
          const res = await h.request(route.method, route.path, { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'idempotency-key': 'bad-input' } });
          expect(res.status, `${route.path} ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${route.path} ${res.text.slice(0, 300)}`).toBeLessThan(500);
          expect(res.body?.error?.code, res.text.slice(0, 300)).toEqual(expect.any(String));
        }),
        { numRuns: RUNS },
      );
      expect(await databaseFingerprint(h), route.path).toEqual(before);
    }
  }, 600_000);

  it('answers malformed queries and ids on the read routes with a 4xx JSON error', async () => {
    const before = await databaseFingerprint(h);
    const reads = [
      (v: string) => `/api/v1/loans?status=${v}`,
      (v: string) => `/api/v1/loans?after=${v}`,
      (v: string) => `/api/v1/loans?limit=${v}`,
      (v: string) => `/api/v1/loans/${loanId}?asOf=${v}`,
      (v: string) => `/api/v1/loans/${loanId}/payoff?date=${v}`,
      (v: string) => `/api/v1/loans/${v}`,
      (v: string) => `/api/v1/decisions/${v}`,
      (v: string) => `/api/v1/ledger/trial-balance?from=${v}`,
      (v: string) => `/api/v1/ledger/journal?to=${v}`,
      (v: string) => `/api/v1/ledger/journal?after=${v}`,
      (v: string) => `/api/v1/ledger/journal?format=${v}`,
    ];
    const bad = fc.oneof(
      fc.constantFrom('2025-02-30', '-1', '0', '1e9', 'abc', '%00', "'; drop table loans; --", 'x'.repeat(5000), '99999999999999999999', 'null', '[]'),
      fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/^\d{1,3}$/.test(s) && !/^(csv|json|active|pending|paid-off|written-off|cancelled)$/.test(s)),
    );
    for (const read of reads) {
      await fc.assert(
        fc.asyncProperty(bad, async (value) => {
          const res = await h.request('GET', read(encodeURIComponent(value)));
          // A value that happens to be valid answers 200; never a 500, always JSON.
          expect(res.status, `${read(value)} ${res.text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.body?.error?.code).toEqual(expect.any(String));
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
    }
    expect(await databaseFingerprint(h)).toEqual(before);
  }, 600_000);
});
