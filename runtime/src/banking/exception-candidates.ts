// The loans an exception line most likely belongs to (issue 16), each with its reasons:
//   reference-near  the line's reference is one digit off a loan's payment reference (one digit
//                   changed, or two neighbours swapped): a typo the check digit caught
//   reference       the reference is exactly a loan's, but the import could not apply it (a loan paid off, cancelled…)
//   clabe           the money went to a loan's own CLABE
//   installment     the amount equals an open installment of an active loan due near the line's date
//   payer-name      the payer's name has the words of the loan's client's name
// One query per rule for a whole page of lines, each through an index (payment reference, CLABE,
// the installments' amount, the clients' name words). A loan's score combines its reasons'
// weights as independent evidence: 1 − Π(1 − w).
import { Dec, NAME_PARTICLES, normalizeName } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export type CandidateRule = 'reference' | 'reference-near' | 'clabe' | 'installment' | 'payer-name';

export interface CandidateReason {
  readonly rule: CandidateRule;
  /** What matched, for the operator: the loan's reference, the installment and its due date, the name words. */
  readonly detail: string;
  readonly weight: string;
}

export interface Candidate {
  readonly loanId: string;
  readonly paymentReference: string | null;
  readonly clientId: string | null;
  readonly clientName: string | null;
  readonly status: string;
  readonly score: string;
  readonly reasons: CandidateReason[];
}

/** What of a line the candidates are found from. */
export interface CandidateLine {
  readonly id: string;
  readonly valueDate: string;
  readonly amount: string;
  readonly reference: string | null;
  readonly beneficiaryClabe: string | null;
  readonly payerName: string | null;
}

const WEIGHTS: Record<CandidateRule, number> = { reference: 0.95, clabe: 0.9, 'reference-near': 0.8, 'payer-name': 0.6, installment: 0.5 };
/** An installment counts when due from this many days before the line's date… */
const DUE_BEFORE_DAYS = 60;
/** …to this many after. */
const DUE_AFTER_DAYS = 31;
export const MAX_CANDIDATES = 5;

/** The reference as loans store it: digits and capital letters. */
export function normalReference(reference: string | null): string | null {
  if (reference === null) return null;
  const r = reference.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return /^[0-9A-Z]{4,40}$/.test(r) ? r : null;
}

