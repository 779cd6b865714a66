// The loans list for the studio's loan pages: filters on the loan (status, product, external
// reference, opening dates) and on its last end of day (days past due, stage), keyset pages, CSV
// export, bad filters as 422 with their paths; and the journal of one loan (`loanId`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const CLOSE = '2025-03-01';

describe.each(DATABASE_KINDS)('the loans list and one loan’s journal on %s', (kind) => {
  let h: Harness;
  let late: string;
  let current: string;
  let pending: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    setToday(h, CLOSE);
    late = await disbursedLoan(h);
    current = await disbursedLoan(h);
    // The current loan pays every installment due by the close.
    const read = await h.request('GET', `/api/v1/loans/${current}`);
    const due = (read.body.schedule.installments as { dueDate: string; total: string }[]).filter((i) => i.dueDate <= CLOSE);
    for (const i of due) {
      const pay = await h.request('POST', `/api/v1/loans/${current}/payments`, { body: { amount: i.total, date: i.dueDate }, headers: { 'idempotency-key': `pay-${i.dueDate}` } });
      expect(pay.status, pay.text).toBe(201);
    }
    // A third loan, opened from a decision later and never disbursed, with a reference from the CRM.
    setToday(h, '2025-02-10');
    const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: (await import('./support/products.ts')).NOMINA_APPLICATION, asOf: '2025-02-10' } });
    const opened = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id, externalRef: '=CRM-7' } });
    expect(opened.status, opened.text).toBe(201);
    pending = opened.body.loan.id;
    await runEndOfDay(h.db, { through: CLOSE });
    setToday(h, '2025-03-02');
  }, 120_000);
  afterAll(async () => h?.destroy());

  const ids = async (query: string, key?: string) => {
    const res = await h.request('GET', `/api/v1/loans${query}`, key ? { key } : {});
    expect(res.status, res.text).toBe(200);
    return (res.body.loans as { id: string }[]).map((l) => l.id);
  };

  it('says what the last end of day found: days past due and stage, none before a close', async () => {
    const res = await h.request('GET', '/api/v1/loans', { key: h.keys.operator });
    expect(res.status, res.text).toBe(200);
    const byId = new Map((res.body.loans as any[]).map((l) => [l.id, l]));
    expect(byId.get(late).servicing).toMatchObject({ asOf: CLOSE, stage: 'temprana' });
    expect(byId.get(late).servicing.daysPastDue).toBeGreaterThan(0);
    expect(byId.get(current).servicing).toMatchObject({ asOf: CLOSE, daysPastDue: 0, stage: null, overdueTotal: '0.00' });
    expect(byId.get(pending).servicing).toBeNull();
  });

  it('filters by status, product, stage, days past due, external reference and opening dates', async () => {
    expect(await ids('?status=pending')).toEqual([pending]);
    expect(await ids('?status=active')).toEqual([late, current]);
    expect(await ids('?product=nomina&status=active&stage=temprana')).toEqual([late]);
    expect(await ids('?dpdMin=1')).toEqual([late]);
    expect(await ids('?dpdMax=0')).toEqual([current]);
    expect(await ids('?dpdMin=0&dpdMax=100000')).toEqual([late, current]);
    expect(await ids('?externalRef=%3DCRM-7')).toEqual([pending]);
    expect(await ids('?openedFrom=2025-02-01')).toEqual([pending]);
    expect(await ids('?openedTo=2025-01-31')).toEqual([late, current]);
    expect(await ids('?product=otro')).toEqual([]);
  });

  it('pages with limit and after', async () => {
    const first = await h.request('GET', '/api/v1/loans?limit=2');
    expect(first.body.loans.map((l: any) => l.id)).toEqual([late, current]);
    expect(first.body.nextAfter).toBe(current);
    const second = await h.request('GET', `/api/v1/loans?limit=2&after=${current}`);
    expect(second.body.loans.map((l: any) => l.id)).toEqual([pending]);
    expect(second.body.nextAfter).toBeNull();
  });

  it('exports CSV with format=csv or Accept: text/csv, formulas neutralized, the next page in a header', async () => {
    const csv = await h.request('GET', '/api/v1/loans?format=csv&limit=2');
    expect(csv.status, csv.text).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="loans-2025-03-02.csv"');
    expect(csv.headers.get('x-next-after')).toBe(current);
    const rows = csv.text.trimEnd().split('\r\n').map((r) => r.split(','));
    expect(rows[0]).toEqual(['loan_id', 'external_ref', 'product', 'version', 'status', 'currency', 'principal', 'outstanding_principal', 'opened_on', 'disbursed_on', 'closed_on', 'as_of', 'days_past_due', 'stage', 'total_outstanding', 'overdue_total', 'payment_reference', 'clabe']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 7)).toEqual([late, '', 'nomina', '1', 'active', 'MXN', '60000']);
    expect(rows[1]![13]).toBe('temprana');
    const accepted = await h.request('GET', '/api/v1/loans?status=pending', { headers: { accept: 'text/csv' } });
    const line = accepted.text.trimEnd().split('\r\n')[1]!.split(',');
    expect(line.slice(0, 2)).toEqual([pending, "'=CRM-7"]);
    expect(accepted.headers.get('x-next-after')).toBeNull();
    expect((await h.request('GET', '/api/v1/loans?format=csv&limit=5000')).status).toBe(200);
  });

  it('refuses bad filters with their paths, and callers without a key', async () => {
    const cases: [string, string][] = [
      ['?dpdMin=-1', 'dpdMin'],
      ['?dpdMin=5&dpdMax=2', 'dpdMin'],
      ['?openedFrom=2025-02-30', 'openedFrom'],
      ['?openedFrom=2025-03-01&openedTo=2025-02-01', 'openedFrom'],
      ['?status=late', 'status'],
      ['?limit=501', 'limit'],
      ['?format=xml', 'format'],
      ['?color=red', ''],
    ];
    for (const [query, path] of cases) {
      const res = await h.request('GET', `/api/v1/loans${query}`);
      expect(res.status, `${query}: ${res.text}`).toBe(422);
      if (path) expect(res.body.error.details.map((d: any) => d.path), query).toContain(path);
    }
    expect((await h.request('GET', '/api/v1/loans', { key: null })).status).toBe(401);
  });

  it('keeps one loan’s journal with loanId, from its first day by default', async () => {
    const res = await h.request('GET', `/api/v1/ledger/journal?loanId=${current}`);
    expect(res.status, res.text).toBe(200);
    const entries = res.body.entries as { loanId: string; date: string; loanEventSeq: number }[];
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.every((e) => e.loanId === current)).toBe(true);
    expect(entries[0]!.date).toBe('2025-01-06');
    const other = await h.request('GET', `/api/v1/ledger/journal?loanId=${late}&format=csv`);
    const lines = other.text.trimEnd().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.split(',')[4] === late)).toBe(true);
    expect((await h.request('GET', `/api/v1/ledger/journal?loanId=${pending}`)).body.entries).toEqual([]);
    expect((await h.request('GET', '/api/v1/ledger/journal?loanId=nope')).status).toBe(422);
    // The ledger is for roles with ledger:read, not for a product manager.
    expect((await h.request('GET', `/api/v1/ledger/journal?loanId=${late}`, { key: h.keys['product-manager'] })).status).toBe(403);
  });
});
