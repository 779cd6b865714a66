// The records that matter are bound to the audit chains: each loan event, journal entry and line,
// user, API key and product version is hashed into the audit entry written with it, so verify
// finds a row edited (even a balanced edit of a journal entry), inserted without an entry, or
// deleted, naming the table, the row and what differs. An anchor (a signed digest of every
// stream head, kept elsewhere) adds what the chains alone cannot see: the newest entries deleted
// with the head rewound, and a whole stream deleted; a forged anchor is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, readAnchorState, signAnchor, type AuditAnchor, type SigningKey } from '../src/audit/audit-anchor.ts';
import { verifyAuditChain, type AuditFinding } from '../src/audit/audit-verify.ts';
import { BOUND_TABLES } from '../src/audit/row-binding.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, setToday } from './support/servicing.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

describe.each(DATABASE_KINDS)('audit row binding and anchors on %s', (kind) => {
  let h: Harness;
  let dir: string;
  let key: SigningKey;
  let loanId: string;
  let paymentSeq: number;
  let paymentEntry: string;
  let userId: string;
  let versionId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plazo-anchor-'));
    key = (await loadSigningKey(join(dir, 'anchor-key.pem'), { create: true }))!;
    h = await startHarness(kind);
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    versionId = (await h.db.selectFrom('product_versions').select('id').executeTakeFirstOrThrow()).id;
    setToday(h, '2025-02-10');
    loanId = await disbursedLoan(h);
    const pay = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '3161.71', date: '2025-01-31' }, headers: { 'idempotency-key': 'pay-1' } });
    expect(pay.status, pay.text).toBe(201);
    paymentSeq = pay.body.event.seq;
    paymentEntry = pay.body.journalEntryId;
    // Second loan, never paid: the end of day posts penalty accruals on it.
    await disbursedLoan(h);
    await runEndOfDay(h.db, { through: '2025-02-09', now: () => h.clock.now() });
    const user = await h.request('POST', '/api/v1/users', { body: { email: 'ana@example.mx', name: 'Ana', role: 'operator' } });
    expect(user.status, user.text).toBe(201);
    userId = user.body.user.id;
    // A client, and a list naming them: a screening hit.
    const client = await h.request('POST', '/api/v1/clients', { body: { kind: 'person', givenNames: 'Gloria', paternalSurname: 'Hernández', maternalSurname: 'García', curp: 'HEGG560427MVZRRL04' } });
    expect(client.status, client.text).toBe(201);
    const list = await h.request('POST', '/api/v1/watchlists', { body: { name: 'Propia', kind: 'own', csv: 'NOMBRE\nGloria Hernández García\n' } });
    expect(list.body.rescreened, list.text).toMatchObject({ hits: 1 });
  });
  afterAll(async () => {
    await h?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs SQL as someone who can switch the append-only and balance triggers off (a superuser tampering). */
  async function tamper(...statements: RawBuilder<unknown>[]) {
    await h.db.transaction().execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      for (const statement of statements) await statement.execute(tx);
    });
  }
  const anchorNow = async () => signAnchor(await readAnchorState(h.db), key, h.clock.now().toISOString());
  const verify = (anchor?: AuditAnchor) => verifyAuditChain(h.db, anchor ? { anchor: { document: anchor, trustedKey: key.publicKey } } : {});
  const problems = (findings: readonly AuditFinding[]) => findings.map((f) => [f.problem, f.table ?? f.stream, f.key ?? f.streamSeq]);

  it('binds every row to the audit entry written with it, and verifies', async () => {
    const result = await verify();
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    for (const table of BOUND_TABLES) {
      const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.table)}`.execute(h.db)).rows[0]!;
      expect(n, table.table).toBeGreaterThan(0);
      expect(result.rows.find((r) => r.table === table.table), table.table).toEqual({ table: table.table, rows: n, bound: n, backfilled: 0, unbound: 0 });
    }
    // The payment's audit entry binds its event, its journal entry and each of its lines.
    const entry = await h.db
      .selectFrom('audit_log')
      .select('bound')
      .where('stream', '=', `loan:${loanId}`)
      .where(sql<boolean>`(details->>'seq')::int = ${paymentSeq}`)
      .executeTakeFirstOrThrow();
    const lines = await h.db.selectFrom('journal_lines').select('line_no').where('entry_id', '=', paymentEntry).execute();
    expect(Object.keys(entry.bound!.loan_events!)).toEqual([`${loanId}/${paymentSeq}`]);
    expect(Object.keys(entry.bound!.journal_entries!)).toEqual([paymentEntry]);
    expect(Object.keys(entry.bound!.journal_lines!).sort()).toEqual(lines.map((l) => `${paymentEntry}/${l.line_no}`).sort());
    // The API lists them with the entry.
    const listed = await h.request('GET', `/api/v1/audit?entityType=loan&entityId=${loanId}&limit=10`);
    expect(listed.body.entries.find((e: { details: { seq?: number } }) => e.details.seq === paymentSeq).bound).toEqual(entry.bound);
    // The end of day binds its day-close events and penalty entries in its chunk entries.
    const eod = await h.db.selectFrom('audit_log').select('bound').where('entity_type', '=', 'eod-run').execute();
    expect(eod.some((e) => Object.keys(e.bound?.loan_events ?? {}).length > 0)).toBe(true);
    expect(eod.some((e) => Object.keys(e.bound?.journal_entries ?? {}).length > 0)).toBe(true);
  });

  it('finds an edited journal line amount', async () => {
    await tamper(sql`update journal_lines set debit = debit + 100 where entry_id = ${paymentEntry} and line_no = 1`);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(problems(result.findings)).toEqual([['row-edited', 'journal_lines', `${paymentEntry}/1`]]);
    expect(result.message).toContain(`journal_lines ${paymentEntry}/1 was edited`);
    expect(result.message).toContain(`audit entry loan:${loanId} #`);
    await tamper(sql`update journal_lines set debit = debit - 100 where entry_id = ${paymentEntry} and line_no = 1`);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a balanced edit of a journal entry (both lines)', async () => {
    const lines = await h.db.selectFrom('journal_lines').selectAll().where('entry_id', '=', paymentEntry).orderBy('line_no').execute();
    const debit = lines.find((l) => Number(l.debit) > 0)!;
    const credit = lines.find((l) => Number(l.credit) > 0)!;
    await tamper(
      sql`update journal_lines set debit = debit - 1000 where entry_id = ${paymentEntry} and line_no = ${debit.line_no}`,
      sql`update journal_lines set credit = credit - 1000 where entry_id = ${paymentEntry} and line_no = ${credit.line_no}`,
    );
    const sums = await sql<{ d: string; c: string }>`select sum(debit) as d, sum(credit) as c from journal_lines where entry_id = ${paymentEntry}`.execute(h.db);
    expect(Number(sums.rows[0]!.d)).toBe(Number(sums.rows[0]!.c));
    const result = await verify();
    expect(problems(result.findings).sort()).toEqual(
      [
        ['row-edited', 'journal_lines', `${paymentEntry}/${debit.line_no}`],
        ['row-edited', 'journal_lines', `${paymentEntry}/${credit.line_no}`],
      ].sort(),
    );
    expect(result.findings[0]!.row).toMatchObject({ entry_id: paymentEntry });
    await tamper(
      sql`update journal_lines set debit = debit + 1000 where entry_id = ${paymentEntry} and line_no = ${debit.line_no}`,
      sql`update journal_lines set credit = credit + 1000 where entry_id = ${paymentEntry} and line_no = ${credit.line_no}`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('finds an edited payment amount in loan_events, naming what differs', async () => {
    await tamper(sql`update loan_events set payload = jsonb_set(payload, '{amount}', '"900.00"') where loan_id = ${loanId} and seq = ${paymentSeq}`);
    const result = await verify();
    expect(problems(result.findings)).toEqual([['row-edited', 'loan_events', `${loanId}/${paymentSeq}`]]);
    expect(result.findings[0]!.differences).toContain('amount is "900.00"; its audit entry recorded "3161.71"');
    expect(result.message).toContain('amount is "900.00"');
    await tamper(sql`update loan_events set payload = jsonb_set(payload, '{amount}', '"3161.71"') where loan_id = ${loanId} and seq = ${paymentSeq}`);
    expect((await verify()).ok).toBe(true);
  });

  it('finds users.role raised to admin', async () => {
    await tamper(sql`update users set role = 'admin' where id = ${userId}`);
    const result = await verify();
    expect(problems(result.findings)).toEqual([['row-edited', 'users', userId]]);
    expect(result.findings[0]!.differences).toEqual(['role is "admin"; its audit entry recorded "operator"']);
    await tamper(sql`update users set role = 'operator' where id = ${userId}`);
    expect((await verify()).ok).toBe(true);
  });

  it("finds a product version's source and IR changed (26% → 6%)", async () => {
    const original = await sql<{ source: string; ir: string }>`select source, ir::text as ir from product_versions where id = ${versionId}`.execute(h.db);
    const { source, ir } = original.rows[0]!;
    expect(source).toContain('A, 6..24: 26%');
    expect(ir).toContain('"0.26"');
    await tamper(sql`update product_versions set source = replace(source, 'A, 6..24: 26%', 'A, 6..24: 6%'), ir = replace(ir::text, '"0.26"', '"0.06"')::jsonb where id = ${versionId}`);
    const result = await verify();
    expect(problems(result.findings)).toEqual([['row-edited', 'product_versions', versionId]]);
    expect(result.findings[0]!.differences).toContain('source no longer matches its content_hash');
    await tamper(sql`update product_versions set source = ${source}, ir = ${ir}::jsonb where id = ${versionId}`);
    expect((await verify()).ok).toBe(true);
  });

  it('finds rows inserted without an audit entry, and a bound row deleted', async () => {
    const forgedSeq = paymentSeq + 100;
    const forgedUser = '0190a0a0-0000-7000-8000-00000000beef';
    await tamper(
      sql`insert into loan_events (loan_id, seq, type, effective_on, payload, created_at, created_by)
          select loan_id, ${forgedSeq}, type, effective_on, payload, created_at, created_by from loan_events where loan_id = ${loanId} and seq = ${paymentSeq}`,
      sql`insert into users (id, email, name, role, password_hash, created_at, created_by) values (${forgedUser}, 'mallory@example.mx', 'Mallory', 'admin', 'scrypt$secret', now(), 'system')`,
    );
    const result = await verify();
    expect(problems(result.findings)).toEqual([
      ['row-unbound', 'users', forgedUser],
      ['row-unbound', 'loan_events', `${loanId}/${forgedSeq}`],
    ]);
    // The row is shown, its password hash not.
    expect(result.findings[0]!.row).toMatchObject({ id: forgedUser, role: 'admin', password_hash: '[redacted]' });
    expect(result.findings[0]!.message).toBe(
      `users ${forgedUser} has no audit entry: it was written outside the runtime (or before rows were bound: \`plazo audit bind\` covers those once)`,
    );
    await tamper(sql`delete from loan_events where loan_id = ${loanId} and seq = ${forgedSeq}`, sql`delete from users where id = ${forgedUser}`);
    expect((await verify()).ok).toBe(true);

    const line = await h.db.selectFrom('journal_lines').selectAll().where('entry_id', '=', paymentEntry).where('line_no', '=', 2).executeTakeFirstOrThrow();
    await tamper(sql`delete from journal_lines where entry_id = ${paymentEntry} and line_no = 2`);
    expect(problems((await verify()).findings)).toEqual([['row-deleted', 'journal_lines', `${paymentEntry}/2`]]);
    await tamper(sql`insert into journal_lines select * from json_populate_record(null::journal_lines, ${JSON.stringify(line)}::json)`);
    expect((await verify()).ok).toBe(true);
  });

  it('refuses a forged anchor', async () => {
    const anchor = await anchorNow();
    const expectRefused = async (forged: AuditAnchor, why: string) => {
      const result = await verify(forged);
      expect(result).toMatchObject({ ok: false, problem: 'anchor-forged', anchor: { signatureValid: false } });
      expect(result.message).toContain(why);
    };
    // Edited after signing: a head moved back, the signature kept.
    const heads = anchor.heads.map(([s, n, hash]) => [s, Math.max(1, n - 1), hash] as const);
    await expectRefused({ ...anchor, heads }, 'does not carry a valid signature');
    // Signed by another key.
    const other = (await loadSigningKey(join(dir, 'other-key.pem'), { create: true }))!;
    const byOther = signAnchor(await readAnchorState(h.db), other, anchor.createdAt);
    await expectRefused(byOther, `says it was signed by key ${byOther.keyFingerprint}, not by the trusted key ${anchor.keyFingerprint}`);
    // Signed by another key while claiming the trusted one.
    await expectRefused({ ...byOther, publicKey: anchor.publicKey, keyFingerprint: anchor.keyFingerprint }, 'does not carry a valid signature');
  });

  it('with an anchor, finds the newest entries of a stream deleted with its head rewound', async () => {
    const pay = await h.request('POST', `/api/v1/loans/${loanId}/payments`, { body: { amount: '500.00', date: '2025-02-10' } });
    expect(pay.status, pay.text).toBe(201);
    const anchor = await anchorNow();
    expect((await verify(anchor)).ok).toBe(true);
    // Later writes leave the anchor behind: still intact.
    const later = await h.request('POST', '/api/v1/users', { body: { email: 'luis@example.mx', name: 'Luis', role: 'approver' } });
    expect(later.status).toBe(201);
    expect((await verify(anchor)).ok).toBe(true);

    // The attacker deletes the last payment: its event, entry, lines and audit entry, and rewinds the head.
    const stream = `loan:${loanId}`;
    const head = await h.db.selectFrom('audit_streams').selectAll().where('stream', '=', stream).executeTakeFirstOrThrow();
    const last = Number(head.last_seq);
    const previous = await h.db.selectFrom('audit_log').select('row_hash').where('stream', '=', stream).where('stream_seq', '=', last - 1).executeTakeFirstOrThrow();
    const entry = pay.body.journalEntryId as string;
    await tamper(
      sql`delete from journal_lines where entry_id = ${entry}`,
      sql`delete from journal_entries where id = ${entry}`,
      sql`delete from loan_events where loan_id = ${loanId} and seq = ${pay.body.event.seq}`,
      sql`delete from audit_log where stream = ${stream} and stream_seq = ${last}`,
      sql`update audit_streams set last_seq = ${last - 1}, last_hash = ${previous.row_hash} where stream = ${stream}`,
      sql`update loans set last_event_seq = last_event_seq - 1 where id = ${loanId}`,
    );
    // The chains alone cannot see it...
    expect((await verify()).ok).toBe(true);
    // ...the anchor does.
    const result = await verify(anchor);
    expect(problems(result.findings)).toEqual([['truncated', stream, last]]);
    expect(result.message).toBe(`stream ${stream} ends at entry ${last - 1} but the anchor of ${anchor.createdAt} recorded ${last}: entries ${last}–${last} were deleted and the head rewound`);

    // Rewinding and appending a different entry at the anchored position: rewritten.
    const forged = { ...(await h.db.selectFrom('audit_log').selectAll().where('stream', '=', stream).where('stream_seq', '=', last - 1).executeTakeFirstOrThrow()) };
    await tamper(
      sql`insert into audit_log (stream, stream_seq, action, entity_type, entity_id, details, prev_hash, row_hash, created_at, created_by)
          values (${stream}, ${last}, 'note', 'loan', ${loanId}, '{}', ${forged.row_hash}, ${'f'.repeat(64)}, now(), 'system')`,
      sql`update audit_streams set last_seq = ${last}, last_hash = ${'f'.repeat(64)} where stream = ${stream}`,
    );
    expect(problems((await verify(anchor)).findings)).toContainEqual(['rewritten', stream, last]);
  });

  it('with an anchor, finds a whole stream deleted', async () => {
    const anchor = await anchorNow();
    const stream = `user:${userId}`;
    await tamper(sql`delete from audit_log where stream = ${stream}`, sql`delete from audit_streams where stream = ${stream}`, sql`delete from users where id = ${userId}`);
    const plain = await verify();
    expect(plain.findings.some((f) => f.stream === stream || f.key === userId)).toBe(false);
    const result = await verify(anchor);
    expect(problems(result.findings)).toContainEqual(['stream-deleted', stream, expect.any(Number)]);
    expect(result.findings.find((f) => f.problem === 'stream-deleted')!.message).toContain(`stream ${stream} is gone`);
  });
});
