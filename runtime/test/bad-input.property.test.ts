// Property: malformed requests to every servicing route — wrong types, huge numbers, negative
// amounts, unknown fields, invalid dates, deep nesting, 1 MB strings, non-object bodies — get a
// 4xx JSON error and leave the database as it was (row counts and the audit head). And a NUL (or an
// unpaired surrogate) in any string input of any route (path, query, JSON body, from the OpenAPI
// document) is 422 naming the field, never a 500.
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
    {
      method: 'POST',
      path: '/api/v1/ledger/manual-entries',
      valid: { date: '2025-01-31', description: 'Gasto', lines: [{ account: '5300', debit: '10.00' }, { account: '1000', credit: '10.00' }] },
      fields: ['date', 'lines', 'currency'],
      text: ['description'],
    },
    { method: 'POST', path: '/api/v1/ledger/manual-entries/00000000-0000-4000-8000-000000000000/reject', valid: { reason: 'no' }, fields: [], text: ['reason'] },
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
      (v: string) => `/api/v1/ledger/journal?account=${v}`,
      (v: string) => `/api/v1/ledger/journal?source=${v}`,
      (v: string) => `/api/v1/ledger/manual-entries?status=${v}`,
      (v: string) => `/api/v1/accounting/balance-sheet?date=${v}`,
      (v: string) => `/api/v1/accounting/income-statement?from=${v}`,
      (v: string) => `/api/v1/reports/books?date=${v}`,
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

  it('refuses a NUL or an unpaired surrogate in every string input of every route with 422 naming the field', async () => {
    const before = await databaseFingerprint(h);
    const doc = h.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Plazo API', version: '1' } }) as unknown as OpenApiDocument;
    const pathValues: Record<string, string> = { id: loanId, paymentId, code: 'nomina', version: '1', queue: 'q', report: 'summary', date: '2025-01-02' };
    const cases: { method: string; url: string; body?: unknown; field: string }[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const params = op.parameters ?? [];
        const url = (nul: { name: string; in: string; value: string } | null) => {
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(nul?.in === 'path' && nul.name === name ? nul.value : pathValues[name]!));
          // Required query parameters get a value of their type, so the poisoned input is the only problem.
          const query = params
            .filter((p) => p.in === 'query' && (p.required || (nul?.in === 'query' && p.name === nul.name)))
            .map((p) => `${p.name}=${encodeURIComponent(nul?.in === 'query' && p.name === nul.name ? nul.value : acceptsString(p.schema, doc) ? 'x' : '1')}`);
          return query.length > 0 ? `${path}?${query.join('&')}` : path;
        };
        // Headers cannot carry a NUL over HTTP (the fetch API refuses it): path and query only, and
        // a URL has no encoding for an unpaired surrogate: NUL only there.
        for (const param of params.filter((p) => (p.in === 'path' || p.in === 'query') && acceptsString(p.schema, doc))) {
          cases.push({ method, url: url({ name: param.name, in: param.in, value: 'a\u0000b' }), field: param.name, ...(op.requestBody ? { body: {} } : {}) });
        }
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        if (bodySchema) {
          for (const leaf of stringLeaves(bodySchema, doc)) {
            for (const value of POISONED) cases.push({ method, url: url(null), body: bodyWith(leaf, value), field: formatLeaf(leaf) });
          }
        }
      }
    }
    expect(cases.length).toBeGreaterThan(100);
    // The reported ones are among them (the audit filter, a queue name), and a login whose body is valid but for the NUL.
    expect(cases).toContainEqual({ method: 'get', url: '/api/v1/audit?entityType=a%00b', field: 'entityType' });
    expect(cases).toContainEqual({ method: 'get', url: '/api/v1/collections/queues/a%00b/loans', field: 'queue' });
    cases.unshift({ method: 'post', url: '/api/v1/auth/login', body: { email: 'a\u0000b@example.com', password: 'correct horse battery' }, field: 'email' });
    cases.unshift({ method: 'post', url: '/api/v1/decisions', body: { product: 'nomina', application: { ...NOMINA_APPLICATION, applicant: { birth_date: '1985-05-10', name: 'Ana\u0000' } } }, field: 'application.applicant.name' });
    for (const c of cases) {
      const res = await h.request(c.method.toUpperCase(), c.url, c.body === undefined ? {} : { body: c.body });
      const where = `${c.method.toUpperCase()} ${c.url} ${JSON.stringify(c.body)}: ${res.text.slice(0, 300)}`;
      expect(res.status, where).toBe(422);
      expect(res.body.error.details.map((d: { path: string }) => d.path), where).toContain(c.field);
    }
    expect(await databaseFingerprint(h)).toEqual(before);
  }, 600_000);
});

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** In JSON bodies: a NUL between letters, and a lone high surrogate — text PostgreSQL cannot store. */
const POISONED = ['a\u0000b', 'a\ud800b'];

function resolve(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  return schema.$ref ? resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!, doc) : schema;
}

function acceptsString(schema: JsonSchema, doc: OpenApiDocument): boolean {
  const s = resolve(schema, doc);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return types.includes('string') || [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some((x) => acceptsString(x, doc));
}

/** Paths (keys and array indexes) to every place a body schema takes a string, or any value. */
function stringLeaves(schema: JsonSchema, doc: OpenApiDocument, depth = 0): (string | number)[][] {
  const s = resolve(schema, doc);
  if (depth > 6) return [];
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  const leaves: (string | number)[][] = [];
  if (acceptsString(s, doc) || (Object.keys(s).length === 0)) leaves.push([]);
  for (const [key, child] of Object.entries(s.properties ?? {})) leaves.push(...stringLeaves(child, doc, depth + 1).map((l) => [key, ...l]));
  if (s.items) leaves.push(...stringLeaves(s.items, doc, depth + 1).map((l) => [0, ...l]));
  if (s.additionalProperties) leaves.push(...stringLeaves(s.additionalProperties === true ? {} : s.additionalProperties, doc, depth + 1).map((l) => ['k', ...l]));
  for (const b of branches) leaves.push(...stringLeaves(b, doc, depth + 1));
  const seen = new Set<string>();
  return leaves.filter((l) => (seen.has(JSON.stringify(l)) ? false : (seen.add(JSON.stringify(l)), true)));
}

function bodyWith(leaf: readonly (string | number)[], value: string): unknown {
  if (leaf.length === 0) return value;
  const [head, ...rest] = leaf;
  return typeof head === 'number' ? [bodyWith(rest, value)] : { [head!]: bodyWith(rest, value) };
}

function formatLeaf(leaf: readonly (string | number)[]): string {
  return leaf.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
}
