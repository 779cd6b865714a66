// Crash safety of the statement import (issue 16): an import running in its own process is
// killed with SIGKILL in the middle of the file. Every line is then either present and whole (an
// applied line with its one payment event and application, an exception with its suspense entry)
// or absent; the re-import of the same file finishes the statement left `importing`, and in the
// end each line is applied exactly once, the ledger balances and 2210 equals the open exceptions.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dec } from '@plazo/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.ts';
import { NOMINA_SOURCE, publishProduct } from './support/products.ts';
import { disbursedLoan, expectLedgerConsistent, setToday } from './support/servicing.ts';

const LINES = 600;
const LOANS = 4;
const RUNTIME_DIR = new URL('..', import.meta.url).pathname;

describe.skipIf(!process.env.DATABASE_URL)('statement import across a SIGKILL on postgres', () => {
  let h: Harness;
  let dir: string;
  let accountId: string;
  let layoutId: string;

  beforeAll(async () => {
    h = await startHarness('postgres');
    dir = mkdtempSync(join(tmpdir(), 'plazo-statement-crash-'));
    await publishProduct(h.db, 'nomina', NOMINA_SOURCE);
    for (let i = 0; i < LOANS; i++) {
      const id = await disbursedLoan(h);
      await sql`update loans set payment_reference = ${`80000${i}`} where id = ${id}`.execute(h.db);
    }
    setToday(h, '2025-02-10');
    accountId = (await h.request('POST', '/api/v1/bank-accounts', { body: { name: 'Crash', bankCode: '032' } })).body.bankAccount.id;
    layoutId = (await h.request('POST', '/api/v1/bank-file-layouts', { body: { name: 'Crash', format: 'csv', options: { dateFormat: 'YYYY-MM-DD', columns: { date: 1, amount: 2, reference: 3, trackingKey: 4 } } } })).body.layout.id;
  }, 120_000);
  afterAll(async () => {
    await h?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function consistency() {
    const { rows } = await sql<{ id: string; status: string; apps: number; events: number; entry: string | null }>`
      select l.id, l.status, l.suspense_entry_id as entry,
        (select count(*)::int from bank_line_applications a where a.line_id = l.id) as apps,
        (select count(*)::int from loan_events v where v.idempotency_key = 'bank-line:' || l.id::text) as events
      from bank_statement_lines l
    `.execute(h.db);
    for (const r of rows) {
      if (r.status === 'applied') expect([r.apps, r.events], r.id).toEqual([1, 1]);
      else if (r.status === 'exception') expect([r.apps, r.events, r.entry !== null], r.id).toEqual([0, 0, true]);
    }
    const orphans = await sql<{ key: string }>`
      select v.idempotency_key as key from loan_events v
      where v.idempotency_key like 'bank-line:%' and not exists (select 1 from bank_statement_lines l where 'bank-line:' || l.id::text = v.idempotency_key)
    `.execute(h.db);
    expect(orphans.rows).toEqual([]);
    await expectLedgerConsistent(h);
    const suspense = await sql<{ b: string }>`select coalesce(sum(credit) - sum(debit), 0)::text as b from journal_lines where account_code = '2210'`.execute(h.db);
    const held = await sql<{ b: string }>`select coalesce(sum(exception_amount), 0)::text as b from bank_statement_lines where status = 'exception'`.execute(h.db);
    expect(new Dec(suspense.rows[0]!.b).toFixed(2)).toBe(new Dec(held.rows[0]!.b).toFixed(2));
    return rows;
  }

  it('leaves every line whole or absent, and the re-import applies each exactly once', async () => {
    const file = join(dir, 'statement.csv');
    const body = ['fecha,importe,referencia,rastreo'];
    // Every 7th line names no loan: an exception.
    for (let i = 0; i < LINES; i++) body.push(`2025-01-20,1.00,${i % 7 === 6 ? 'NOBODY' : `80000${i % LOANS}`},K${String(i).padStart(5, '0')}`);
    writeFileSync(file, `${body.join('\n')}\n`);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/statement-import-child.ts'], {
      cwd: RUNTIME_DIR,
      env: { ...process.env, DATABASE_URL: h.connectionString!, STATEMENT_FILE: file, BANK_ACCOUNT_ID: accountId, LAYOUT_ID: layoutId, TODAY: '2025-02-10', BATCH_SIZE: '20' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += String(c)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Kill it once a fifth of the lines are in.
    for (;;) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from bank_statement_lines`.execute(h.db);
      if (rows[0]!.n >= LINES / 5) break;
      if (child.exitCode !== null) throw new Error(`the import ended before it was killed: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;

    const afterCrash = await consistency();
    expect(afterCrash.length).toBeGreaterThan(0);
    expect(afterCrash.length).toBeLessThan(LINES);
    const statement = await h.db.selectFrom('bank_statements').selectAll().executeTakeFirstOrThrow();
    expect(statement.status).toBe('importing');

    // The re-import of the same file finishes the statement.
    const res = await h.app.request(`/api/v1/bank-statements?${new URLSearchParams({ bankAccountId: accountId, format: 'csv', layoutId, fileName: 'crash.csv' })}`, {
      method: 'POST', headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'text/csv' }, body: readFileSync(file),
    });
    const json = (await res.json()) as any;
    expect(res.status, JSON.stringify(json)).toBe(201);
    const exceptions = Array.from({ length: LINES }, (_, i) => i).filter((i) => i % 7 === 6).length;
    expect(json.statement).toMatchObject({ id: statement.id, status: 'imported', lines: { total: LINES, applied: LINES - exceptions, exception: exceptions, duplicate: 0 } });
    const final = await consistency();
    expect(final).toHaveLength(LINES);
    const payments = await sql<{ n: number }>`select count(*)::int as n from loan_events where idempotency_key like 'bank-line:%'`.execute(h.db);
    expect(payments.rows[0]!.n).toBe(LINES - exceptions);
  }, 300_000);
});
