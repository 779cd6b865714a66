// Derived inputs (issue 14): the time to compute a client's facts (client-facts.ts: the record,
// and prior loans, cycle, active loans and worst days past due from the loans and their
// end-of-day summaries) for a client with CLIENT_FACTS_BENCH_LOANS (20) loans among
// CLIENT_FACTS_BENCH_OTHERS (200) loans of other clients, all opened and disbursed through the
// servicing functions the routes use and closed by the end of day. Per call: p50 and p99 in ms.
// Baseline in the same run: a stored decision without clientId (nomina, every input typed), and
// beside it a stored decision for the client on the group credit (age and cycle derived, and
// the client screened against the watchlists, as every decision for a client is).
// On a fresh in-memory PGlite; CLIENT_FACTS_BENCH_DB=postgres uses the empty database of DATABASE_URL.
//   CLIENT_FACTS_BENCH_LOANS (20) · CLIENT_FACTS_BENCH_OTHERS (200) · CLIENT_FACTS_BENCH_CALLS (300)
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { clientFactsAt } from '../src/clients/client-facts.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { takeDecision } from '../src/decisions/decision-service.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { uuidv7 } from '../src/ids.ts';
import { createProduct, publishDraft } from '../src/products/product-catalog.ts';
import { compileProductSource } from '../src/products/product-compiler.ts';
import { disbursementRequest } from '../src/servicing/loan-event-requests.ts';
import { appendLoanEvent, openLoanFromTerms } from '../src/servicing/loan-servicing.ts';
import { timed } from './timing.ts';

const LOANS = Number(process.env.CLIENT_FACTS_BENCH_LOANS ?? 20);
const OTHERS = Number(process.env.CLIENT_FACTS_BENCH_OTHERS ?? 200);
const CALLS = Number(process.env.CLIENT_FACTS_BENCH_CALLS ?? 300);
const WIDTH = 64;
const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const AT = '2025-01-06T18:00:00.000Z';
const ctx = (today: string) => ({ actor: 'system', at: `${today}T18:00:00.000Z`, requestId: null, today });
const terms = (date: string) => ({
  principal: '6000.00', annualRate: '0.52', installments: 12, frequency: 'weekly', method: 'flat', interestBasis: 'period', disbursementDate: date, decimals: 2, rounding: 'half-even',
  tax: { rate: '0.16', on: ['interest'] }, fees: [],
});

async function publish(db: Kysely<Database>, code: string, source: string): Promise<void> {
  await createProduct(db, { code, name: code, source }, { actor: 'system', at: AT });
  const codes = (await compileProductSource(source)).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code);
  await publishDraft(db, code, { acknowledgeWarnings: { codes, reason: 'bench' } }, { actor: 'system', at: AT, selfApproved: true });
}

async function newClient(db: Kysely<Database>, i: number): Promise<string> {
  const id = uuidv7();
  await db.insertInto('clients').values({
    id, kind: 'person', given_names: 'Gloria', paternal_surname: 'Hernández', maternal_surname: `García ${i}`, legal_name: null, name_search: `HERNANDEZ GARCIA ${i} GLORIA`,
    birth_date: '1956-04-27', birth_state: 'VZ', sex: 'M', nationality: 'MX', curp: null, rfc: null, occupation: null, email: null, address: null, own_account: true,
    beneficial_owner: null, pep: false, legal_representative: null, created_at: AT, created_by: 'system', updated_at: AT, updated_by: 'system',
  }).execute();
  return id;
}

const postgres = process.env.CLIENT_FACTS_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  const t0 = performance.now();
  await publish(db, 'nomina', example('nomina.plazo'));
  await publish(db, 'microcredito_grupal', example('microcredito_grupal.plazo'));
  const gloria = await newClient(db, 0);
  const others = await Promise.all(Array.from({ length: 20 }, (_, i) => newClient(db, i + 1)));
  for (let k = 0; k < LOANS + OTHERS; k++) {
    const day = `2025-01-${String(6 + (k % 5)).padStart(2, '0')}`;
    const clientId = k < LOANS ? gloria : others[k % others.length]!;
    const loan = await openLoanFromTerms(db, { product: 'microcredito_grupal', terms: terms(day), externalRef: `BENCH-${k}`, clientId }, ctx(day));
    await appendLoanEvent(db, loan.id, disbursementRequest({}, undefined), ctx(day));
  }
  await runEndOfDay(db, { through: '2025-01-31' });
  console.log(`\n== client-facts.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${LOANS} loans of the client among ${OTHERS} others, closed through 2025-01-31, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log('  facts:', JSON.stringify(await clientFactsAt(db, gloria, '2025-02-03')));
  const times = <T>(call: () => Promise<T>) => Array.from({ length: CALLS }, () => call);
  await timed(`client facts with ${LOANS} loans (clientFactsAt)`, times(() => clientFactsAt(db, gloria, '2025-02-03')), WIDTH);
  const nomina = {
    applicant: { birth_date: '1956-04-27' }, payroll: { net_pay: '18000', existing_deductions: '0' }, employment: { months: 48, contract: 'planta', employer_in_agreement: true },
    bureau: { score: 720, worst_dpd_12m: 0, monthly_payments: '3000' }, request: { amount: '60000', payments: 24 },
  };
  await timed('baseline: a decision without clientId (nomina, typed)', times(() => takeDecision(db, { product: 'nomina', application: nomina, asOf: '2025-02-03' }, ctx('2025-02-03'))), WIDTH);
  const micro = {
    applicant: { weekly_income: '3000', has_business: true, business_months: 24 }, group: { members: 15, attendance: '1', prev_max_dpd: 0, approved_by_assembly: true },
    request: { amount: '8000', payments: 16 },
  };
  await timed(
    'a decision for the client: age, cycle derived; screened (micro)',
    times(() => takeDecision(db, { product: 'microcredito_grupal', application: micro, asOf: '2025-02-03', clientId: gloria }, ctx('2025-02-03'))),
    WIDTH,
  );
} finally {
  await db.destroy();
}
