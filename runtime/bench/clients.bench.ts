// Client search at register scale: CLIENTS_BENCH_N (50,000) clients with Spanish names (accents,
// particles), CURPs and phones written straight into a fresh in-memory PGlite (CLIENTS_BENCH_DB=
// postgres uses the empty database of DATABASE_URL instead), then searches through the repository as the API runs them (each
// one audited): two name words without accents, one CURP, one phone. Per search: p50 and p99 in
// ms. Baseline in the same run: a plain scan of the same 50,000 names in this process, normalizing
// each (accents, case) at query time — what a search without the stored `name_search` column costs.
//   CLIENTS_BENCH_N (50000) · CLIENTS_BENCH_SEARCHES (200 per kind)
import { curpCheckDigit, normalizeName } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { nameWords, searchClients } from '../src/clients/clients.repository.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { uuidv7 } from '../src/ids.ts';
import { timed } from './timing.ts';

const N = Number(process.env.CLIENTS_BENCH_N ?? 50_000);
const SEARCHES = Number(process.env.CLIENTS_BENCH_SEARCHES ?? 200);
const GIVEN = ['María José', 'Gloria', 'Juan', 'José Luis', 'Ana Sofía', 'Ramón', 'Inés', 'Héctor', 'Lucía', 'Martín', 'Begoña', 'Raúl', 'Ximena', 'Andrés', 'Mónica', 'Óscar'];
const SURNAMES = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Gómez', 'Díaz', 'Núñez', 'de la Peña', 'Ibáñez', 'Ávila', 'Ortíz', 'Muñoz', 'Rojas', 'Álvarez', 'Castañeda', 'Vázquez', 'Jiménez', 'Domínguez'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A unique CURP per index: the four letters spell the index in base 26. */
function curpOf(i: number, birth: string, sex: string): string {
  let letters = '';
  for (let k = 0, n = i; k < 4; k++, n = Math.floor(n / 26)) letters = LETTERS[n % 26]! + letters;
  const first17 = `${letters}${birth.slice(2).replaceAll('-', '')}${sex}DFRRR0`;
  return `${first17}${curpCheckDigit(first17)}`;
}

async function seed(db: Kysely<Database>): Promise<{ names: string[]; curps: string[]; phones: string[] }> {
  const next = rand(20261208);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const names: string[] = [];
  const curps: string[] = [];
  const phones: string[] = [];
  const at = new Date('2026-12-08T12:00:00Z').toISOString();
  for (let start = 0; start < N; start += 1000) {
    const rows = [];
    const phoneRows = [];
    const wordRows = [];
    for (let i = start; i < Math.min(N, start + 1000); i++) {
      const [given, paternal, maternal] = [pick(GIVEN), pick(SURNAMES), pick(SURNAMES)];
      const birth = `19${50 + Math.floor(next() * 49)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
      const sex = next() < 0.5 ? 'H' : 'M';
      const id = uuidv7();
      const curp = curpOf(i, birth, sex);
      const phone = String(5500000000 + i);
      names.push(`${given} ${paternal} ${maternal}`);
      curps.push(curp);
      phones.push(phone);
      rows.push({
        id, kind: 'person' as const, given_names: given, paternal_surname: paternal, maternal_surname: maternal, legal_name: null,
        name_search: normalizeName(`${paternal} ${maternal} ${given}`), birth_date: birth, birth_state: 'DF', sex: sex as 'H' | 'M', nationality: 'MX', curp, rfc: null,
        occupation: null, email: null, address: null, own_account: true, beneficial_owner: null, pep: false, legal_representative: null,
        created_at: at, created_by: 'system', updated_at: at, updated_by: 'system',
      });
      phoneRows.push({ client_id: id, phone, position: 0 });
      for (const word of nameWords(rows.at(-1)!.name_search)) wordRows.push({ word, client_id: id });
    }
    await db.insertInto('clients').values(rows).execute();
    await db.insertInto('client_phones').values(phoneRows).execute();
    await db.insertInto('client_name_words').values(wordRows).execute();
  }
  return { names, curps, phones };
}

const postgres = process.env.CLIENTS_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  const t0 = performance.now();
  const { names, curps, phones } = await seed(db);
  // Statistics for the planner, as PostgreSQL's autovacuum gathers them after a bulk load (PGlite
  // has no autovacuum: without them it scans the whole register in id order).
  await sql`analyze clients, client_name_words, client_phones`.execute(db);
  console.log(`\n== clients.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${N.toLocaleString('en-US')} clients written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const next = rand(7);
  const ctx = { actor: 'system', at: new Date().toISOString(), requestId: null };
  const words = () => {
    const [given, paternal] = names[Math.floor(next() * names.length)]!.split(' ');
    return `${paternal!.toLowerCase()} ${given!.toUpperCase()}`;
  };
  const nameQueries = Array.from({ length: SEARCHES }, () => words());
  await timed('search by two name words (accents, case, order ignored)', nameQueries.map((q) => () => searchClients(db, { q, limit: 50 }, ctx)));
  await timed('search by CURP', Array.from({ length: SEARCHES }, () => curps[Math.floor(next() * N)]!).map((curp) => () => searchClients(db, { curp, limit: 50 }, ctx)));
  await timed('search by phone', Array.from({ length: SEARCHES }, () => phones[Math.floor(next() * N)]!).map((phone) => () => searchClients(db, { phone, limit: 50 }, ctx)));
  // Baseline: scan the names in process, normalizing each at query time, first 50 matches.
  await timed(
    'baseline: plain scan normalizing 50k names per query',
    nameQueries.slice(0, 50).map((q) => async () => {
      const want = normalizeName(q).split(' ');
      const hits: number[] = [];
      for (let i = 0; i < names.length && hits.length < 50; i++) {
        const n = normalizeName(names[i]!);
        if (want.every((w) => n.includes(w))) hits.push(i);
      }
      return hits;
    }),
  );
} finally {
  await db.destroy();
}
