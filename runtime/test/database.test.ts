// The data layer on each database: exact types back from both drivers, transactions that really
// roll back and never interleave, and the schema's own guards (balanced entries, append-only
// tables, money scale).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit.repository.ts';
import { knownMigrations, migrateToLatest } from '../src/db/migrator.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const AT = '2025-01-06T16:00:00.123Z';

describe.each(DATABASE_KINDS)('database on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  async function newUser(email = `${randomUUID()}@example.mx`) {
    const id = randomUUID();
    await t.db.insertInto('users').values({ id, email, name: 'Ana', role: 'operator', password_hash: null, created_at: AT, created_by: 'system' }).execute();
    return id;
  }

  it('migrating again applies nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual({ applied: [] });
    const rows = await t.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(rows.map((r: any) => r.name)).toEqual(knownMigrations());
  });

  it('returns NUMERIC and DATE as exact strings and timestamps as ISO strings', async () => {
    const row = await sql<{ n: string; big: string; d: string; ts: string; c: number }>`
      select 0.1::numeric + 0.2::numeric as n, 123456789012345.123456::numeric as big,
             date '2025-02-28' as d, ${AT}::timestamptz as ts, count(*) as c from (values (1), (2)) v
    `.execute(t.db);
    expect(row.rows[0]).toEqual({ n: '0.3', big: '123456789012345.123456', d: '2025-02-28', ts: AT, c: 2 });
  });

  it('keeps a timestamp exact through a round trip', async () => {
    const id = await newUser();
    const row = await t.db.selectFrom('users').select('created_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.created_at).toBe(AT);
  });

  it('discards every row of a rolled-back transaction', async () => {
    const email = `${randomUUID()}@example.mx`;
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('users').values({ id: randomUUID(), email, name: 'X', role: 'admin', password_hash: null, created_at: AT, created_by: 'system' }).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const found = await t.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(found).toEqual([]);
  });

  it('loses no update when 50 transactions read-modify-write one row concurrently', async () => {
    await sql`create table if not exists counter_test (id int primary key, n int not null)`.execute(t.db);
    await sql`insert into counter_test values (1, 0) on conflict (id) do update set n = 0`.execute(t.db);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        t.db.transaction().execute(async (tx) => {
          const { rows } = await sql<{ n: number }>`select n from counter_test where id = 1 for update`.execute(tx);
          await new Promise((r) => setTimeout(r, 1));
          await sql`update counter_test set n = ${rows[0]!.n + 1} where id = 1`.execute(tx);
        }),
      ),
    );
    const { rows } = await sql<{ n: number }>`select n from counter_test where id = 1`.execute(t.db);
    expect(rows[0]!.n).toBe(50);
  });

  it('a failed statement aborts only its own transaction', async () => {
    const email = `${randomUUID()}@example.mx`;
    const results = await Promise.allSettled([
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('users').values({ id: randomUUID(), email, name: 'Y', role: 'admin', password_hash: null, created_at: AT, created_by: 'system' }).execute();
        await sql`select 1 / 0`.execute(tx);
      }),
      newUser(),
    ]);
    expect(results[0].status).toBe('rejected');
    expect(results[1].status).toBe('fulfilled');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', email).execute()).toEqual([]);
  });

  it('rejects an unbalanced journal entry at commit and keeps none of it', async () => {
    const entryId = randomUUID();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('journal_entries').values({ id: entryId, entry_date: '2025-01-06', description: 'bad', currency: 'MXN', created_at: AT, created_by: 'system' }).execute();
        await tx.insertInto('journal_lines').values([
          { entry_id: entryId, line_no: 1, account_code: '1100', debit: '100.00', created_at: AT, created_by: 'system' },
          { entry_id: entryId, line_no: 2, account_code: '1000', credit: '99.99', created_at: AT, created_by: 'system' },
        ]).execute();
      }),
    ).rejects.toThrow(/unbalanced/);
    expect(await t.db.selectFrom('journal_entries').select('id').where('id', '=', entryId).execute()).toEqual([]);
  });

  it('accepts a balanced entry and keeps its amounts exact', async () => {
    const entryId = randomUUID();
    await t.db.transaction().execute(async (tx) => {
      await tx.insertInto('journal_entries').values({ id: entryId, entry_date: '2025-01-06', description: 'disbursement', currency: 'MXN', created_at: AT, created_by: 'system' }).execute();
      await tx.insertInto('journal_lines').values([
        { entry_id: entryId, line_no: 1, account_code: '1100', debit: '10000.10', created_at: AT, created_by: 'system' },
        { entry_id: entryId, line_no: 2, account_code: '1000', credit: '9700.000001', created_at: AT, created_by: 'system' },
        { entry_id: entryId, line_no: 3, account_code: '4200', credit: '300.099999', created_at: AT, created_by: 'system' },
      ]).execute();
    });
    const lines = await t.db.selectFrom('journal_lines').select(['debit', 'credit']).where('entry_id', '=', entryId).orderBy('line_no').execute();
    expect(lines).toEqual([
      { debit: '10000.10', credit: '0' },
      { debit: '0', credit: '9700.000001' },
      { debit: '0', credit: '300.099999' },
    ]);
  });

  it('rejects money with more than 6 decimal places instead of rounding it', async () => {
    const entryId = randomUUID();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await tx.insertInto('journal_entries').values({ id: entryId, entry_date: '2025-01-06', description: 'x', currency: 'MXN', created_at: AT, created_by: 'system' }).execute();
        await tx.insertInto('journal_lines').values([
          { entry_id: entryId, line_no: 1, account_code: '1100', debit: '1.0000001', created_at: AT, created_by: 'system' },
          { entry_id: entryId, line_no: 2, account_code: '1000', credit: '1.0000001', created_at: AT, created_by: 'system' },
        ]).execute();
      }),
    ).rejects.toThrow(/money_amount/);
  });

  it('refuses to update or delete append-only rows', async () => {
    const entryId = randomUUID();
    await t.db.transaction().execute(async (tx) => {
      await tx.insertInto('journal_entries').values({ id: entryId, entry_date: '2025-01-07', description: 'x', currency: 'MXN', created_at: AT, created_by: 'system' }).execute();
      await tx.insertInto('journal_lines').values([
        { entry_id: entryId, line_no: 1, account_code: '1100', debit: '5', created_at: AT, created_by: 'system' },
        { entry_id: entryId, line_no: 2, account_code: '1000', credit: '5', created_at: AT, created_by: 'system' },
      ]).execute();
      await appendAudit(tx, { actor: 'system', action: 'test', entityType: 'x', entityId: '1', before: null, after: { a: 1 }, at: AT });
    });
    await expect(sql`update journal_lines set line_no = line_no`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from journal_entries`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('rejects an actor that is not system, user:<uuid> or api-key:<uuid>', async () => {
    await expect(
      t.db.insertInto('users').values({ id: randomUUID(), email: `${randomUUID()}@x.mx`, name: 'Z', role: 'admin', password_hash: null, created_at: AT, created_by: 'mallory' }).execute(),
    ).rejects.toThrow(/actor_ref/);
  });
});
