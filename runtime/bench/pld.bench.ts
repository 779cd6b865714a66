// Re-grading PLD_BENCH_N (50,000) clients after a policy change, as PUT /compliance/policy starts
// it (regradeStaleClients: 1,000 clients per transaction, facts read, graded, written back, one
// audit entry per chunk), on a fresh in-memory PGlite (PLD_BENCH_DB=postgres: DATABASE_URL).
// Baseline in the same run: a plain loop reading the same facts chunk by chunk (clientRiskFacts,
// no grading, no write) — what the re-grade costs beyond reading what it needs.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { clientRiskFacts, regradeStaleClients } from '../src/compliance/risk-grades.ts';
import { savePolicy } from '../src/compliance/pld-policy.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { uuidv7 } from '../src/ids.ts';

const N = Number(process.env.PLD_BENCH_N ?? 50_000);
const POLICY = readFileSync(new URL('../../examples/pld.plazo', import.meta.url), 'utf8');
const OCCUPATIONS = ['empleado', 'comerciante', 'cambista', 'jubilado', 'hogar', 'docente', null];
const CHANNELS = ['branch', 'online', 'agent', 'payroll'];

async function seed(db: Kysely<Database>): Promise<string[]> {
  const ids: string[] = [];
  const at = new Date('2026-12-09T12:00:00Z').toISOString();
  for (let start = 0; start < N; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(N, start + 1000); i++) {
      const id = uuidv7();
      ids.push(id);
      rows.push({
        id, kind: 'person' as const, given_names: 'Cliente', paternal_surname: `Prueba${i}`, maternal_surname: null, legal_name: null, name_search: `PRUEBA${i} CLIENTE`,
        birth_date: `19${50 + (i % 49)}-0${1 + (i % 9)}-1${i % 9}`, birth_state: 'DF', sex: 'M' as const, nationality: i % 17 === 0 ? 'US' : 'MX', curp: null, rfc: null,
        occupation: OCCUPATIONS[i % OCCUPATIONS.length]!, email: null, address: null, own_account: true, beneficial_owner: null, pep: i % 97 === 0, legal_representative: null,
        channel: CHANNELS[i % CHANNELS.length]!, created_at: at, created_by: 'system', updated_at: at, updated_by: 'system',
      });
    }
    await db.insertInto('clients').values(rows).execute();
  }
  return ids;
}

const postgres = process.env.PLD_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  const ids = await seed(db);
  const at = new Date().toISOString();
  console.log(`\n== pld.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${N.toLocaleString('en-US')} clients`);
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 1000) await clientRiskFacts(db, ids.slice(i, i + 1000), at);
  const base = performance.now() - t0;
  console.log(`baseline: plain loop reading the facts, 1,000 a chunk   ${(base / 1000).toFixed(2).padStart(7)} s`);
  await savePolicy(db, POLICY, { actor: 'system', at });
  const first = await regradeStaleClients(db, { at });
  console.log(`first grading under the policy (${first.chunks} chunks)        ${(first.ms / 1000).toFixed(2).padStart(7)} s  (${first.changed} graded)`);
  await savePolicy(db, POLICY.replace('high when points >= 50', 'high when points >= 40'), { actor: 'system', at });
  const again = await regradeStaleClients(db, { at });
  console.log(`re-grade after a policy change (${again.chunks} chunks)        ${(again.ms / 1000).toFixed(2).padStart(7)} s  (${again.changed} changed grade; ${(again.ms / N * 1000).toFixed(0)} µs a client, ${(again.ms / again.chunks).toFixed(0)} ms a transaction)`);
} finally {
  await db.destroy();
}
