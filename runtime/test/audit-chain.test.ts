// The audit chain: every write leaves one linked entry in its own transaction, the chain stays a
// single line under concurrent writes, and verification finds edited, deleted, relinked and
// truncated entries, naming the first broken link.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash } from '../src/audit/audit-chain.ts';
import { auditLength } from '../src/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('audit chain on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
    for (let i = 0; i < 5; i++) {
      await h.request('POST', '/api/v1/users', { body: { email: `u${i}@example.mx`, name: `U ${i}`, role: 'operator' } });
    }
  });
  afterAll(async () => {
    await h?.destroy();
  });

  /** Runs SQL as someone who disabled the append-only trigger (a superuser tampering). */
  async function tamper(statement: ReturnType<typeof sql>) {
    await h.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await statement.execute(tx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
  }

  async function entry(seq: number) {
    return h.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  }

  it('links every entry to the previous one and verifies', async () => {
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: true, entries: await auditLength(h.db) });
    // 6 role keys from the harness + 5 users.
    expect(await auditLength(h.db)).toBe(11);
    const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.row_hash);
    const user = rows.at(-1)!;
    expect(user).toMatchObject({ action: 'create', entity_type: 'user', before_hash: null, created_by: expect.stringMatching(/^api-key:/) });
    expect(user.after_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(user.request_id).toMatch(/[0-9a-f-]{36}/);
  });

  it('keeps one line under 30 concurrent writes', async () => {
    const before = await auditLength(h.db);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => h.request('POST', '/api/v1/users', { body: { email: `c${i}@example.mx`, name: `C ${i}`, role: 'operator' } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(await auditLength(h.db)).toBe(before + 30);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, entries: before + 30 });
  });

  it('writes no entry for a write that fails', async () => {
    const before = await auditLength(h.db);
    const dup = await h.request('POST', '/api/v1/users', { body: { email: 'u0@example.mx', name: 'again', role: 'operator' } });
    expect(dup.status).toBe(409);
    expect(await auditLength(h.db)).toBe(before);
  });

  it('finds an edited entry, and passes again once it is restored', async () => {
    const original = await entry(3);
    expect(original.action).toBe('create');
    await tamper(sql`update audit_log set action = 'revoke' where seq = 3`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: 3, problem: 'edited' });
    await tamper(sql`update audit_log set action = ${original.action} where seq = 3`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds an entry rewritten with a recomputed hash at the next link', async () => {
    const original = await entry(4);
    const forged = { ...original, details: { role: 'admin' } };
    await tamper(sql`update audit_log set details = ${JSON.stringify(forged.details)}, row_hash = ${auditRowHash(forged)} where seq = 4`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: 5, problem: 'relinked' });
    await tamper(sql`update audit_log set details = ${JSON.stringify(original.details)}, row_hash = ${original.row_hash} where seq = 4`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds a deleted entry', async () => {
    const original = await entry(6);
    await tamper(sql`delete from audit_log where seq = 6`);
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: false, brokenAt: 6, problem: 'missing' });
    expect(!result.ok && result.message).toContain('entry 6 is missing');
    await h.db.insertInto('audit_log').values({ ...original, details: JSON.stringify(original.details) }).execute();
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds the newest entries deleted', async () => {
    const length = await auditLength(h.db);
    await tamper(sql`delete from audit_log where seq >= ${length - 1}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: length - 1, problem: 'truncated' });
  });

  it('lists entries to admins only, a page at a time', async () => {
    const page = await h.request('GET', '/api/v1/audit?limit=2');
    expect(page.status).toBe(200);
    expect(page.body.entries.map((e: any) => e.seq)).toEqual([1, 2]);
    expect(page.body.nextAfter).toBe(2);
    expect(page.body.entries[1].prevHash).toBe(page.body.entries[0].rowHash);
    const next = await h.request('GET', `/api/v1/audit?limit=2&after=${page.body.nextAfter}`);
    expect(next.body.entries.map((e: any) => e.seq)).toEqual([3, 4]);
    for (const role of ['product-manager', 'risk-analyst', 'approver', 'operator', 'api-client'] as const) {
      expect((await h.request('GET', '/api/v1/audit', { key: h.keys[role] })).status).toBe(403);
    }
    expect((await h.request('GET', '/api/v1/audit?limit=0')).status).toBe(422);
    expect((await h.request('GET', '/api/v1/audit?bogus=1')).status).toBe(422);
  });
});
