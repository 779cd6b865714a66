// Crash safety: the real server is killed with SIGKILL in the middle of a batch of payments.
// After a restart every payment is either fully applied (event, journal entry and audit entry)
// or not at all, acknowledged payments survived, retries with the same keys apply the rest
// exactly once, and `plazo audit verify` passes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open-database.ts';
import { runCli, serverEnvironment, startServer } from './support/server-process.ts';
import { NOMINA_APPLICATION } from './support/products.ts';
import { DATABASE_KINDS } from './support/test-database.ts';

const BATCH = 120;

describe.each(DATABASE_KINDS)('crash safety on %s', (kind) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dir, dispose } = await serverEnvironment(kind, 'plazo-crash-'));
  });
  afterAll(async () => {
    await dispose();
  });

  it('applies each payment fully or not at all across a SIGKILL, and the audit chain verifies', async () => {
    const first = await startServer(env);
    const key = first.key!;
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const post = (url: string, path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify(body) });
    let loanId: string;
    const acknowledged = new Set<number>();
    try {
      const decision = (await (await post(first.url, '/api/v1/decisions', { product: 'nomina', application: NOMINA_APPLICATION })).json()) as any;
      const loan = (await (await post(first.url, '/api/v1/loans', { decisionId: decision.decision.id })).json()) as any;
      loanId = loan.loan.id;
      expect((await post(first.url, `/api/v1/loans/${loanId}/disbursement`, {})).status).toBe(201);
      // Fire the batch, 8 at a time, and kill the process once a third has been acknowledged.
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let i = next++; i < BATCH; i = next++) {
            try {
              const res = await post(first.url, `/api/v1/loans/${loanId}/payments`, { amount: '10.00' }, { 'idempotency-key': `crash-${i}` });
              if (res.status === 201) acknowledged.add(i);
              if (acknowledged.size === Math.floor(BATCH / 3)) first.child.kill('SIGKILL');
            } catch {
              // The server is gone: this payment may or may not have committed.
            }
          }
        }),
      );
    } finally {
      first.child.kill('SIGKILL');
    }
    await first.exited;
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(BATCH);

    // Each payment: event ↔ journal entry ↔ audit entry, all or nothing; every acknowledged one is there.
    const inspect = async () => {
      const { db } = await openDatabase(kind === 'postgres' ? { kind: 'postgres', connectionString: env.DATABASE_URL! } : { kind: 'pglite', dataDir: dir });
      try {
        const rows = await sql<{ key: string; seq: number; entries: number; audits: number }>`
          select v.idempotency_key as key, v.seq,
            (select count(*)::int from journal_entries e where e.loan_id = v.loan_id and e.loan_event_seq = v.seq) as entries,
            (select count(*)::int from audit_log a where a.entity_type = 'loan' and a.entity_id = v.loan_id::text and (a.details->>'seq')::int = v.seq) as audits
          from loan_events v where v.loan_id = ${loanId} and v.type = 'payment'
        `.execute(db);
        return rows.rows;
      } finally {
        await db.destroy();
      }
    };
    const afterCrash = await inspect();
    expect(afterCrash.every((r) => r.entries === 1 && r.audits === 1)).toBe(true);
    const applied = new Set(afterCrash.map((r) => Number(r.key.slice('crash-'.length))));
    for (const i of acknowledged) expect(applied.has(i), `acknowledged payment ${i}`).toBe(true);

    // Restart and retry the whole batch with the same keys: the rest is applied, nothing twice.
    const second = await startServer(env);
    try {
      expect(second.key).toBeNull();
      for (let i = 0; i < BATCH; i++) {
        const res = await post(second.url, `/api/v1/loans/${loanId!}/payments`, { amount: '10.00' }, { 'idempotency-key': `crash-${i}` });
        expect(res.status).toBe(201);
        expect(res.headers.get('idempotent-replayed') === 'true').toBe(applied.has(i));
      }
      const ledger = (await (await fetch(`${second.url}/api/v1/ledger/trial-balance`, { headers })).json()) as any;
      expect(ledger.balanced).toBe(true);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
    const final = await inspect();
    expect(final).toHaveLength(BATCH);
    expect(final.every((r) => r.entries === 1 && r.audits === 1)).toBe(true);
    const verify = await runCli(['audit', 'verify', '--json'], env);
    expect(verify.code, verify.out).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true });
  }, 300_000);
});
