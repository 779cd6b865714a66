// Migration 2026-11-27-03 converts the global audit chain into per-entity streams: an intact
// chain is re-linked stream by stream and verifies; a chain already broken is not re-hashed
// (the conversion would launder the tampering): the migration fails and names the entry.
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, auditLength } from '../src/audit/audit.repository.ts';
import { verifyAuditChain } from '../src/audit/audit-verify.ts';
import { hashOf } from '../src/audit/canonical-json.ts';
import type { Database } from '../src/db/database.ts';
import * as foundation from '../src/db/migrations/2026-11-27-01-foundation.ts';
import * as servicing from '../src/db/migrations/2026-11-27-02-servicing.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const ENTITIES = [
  ['product', 'nomina'],
  ['product-draft', 'nomina'],
  ['product', 'nomina'],
  ['product-draft', 'nomina'],
  ['product-draft', 'nomina'],
  ['user', '0190a0a0-0000-7000-8000-000000000001'],
] as const;

/** Writes the entries the way the runtime did before migration 03: one global chain and its head. */
async function writeGlobalChain(db: Kysely<any>): Promise<void> {
  let prev = '0'.repeat(64);
  for (const [i, [type, id]] of ENTITIES.entries()) {
    const content = {
      seq: i + 1,
      action: 'update',
      entity_type: type,
      entity_id: id,
      before_hash: null,
      after_hash: hashOf({ i }),
      details: { i },
      request_id: null,
      prev_hash: prev,
      created_at: `2026-11-2${i}T10:00:00.000Z`,
      created_by: 'system',
    };
    const row_hash = hashOf(content);
    await db.insertInto('audit_log').values({ ...content, details: JSON.stringify(content.details), row_hash }).execute();
    await db.updateTable('audit_head').set({ last_seq: i + 1, last_hash: row_hash }).where('id', '=', 1).execute();
    prev = row_hash;
  }
}

async function migrateToServicing(db: Kysely<Database>): Promise<void> {
  const migrations: Record<string, Migration> = { '2026-11-27-01-foundation': foundation, '2026-11-27-02-servicing': servicing };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
}

describe.each(DATABASE_KINDS)('audit streams migration on %s', (kind) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  it('re-links an intact global chain into per-entity streams that verify, keeping seq', async () => {
    t = await openTestDatabase(kind, false);
    await migrateToServicing(t.db);
    await writeGlobalChain(t.db);
    await migrateToLatest(t.db);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 6, streams: 3 });
    const rows = await t.db.selectFrom('audit_log').select(['seq', 'stream', 'stream_seq']).orderBy('seq').execute();
    expect(rows.map((r) => [Number(r.seq), r.stream, Number(r.stream_seq)])).toEqual([
      [1, 'product:nomina', 1],
      [2, 'product-draft:nomina', 1],
      [3, 'product:nomina', 2],
      [4, 'product-draft:nomina', 2],
      [5, 'product-draft:nomina', 3],
      [6, `user:${ENTITIES[5][1]}`, 1],
    ]);
    // New entries continue the streams, with seq after the old ones.
    const appended = await appendAudit(t.db, { actor: 'system', action: 'update', entityType: 'product-draft', entityId: 'nomina', before: {}, after: {}, at: '2026-11-27T10:00:00.000Z' });
    expect(appended).toMatchObject({ seq: 7, stream: 'product-draft:nomina', stream_seq: 4 });
    expect(await auditLength(t.db)).toBe(7);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, entries: 7 });
  });

  it('refuses to convert a chain that is already broken', async () => {
    t = await openTestDatabase(kind, false);
    await migrateToServicing(t.db);
    await writeGlobalChain(t.db);
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.db);
    await sql`update audit_log set action = 'forged' where seq = 4`.execute(t.db);
    await expect(migrateToLatest(t.db)).rejects.toThrow(/already broken at entry 4/);
    // Nothing of the migration stayed: the old chain is there as it was, for the investigation.
    expect((await sql<{ n: number }>`select count(*)::int as n from audit_head`.execute(t.db)).rows[0]!.n).toBe(1);
  });
});