/** Every reference one digit off `ref`: each digit changed to another, and each two neighbours swapped. */
export function nearReferences(ref: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < ref.length; i++) {
    if (!/[0-9]/.test(ref[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      const c = String(d);
      if (c !== ref[i]) out.add(ref.slice(0, i) + c + ref.slice(i + 1));
    }
  }
  for (let i = 0; i + 1 < ref.length; i++) {
    if (ref[i] !== ref[i + 1]) out.add(ref.slice(0, i) + ref[i + 1] + ref[i] + ref.slice(i + 2));
  }
  out.delete(ref);
  return [...out];
}

/** The words of a payer's name that say something (3 letters or more, not a particle). */
export function payerWords(name: string | null): string[] {
  if (name === null) return [];
  return [...new Set(normalizeName(name).split(' ').filter((w) => w.length >= 3 && !NAME_PARTICLES.has(w)))];
}

type Found = Map<string, Map<string, CandidateReason[]>>;

function add(found: Found, lineId: string, loanId: string, rule: CandidateRule, detail: string) {
  let loans = found.get(lineId);
  if (!loans) found.set(lineId, (loans = new Map()));
  const reasons = loans.get(loanId) ?? [];
  if (!reasons.some((r) => r.rule === rule)) reasons.push({ rule, detail, weight: WEIGHTS[rule].toFixed(2) });
  loans.set(loanId, reasons);
}

async function byReference(db: Executor, lines: readonly CandidateLine[], found: Found) {
  const wanted = new Map<string, { lineId: string; rule: CandidateRule }[]>();
  const want = (ref: string, lineId: string, rule: CandidateRule) => wanted.set(ref, [...(wanted.get(ref) ?? []), { lineId, rule }]);
  for (const line of lines) {
    const ref = normalReference(line.reference);
    if (ref === null) continue;
    want(ref, line.id, 'reference');
    for (const near of nearReferences(ref)) want(near, line.id, 'reference-near');
  }
  if (wanted.size === 0) return;
  const rows = await db.selectFrom('loans').select(['id', 'payment_reference']).where('payment_reference', 'in', [...wanted.keys()]).execute();
  for (const row of rows) for (const w of wanted.get(row.payment_reference!) ?? []) add(found, w.lineId, row.id, w.rule, row.payment_reference!);
}

async function byClabe(db: Executor, lines: readonly CandidateLine[], found: Found) {
  const clabes = [...new Set(lines.map((l) => l.beneficiaryClabe).filter((c): c is string => c !== null && /^[0-9]{18}$/.test(c)))];
  if (clabes.length === 0) return;
  const rows = await db.selectFrom('loans').select(['id', 'clabe']).where('clabe', 'in', clabes).execute();
  for (const row of rows) for (const line of lines) if (line.beneficiaryClabe === row.clabe) add(found, line.id, row.id, 'clabe', row.clabe!);
}

async function byInstallment(db: Executor, lines: readonly CandidateLine[], found: Found) {
  if (lines.length === 0) return;
  // Per line, through the index on the installment's amount: the open installments of active
  // loans due near the line's date owing exactly its amount, the nearest first.
  const { rows } = await sql<{ line_id: string; loan_id: string; installment: number; due_date: string; due: string }>`
    select x.line_id, i.loan_id, i.installment, i.due_date::text as due_date, i.due::text as due
    from unnest(${lines.map((l) => l.id)}::uuid[], ${lines.map((l) => l.amount)}::numeric[], ${lines.map((l) => l.valueDate)}::date[]) as x(line_id, amount, value_date)
    cross join lateral (
      select o.loan_id, o.installment, o.due_date, (o.principal + o.interest + o.iva + o.fees) as due
      from loan_open_installments o join loans l on l.id = o.loan_id and l.status = 'active'
      where (o.principal + o.interest + o.iva + o.fees) = x.amount
        and o.due_date between x.value_date - ${DUE_BEFORE_DAYS}::int and x.value_date + ${DUE_AFTER_DAYS}::int
      order by abs(o.due_date - x.value_date), o.loan_id
      limit ${MAX_CANDIDATES}
    ) i
  `.execute(db);
  for (const r of rows) add(found, r.line_id, r.loan_id, 'installment', `installment ${r.installment} due ${r.due_date}: ${new Dec(r.due).toFixed(2)}`);
}

async function byPayerName(db: Executor, lines: readonly CandidateLine[], found: Found) {
  const pairs = lines.flatMap((l) => payerWords(l.payerName).map((w) => [l.id, w] as const));
  if (pairs.length === 0) return;
  // The clients with at least two of the payer's words (all of them when the payer has one),
  // by how many of their name's words the payer has; their active loans.
  const { rows } = await sql<{ line_id: string; loan_id: string; hits: number; words: number; name: string }>`
    with payer as (
      select line_id, word, count(*) over (partition by line_id) as n
      from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::text[]) as x(line_id, word)
    ),
    hit as (
      select p.line_id, w.client_id, count(*)::int as hits
      from payer p join client_name_words w on w.word = p.word
      group by p.line_id, w.client_id, p.n
      having count(*) >= least(p.n, 2)
    ),
    ranked as (
      select h.*, row_number() over (partition by h.line_id order by h.hits desc, h.client_id) as rank from hit h
    )
    select r.line_id, l.id as loan_id, r.hits, (select count(*)::int from client_name_words cw where cw.client_id = r.client_id) as words, c.name_search as name
    from ranked r join clients c on c.id = r.client_id join loans l on l.client_id = r.client_id and l.status in ('active', 'pending')
    where r.rank <= ${MAX_CANDIDATES}
  `.execute(db);
  for (const r of rows) add(found, r.line_id, r.loan_id, 'payer-name', `${r.hits} of ${r.words} words of ${r.name}`);
}

function scoreOf(reasons: readonly CandidateReason[]): Dec {
  const miss = reasons.reduce((p, r) => p.times(new Dec(1).minus(r.weight)), new Dec(1));
  return new Dec(1).minus(miss);
}

/** The best candidate loans of each line (at most MAX_CANDIDATES, best first), by line id. */
export async function candidatesFor(db: Executor, lines: readonly CandidateLine[]): Promise<Map<string, Candidate[]>> {
  const found: Found = new Map();
  await byReference(db, lines, found);
  await byClabe(db, lines, found);
  await byInstallment(db, lines, found);
  await byPayerName(db, lines, found);
  const ranked = new Map<string, { loanId: string; score: Dec; reasons: CandidateReason[] }[]>();
  const loanIds = new Set<string>();
  for (const [lineId, loans] of found) {
    const best = [...loans]
      .map(([loanId, reasons]) => ({ loanId, reasons: reasons.sort((a, b) => Number(b.weight) - Number(a.weight)), score: scoreOf(reasons) }))
      .sort((a, b) => b.score.comparedTo(a.score) || a.loanId.localeCompare(b.loanId))
      .slice(0, MAX_CANDIDATES);
    ranked.set(lineId, best);
    for (const b of best) loanIds.add(b.loanId);
  }
  const info = new Map<string, { payment_reference: string | null; client_id: string | null; status: string; name: string | null }>();
  if (loanIds.size > 0) {
    const rows = await db
      .selectFrom('loans')
      .leftJoin('clients', 'clients.id', 'loans.client_id')
      .select(['loans.id', 'loans.payment_reference', 'loans.client_id', 'loans.status', 'clients.name_search as name'])
      .where('loans.id', 'in', [...loanIds])
      .execute();
    for (const r of rows) info.set(r.id, r);
  }
  const out = new Map<string, Candidate[]>();
  for (const line of lines) {
    out.set(
      line.id,
      (ranked.get(line.id) ?? []).map((b) => {
        const loan = info.get(b.loanId);
        return { loanId: b.loanId, paymentReference: loan?.payment_reference ?? null, clientId: loan?.client_id ?? null, clientName: loan?.name ?? null, status: loan?.status ?? 'unknown', score: b.score.toFixed(4), reasons: b.reasons };
      }),
    );
  }
  return out;
}
