// The audit log: every write leaves one linked entry in its entity's stream, in its own
// transaction; each stream stays a single line under concurrent writes; verification finds
// edited, deleted, relinked and truncated entries, a deleted stream head and a decision whose
// whole stream was deleted, naming the first broken link.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH } from '../src/audit/audit-chain.ts';
import { auditLength } from '../src/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_APPLICATION, NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('audit chain on %s', (kind) => {
  let h: Harness;
  const DRAFT = 'product-draft:audited';
  beforeAll(async () => {
    h = await startHarness(kind);
    for (let i = 0; i < 5; i++) {
      await h.request('POST', '/api/v1/users', { body: { email: `u${i}@example.mx`, name: `U ${i}`, role: 'operator' } });
    }
    const created = await h.request('POST', '/api/v1/products', { body: { code: 'audited', name: 'Audited', source: 'product audited "Audited" {}' } });
    expect(created.status, created.text).toBe(201);
    for (let i = 1; i <= 5; i++) {
      const saved = await h.request('PUT', '/api/v1/products/audited/draft', { body: { source: `product audited "Audited" {} // ${i}` } });
      expect(saved.status, saved.text).toBe(200);
    }
  });
  afterAll(async () => {
    await h?.destroy();
  });

  /** Runs SQL as someone who disabled the append-only triggers (a superuser tampering). */
  async function tamper(statement: ReturnType<typeof sql>) {
    await h.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
      await sql`alter table audit_streams disable trigger audit_streams_no_delete`.execute(tx);
      await statement.execute(tx);
      await sql`alter table audit_streams enable trigger audit_streams_no_delete`.execute(tx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
    });
  }

  async function streamEntries(stream: string) {
    return h.db.selectFrom('audit_log').selectAll().where('stream', '=', stream).orderBy('stream_seq').execute();
  }

  it('links every entry to the previous one of its stream and verifies', async () => {
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: true, entries: await auditLength(h.db) });
    const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.length).toBe(await auditLength(h.db));
    const byStream = new Map<string, typeof rows>();
    for (const row of rows) byStream.set(row.stream, [...(byStream.get(row.stream) ?? []), row]);
    for (const [stream, entries] of byStream) {
      expect(stream).toBe(`${entries[0]!.entity_type}:${entries[0]!.entity_id}`);
      expect(entries.map((e) => Number(e.stream_seq))).toEqual(entries.map((_, i) => i + 1));
      expect(entries[0]!.prev_hash).toBe(GENESIS_HASH);
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev_hash).toBe(entries[i - 1]!.row_hash);
      const head = await h.db.selectFrom('audit_streams').selectAll().where('stream', '=', stream).executeTakeFirstOrThrow();
      expect({ seq: Number(head.last_seq), hash: head.last_hash }).toEqual({ seq: entries.length, hash: entries.at(-1)!.row_hash });
    }
    // 8 role keys from the harness (the accountant's since 6986d02) + 5 users + the product + its draft, each its own stream.
    expect(byStream.size).toBe(15);
    expect(result.ok && result.streams).toBe(15);
    expect((await streamEntries(DRAFT)).length).toBe(5);
    const user = rows.find((r) => r.entity_type === 'user')!;
    expect(user).toMatchObject({ action: 'create', before_hash: null, stream_seq: 1, created_by: expect.stringMatching(/^api-key:/) });
    expect(user.after_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(user.request_id).toMatch(/[0-9a-f-]{36}/);
  });

  it('keeps each stream one line under 30 concurrent writes to it, and to 30 different entities', async () => {
    const before = await auditLength(h.db);
    const draftBefore = (await streamEntries(DRAFT)).length;
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => h.request('PUT', '/api/v1/products/audited/draft', { body: { source: `product audited "Audited" {} // c${i}` } })),
      ...Array.from({ length: 30 }, (_, i) => h.request('POST', '/api/v1/users', { body: { email: `c${i}@example.mx`, name: `C ${i}`, role: 'operator' } })),
    ]);
    expect(results.map((r) => r.status)).toEqual([...Array(30).fill(200), ...Array(30).fill(201)]);
    expect(await auditLength(h.db)).toBe(before + 60);
    const draft = await streamEntries(DRAFT);
    expect(draft.map((e) => Number(e.stream_seq))).toEqual(Array.from({ length: draftBefore + 30 }, (_, i) => i + 1));
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true, entries: before + 60 });
  });

  it('writes no entry for a write that fails', async () => {
    const before = await auditLength(h.db);
    const dup = await h.request('POST', '/api/v1/users', { body: { email: 'u0@example.mx', name: 'again', role: 'operator' } });
    expect(dup.status).toBe(409);
    expect(await auditLength(h.db)).toBe(before);
  });

  it('finds an edited entry, and passes again once it is restored', async () => {
    const original = (await streamEntries(DRAFT))[2]!;
    await tamper(sql`update audit_log set action = 'revoke' where seq = ${original.seq}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: original.seq, stream: DRAFT, streamSeq: 3, problem: 'edited' });
    await tamper(sql`update audit_log set action = ${original.action} where seq = ${original.seq}`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds an entry rewritten with a recomputed hash at the next link of its stream', async () => {
    const [, , , original, next] = await streamEntries(DRAFT);
    const forged = { ...original!, details: { role: 'admin' } };
    await tamper(sql`update audit_log set details = ${JSON.stringify(forged.details)}, row_hash = ${auditRowHash(forged)} where seq = ${original!.seq}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, brokenAt: next!.seq, stream: DRAFT, streamSeq: 5, problem: 'relinked' });
    await tamper(sql`update audit_log set details = ${JSON.stringify(original!.details)}, row_hash = ${original!.row_hash} where seq = ${original!.seq}`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds a deleted entry in the middle of a stream', async () => {
    const original = (await streamEntries(DRAFT))[1]!;
    await tamper(sql`delete from audit_log where seq = ${original.seq}`);
    const result = await verifyAuditChain(h.db);
    expect(result).toMatchObject({ ok: false, stream: DRAFT, streamSeq: 2, problem: 'missing' });
    expect(!result.ok && result.message).toContain(`entry ${DRAFT} #2 is missing`);
    await tamper(sql`insert into audit_log select * from json_populate_record(null::audit_log, ${JSON.stringify(original)}::json)`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it("finds a stream's head deleted, and a stream whose only entry was deleted", async () => {
    const user = await h.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'user').orderBy('seq').executeTakeFirstOrThrow();
    const head = await h.db.selectFrom('audit_streams').selectAll().where('stream', '=', user.stream).executeTakeFirstOrThrow();
    await tamper(sql`delete from audit_streams where stream = ${user.stream}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, stream: user.stream, problem: 'head-missing' });
    await tamper(sql`insert into audit_streams select * from json_populate_record(null::audit_streams, ${JSON.stringify(head)}::json)`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    await tamper(sql`delete from audit_log where seq = ${user.seq}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, stream: user.stream, problem: 'truncated' });
    await tamper(sql`insert into audit_log select * from json_populate_record(null::audit_log, ${JSON.stringify(user)}::json)`);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('finds a decision whose whole stream (entries and head) was deleted', async () => {
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    const res = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application: NOMINA_APPLICATION, asOf: '2025-01-06' } });
    expect(res.status, res.text).toBe(201);
    const stream = `decision:${res.body.decision.id}`;
    expect(await streamEntries(stream)).toHaveLength(1);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    await tamper(sql`delete from audit_log where stream = ${stream}`);
    await tamper(sql`delete from audit_streams where stream = ${stream}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, stream, problem: 'missing' });
  });

  it('finds the newest entries of a stream deleted', async () => {
    const entries = await streamEntries(DRAFT);
    await tamper(sql`delete from audit_log where stream = ${DRAFT} and stream_seq >= ${entries.length - 1}`);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, stream: DRAFT, streamSeq: entries.length - 1, problem: 'truncated' });
  });

  it('lists entries to admins only, a page at a time', async () => {
    const page = await h.request('GET', '/api/v1/audit?limit=2');
    expect(page.status).toBe(200);
    expect(page.body.entries).toHaveLength(2);
    const [first, second] = page.body.entries;
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(page.body.nextAfter).toBe(second.seq);
    const next = await h.request('GET', `/api/v1/audit?limit=2&after=${page.body.nextAfter}`);
    expect(next.body.entries[0].seq).toBeGreaterThan(second.seq);
    const draft = await h.request('GET', '/api/v1/audit?entityType=product-draft&entityId=audited&limit=2');
    expect(draft.body.entries[1].prevHash).toBe(draft.body.entries[0].rowHash);
    for (const role of ['product-manager', 'risk-analyst', 'approver', 'operator', 'api-client'] as const) {
      expect((await h.request('GET', '/api/v1/audit', { key: h.keys[role] })).status).toBe(403);
    }
    expect((await h.request('GET', '/api/v1/audit?limit=0')).status).toBe(422);
    expect((await h.request('GET', '/api/v1/audit?bogus=1')).status).toBe(422);
  });
});
