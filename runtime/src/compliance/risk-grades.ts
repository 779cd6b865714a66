// Clients' PLD risk grades: the active policy's matrix (engine gradeClient) over the facts the
// database holds on each client — occupation, nationality, PEP, kind, age, birth state, the
// channel it came through, and the products of its loans and decisions (the highest-risk counts).
// A client is graded in the transaction that creates or changes it; after a policy change every
// client graded under another policy is re-graded in chunks (each its own transaction, claimed
// with FOR UPDATE SKIP LOCKED, so several processes may share the work and a crash loses none).
import { gradeClient, type ClientRiskFacts, type RiskGradeResult } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import { bare, texts } from '../db/pg-arrays.ts';
import type { ClientRow } from '../db/tables/clients.table.ts';
import { activePolicy, type ActivePolicy } from './pld-policy.ts';

/** The risk grade as the client JSON shows it (null until graded). */
export interface RiskGradeView {
  readonly grade: 'low' | 'medium' | 'high';
  readonly points: string;
  readonly reasons: RiskGradeResult['reasons'];
  readonly gradedAt: string;
}

type RiskColumns = Pick<ClientRow, 'risk_grade' | 'risk_points' | 'risk_grade_reasons' | 'risk_graded_at' | 'risk_policy_hash'>;

/** A client row's `riskGrade`. */
export function riskGradeView(row: Partial<RiskColumns>): RiskGradeView | null {
  if (!row.risk_grade || row.risk_points == null || !row.risk_graded_at) return null;
  const reasons = (typeof row.risk_grade_reasons === 'string' ? JSON.parse(row.risk_grade_reasons) : row.risk_grade_reasons) as RiskGradeResult['reasons'] | null;
  return { grade: row.risk_grade, points: String(row.risk_points), reasons: reasons ?? [], gradedAt: new Date(row.risk_graded_at).toISOString() };
}

/** Whole years from a birth date to a day (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

type FactRow = Pick<ClientRow, 'id' | 'kind' | 'occupation' | 'nationality' | 'pep' | 'birth_date' | 'birth_state' | 'channel'>;

/** The matrix's facts on some clients (by id), as of `day`. */
export async function clientRiskFacts(db: Executor, ids: readonly string[], day: string): Promise<Map<string, ClientRiskFacts>> {
  const out = new Map<string, ClientRiskFacts>();
  if (ids.length === 0) return out;
  const rows: FactRow[] = await db
    .selectFrom('clients')
    .select(['id', 'kind', 'occupation', 'nationality', 'pep', 'birth_date', 'birth_state', 'channel'])
    .where('id', 'in', ids)
    .execute();
  const products = await sql<{ client_id: string; code: string }>`
    select client_id, product_code as code from loans where client_id = any(${bare(ids)}::uuid[]) and product_code is not null
    union
    select d.client_id, p.code from decisions d
      join product_versions v on v.id = d.product_version_id
      join products p on p.id = v.product_id
    where d.client_id = any(${bare(ids)}::uuid[])`.execute(db);
  const codes = new Map<string, string[]>();
  for (const r of products.rows) (codes.get(r.client_id) ?? codes.set(r.client_id, []).get(r.client_id)!).push(r.code);
  for (const r of rows) {
    const birth = r.birth_date == null ? null : String(r.birth_date).slice(0, 10);
    out.set(r.id, {
      client: { occupation: r.occupation, nationality: r.nationality, pep: r.pep, kind: r.kind, age: birth ? ageOn(birth, day) : null, birth_state: r.birth_state },
      product: { code: (codes.get(r.id) ?? []).sort() },
      channel: r.channel,
    });
  }
  return out;
}

/** The row's risk columns after grading under `policy`. */
function columns(graded: RiskGradeResult, policy: ActivePolicy, at: string) {
  return { risk_grade: graded.grade, risk_points: graded.points, risk_grade_reasons: JSON.stringify(graded.reasons), risk_graded_at: at, risk_policy_hash: policy.hash };
}

/**
 * Grades one client under the active policy, in the caller's transaction (creation, change);
 * the risk columns written, or null when no policy is active yet.
 */
