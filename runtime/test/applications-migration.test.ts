// Migration 2026-12-09-40-applications: referred decisions taken before the review queue existed
// become pending applications (with a `created` event); approved and declined decisions do not;
// the default authority limits are approver 100,000 MXN and admin unlimited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applications from '../src/db/migrations/2026-12-09-40-applications.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('applications migration on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
  });
  afterAll(async () => h?.destroy());

  it('backfills the referred decisions as pending applications, and only those', async () => {
    // Decisions stored before the queue: the statement of decision-service.ts writes to the
    // applications table, so take them with the table in place and empty it before the backfill.
    const decide = async (months: number) => (await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: { ...NOMINA_APPLICATION, employment: { ...NOMINA_APPLICATION.employment, months } } } })).body.decision;
    const referred = await decide(4);
    const approved = await decide(48);
    expect([referred.outcome, approved.outcome]).toEqual(['refer', 'approve']);
    await applications.down(h.db);
    await applications.up(h.db);
    const rows = await sql<{ decision_id: string; status: string; requested_amount: string; requested_payments: number; product_code: string; kinds: string }>`
      select a.decision_id, a.status, a.requested_amount::text, a.requested_payments, a.product_code, string_agg(e.kind, ',') as kinds
      from applications a join application_events e on e.application_id = a.id group by a.id`.execute(h.db);
    expect(rows.rows).toEqual([{ decision_id: referred.id, status: 'pending', requested_amount: '60000', requested_payments: 24, product_code: 'nomina', kinds: 'created' }]);
    const limits = await sql<{ role: string; max_amount: string | null }>`select role, max_amount::text from authority_limits order by role`.execute(h.db);
    expect(limits.rows).toEqual([{ role: 'admin', max_amount: null }, { role: 'approver', max_amount: '100000' }]);
    const listed = await h.request('GET', '/api/v1/applications', { key: h.keys.approver });
    expect(listed.body.applications.map((a: any) => a.decisionId)).toEqual([referred.id]);
  });
});
