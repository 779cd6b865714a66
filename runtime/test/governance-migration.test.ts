// Migration 2026-12-07-gov-makers-acknowledgements on data written before it: each API key gets
// the person it acts for from who issued it (a user, the person of the issuing key, none for the
// system's), each draft its makers — the persons in its audit trail after its last publication,
// and its last author — and published versions stay as they were (makers not recorded).
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit.repository.ts';
import { knownMigrations, migrateToLatest } from '../src/db/migrator.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const GOVERNANCE = '2026-12-07-gov-makers-acknowledgements';
const AT = '2025-01-06T16:00:00.000Z';

async function migrationsBefore(name: string): Promise<Record<string, Migration>> {
  const out: Record<string, Migration> = {};
  for (const n of knownMigrations().filter((m) => m < name)) out[n] = (await import(`../src/db/migrations/${n}.ts`)) as Migration;
  return out;
}

describe.each(DATABASE_KINDS)('governance migration on %s', (kind) => {
  let t: TestDatabase;
  const user = `user:${randomUUID()}`;
  const keys = { system: randomUUID(), user: randomUUID(), bySystemKey: randomUUID(), byUserKey: randomUUID() };
  const products = { published: randomUUID(), fresh: randomUUID(), untouched: randomUUID() };

  beforeAll(async () => {
    t = await openTestDatabase(kind, false);
    const before = await migrationsBefore(GOVERNANCE);
    const { error } = await new Migrator({ db: t.db, provider: { getMigrations: async () => before } }).migrateToLatest();
    if (error) throw error;
    const key = (id: string, createdBy: string) =>
      sql`insert into api_keys (id, name, prefix, key_hash, role, created_at, created_by) values (${id}, ${id.slice(0, 8)}, 'plz_x', ${id}, 'admin', ${AT}, ${createdBy})`.execute(t.db);
    await key(keys.system, 'system');
    await key(keys.user, user);
    await key(keys.bySystemKey, `api-key:${keys.system}`);
    await key(keys.byUserKey, `api-key:${keys.user}`);
    const audit = (actor: string, action: string, entityType: string, entityId: string) =>
      appendAudit(t.db, { actor, action, entityType, entityId, before: null, after: { n: Math.random() }, details: {}, requestId: null, at: AT });
    const product = async (id: string, code: string, updatedBy: string) => {
      await sql`insert into products (id, code, name, status, updated_at, updated_by, created_at, created_by) values (${id}, ${code}, ${code}, 'draft', ${AT}, ${updatedBy}, ${AT}, ${updatedBy})`.execute(t.db);
      await sql`insert into product_drafts (product_id, source, revision, updated_at, updated_by, created_at, created_by) values (${id}, 'x', 1, ${AT}, ${updatedBy}, ${AT}, ${updatedBy})`.execute(t.db);
    };
    // Published once; changed afterwards only by a key a user issued (so: that user).
    await product(products.published, 'pub_m', `api-key:${keys.byUserKey}`);
    await audit(`api-key:${keys.bySystemKey}`, 'create', 'product', 'pub_m');
    await audit(user, 'update', 'product-draft', 'pub_m');
    await sql`insert into product_versions (id, product_id, version, source, ir, content_hash, ir_hash, author, publisher, published_at, created_at, created_by)
              values (${randomUUID()}, ${products.published}, 1, 'x', '{}', 'h', 'i', ${user}, 'system', ${AT}, ${AT}, 'system')`.execute(t.db);
    await audit('system', 'publish', 'product-version', 'pub_m@1');
    await audit(`api-key:${keys.byUserKey}`, 'update', 'product-draft', 'pub_m');
    // Never published: created by a key the system's key issued, then saved by the user's key.
    await product(products.fresh, 'fresh_m', `api-key:${keys.user}`);
    await audit(`api-key:${keys.bySystemKey}`, 'create', 'product', 'fresh_m');
    await audit(`api-key:${keys.user}`, 'update', 'product-draft', 'fresh_m');
    // Published and not changed since: no makers.
    await product(products.untouched, 'same_m', user);
    await audit(user, 'create', 'product', 'same_m');
    await sql`insert into product_versions (id, product_id, version, source, ir, content_hash, ir_hash, author, publisher, published_at, created_at, created_by)
              values (${randomUUID()}, ${products.untouched}, 1, 'x', '{}', 'h', 'i', ${user}, 'system', ${AT}, ${AT}, 'system')`.execute(t.db);
    await audit('system', 'publish', 'product-version', 'same_m@1');
    // It and every migration after it (named later) run now.
    expect((await migrateToLatest(t.db)).applied).toEqual(knownMigrations().filter((m) => m >= GOVERNANCE));
  }, 120_000);
  afterAll(async () => {
    await t?.destroy();
  });

  it('gives each key the person it acts for', async () => {
    const rows = await t.db.selectFrom('api_keys').select(['id', 'owner']).execute();
    const owner = new Map(rows.map((r) => [r.id, r.owner]));
    expect(owner.get(keys.system)).toBeNull();
    expect(owner.get(keys.user)).toBe(user);
    expect(owner.get(keys.bySystemKey)).toBe(`api-key:${keys.system}`);
    expect(owner.get(keys.byUserKey)).toBe(user);
  });

  it("gives each draft the persons who changed it since its last version, and leaves versions as they were", async () => {
    const makers = async (id: string) => (await t.db.selectFrom('product_drafts').select('makers').where('product_id', '=', id).executeTakeFirstOrThrow()).makers;
    expect(await makers(products.published)).toEqual([user]);
    expect(await makers(products.fresh)).toEqual([`api-key:${keys.system}`, user].sort());
    expect(await makers(products.untouched)).toEqual([]);
    const versions = await t.db.selectFrom('product_versions').select(['makers', 'warnings_acknowledged']).execute();
    expect(versions).toEqual([
      { makers: null, warnings_acknowledged: null },
      { makers: null, warnings_acknowledged: null },
    ]);
  });
});