export async function regradeClient(tx: Executor, clientId: string, at: string): Promise<RiskColumns | null> {
  const policy = await activePolicy(tx);
  if (!policy) return null;
  const facts = (await clientRiskFacts(tx, [clientId], at)).get(clientId);
  if (!facts) return null;
  const set = columns(gradeClient(policy.ir, facts), policy, at);
  await tx.updateTable('clients').set(set).where('id', '=', clientId).execute();
  return { ...set, risk_grade_reasons: JSON.parse(set.risk_grade_reasons) };
}

export interface RegradeReport {
  readonly clients: number;
  readonly chunks: number;
  readonly changed: number;
  readonly ms: number;
}

/**
 * Re-grades every client graded under another policy than the active one (or never), a chunk of
 * `chunkSize` per transaction, until none is left; one audit entry per chunk names the clients
 * whose grade changed.
 */
export async function regradeStaleClients(db: Kysely<Database>, options: { at: string; actor?: string; chunkSize?: number }): Promise<RegradeReport> {
  const started = performance.now();
  const chunkSize = options.chunkSize ?? 1000;
  let clients = 0;
  let chunks = 0;
  let changed = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const policy = await activePolicy(tx);
      if (!policy) return null;
      const stale = await tx
        .selectFrom('clients')
        .select(['id', 'risk_grade'])
        .where((eb) => eb.or([eb('risk_policy_hash', 'is', null), eb('risk_policy_hash', '!=', policy.hash)]))
        .orderBy('id')
        .limit(chunkSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (stale.length === 0) return null;
      const ids = stale.map((r) => r.id);
      const facts = await clientRiskFacts(tx, ids, options.at);
      const grades: string[] = [];
      const points: string[] = [];
      const reasons: string[] = [];
      const moved: { id: string; from: string | null; to: string }[] = [];
      stale.forEach((row, i) => {
        const graded = gradeClient(policy.ir, facts.get(row.id)!);
        grades[i] = graded.grade;
        points[i] = graded.points;
        reasons[i] = JSON.stringify(graded.reasons);
        if (graded.grade !== row.risk_grade) moved.push({ id: row.id, from: row.risk_grade, to: graded.grade });
      });
      await sql`
        update clients as c
        set risk_grade = t.grade, risk_points = t.points::numeric, risk_grade_reasons = t.reasons::jsonb, risk_graded_at = ${options.at}::timestamptz, risk_policy_hash = ${policy.hash}
        from unnest(${bare(ids)}::uuid[], ${bare(grades)}::text[], ${bare(points)}::text[], ${texts(reasons)}::text[]) as t(id, grade, points, reasons)
        where c.id = t.id`.execute(tx);
      await appendAudit(tx, {
        actor: options.actor ?? 'system', action: 'regrade', entityType: 'pld-policy', entityId: policy.code, before: null, after: null,
        details: { version: policy.version, hash: policy.hash, clients: ids.length, changed: moved },
        requestId: null, at: options.at,
      });
      return { count: ids.length, moved: moved.length };
    });
    if (done === null) break;
    clients += done.count;
    changed += done.moved;
    chunks++;
  }
  return { clients, chunks, changed, ms: performance.now() - started };
}

/** Re-grades running per database: one at a time, run again when asked while running. */
const running = new WeakMap<object, { promise: Promise<RegradeReport | null>; again: boolean }>();

/**
 * Starts re-grading stale clients in the background (not in the request: 50,000 clients take
 * seconds); returns at once. `regradeIdle` waits for it.
 */
export function regradeInBackground(db: Kysely<Database>, now: () => Date, onDone: (report: RegradeReport | Error) => void = () => {}): void {
  const current = running.get(db);
  if (current) {
    current.again = true;
    return;
  }
  const state = { promise: Promise.resolve<RegradeReport | null>(null), again: false };
  state.promise = (async () => {
    let report: RegradeReport | null = null;
    do {
      state.again = false;
      try {
        report = await regradeStaleClients(db, { at: now().toISOString() });
        onDone(report);
      } catch (error) {
        onDone(error instanceof Error ? error : new Error(String(error)));
      }
    } while (state.again);
    running.delete(db);
    return report;
  })();
  running.set(db, state);
}

/** Resolves when no background re-grade is running on `db`. */
export async function regradeIdle(db: Kysely<Database>): Promise<void> {
  while (running.has(db)) await running.get(db)!.promise;
}

/** How many clients wait to be graded under the active policy. */
export async function staleClientCount(db: Executor, hash: string): Promise<number> {
  const row = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.or([eb('risk_policy_hash', 'is', null), eb('risk_policy_hash', '!=', hash)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
