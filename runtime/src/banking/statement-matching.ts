// Which loan a bank credit pays (issue 16), for a batch of lines at a time (three queries per
// batch, whatever its size):
// 1. reference: the line's reference (letters and digits, upper case) equals a loan's
//    `payment_reference`, or does once the zeros a bank pads it with on the left are dropped
//    (`0001234567` finds `1234567`): score 1;
// 2. clabe: the line's beneficiary CLABE is a loan's own CLABE: score 1;
// 3. amount-date-name: active loans with an open installment whose amount due (principal +
//    interest + IVA + fees) equals the line's amount and whose due date is within
//    `dateWindowDays` of the value date; each scored
//      0.40 (the amount equals the installment due: always, it is how candidates are found)
//    + 0.30 × (1 − |days from the due date| / (dateWindowDays + 1))
//    + 0.30 × the similarity of the payer's name to the client's (the engine's screening name
//      score; 0 without a payer name),
//    and applied only when the best score is at least `minScore` (default 0.90: the name must
//    agree and the date be close) and beats the runner-up by at least `margin` (default 0.10).
//    Without a payer name no line reaches the default threshold: it stays an exception.
import { Dec, screeningScore } from '@plazo/engine';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { BankLineExceptionReason, BankLineMatchRule } from '../db/tables/bank.table.ts';
import type { StatementLine } from './statement-line.ts';

export interface MatchSettings {
  /** The least score an amount/date/name match is applied with, in [0, 1]. */
  readonly minScore: number;
  /** How far (days) from an installment's due date a payment of its amount is looked for. */
  readonly dateWindowDays: number;
  /** How much the best candidate must beat the runner-up by. */
  readonly margin: number;
}

export const DEFAULT_MATCH_SETTINGS: MatchSettings = { minScore: 0.9, dateWindowDays: 5, margin: 0.1 };

export interface MatchedLoan {
  readonly loanId: string;
  readonly paymentReference: string | null;
  readonly status: string;
  /** What the loan owed after its last event (loans.state.outstanding), for the preview. */
  readonly outstanding: string | null;
}

export interface LineMatch {
  readonly loan: MatchedLoan | null;
  readonly rule: BankLineMatchRule | null;
  /** In [0, 1] to 4 places; null without a candidate. */
  readonly score: string | null;
  /** Why the line is no match (null when it matched). */
  readonly reason: Extract<BankLineExceptionReason, 'no-match' | 'ambiguous' | 'low-score'> | null;
  /** The score's components and the runner-up, for the preview and the exceptions queue. */
  readonly details: Record<string, unknown> | null;
}

/** Does the matching look at this line? Credits that moved money and return nothing. */
export function isPayment(line: StatementLine): boolean {
  return line.direction === 'credit' && line.outcome !== 'rejected' && line.returnOf === undefined;
}

const stripZeros = (ref: string) => ref.replace(/^0+(?=.)/, '');

type LoanHit = { id: string; payment_reference: string | null; clabe: string | null; status: string; outstanding: string | null };

function matchedLoan(row: LoanHit): MatchedLoan {
  return { loanId: row.id, paymentReference: row.payment_reference, status: row.status, outstanding: row.outstanding };
}

const NO_MATCH: LineMatch = { loan: null, rule: null, score: null, reason: 'no-match', details: null };
const score4 = (n: number) => new Dec(n).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4);

/** The match of each line (same order); lines that are not payments get NO_MATCH. */
export async function matchLines(db: Executor, lines: readonly StatementLine[], settings: MatchSettings = DEFAULT_MATCH_SETTINGS): Promise<LineMatch[]> {
  const payments = lines.map((l, i) => ({ l, i })).filter(({ l }) => isPayment(l));
  const refs = new Set<string>();
  const clabes = new Set<string>();
  for (const { l } of payments) {
    if (l.reference) {
      refs.add(l.reference);
      refs.add(stripZeros(l.reference));
    }
    if (l.beneficiaryClabe) clabes.add(l.beneficiaryClabe);
  }
  const select = sql<LoanHit>`select id, payment_reference, clabe, status, state->>'outstanding' as outstanding from loans`;
  const byRef = new Map<string, LoanHit>();
  const byClabe = new Map<string, LoanHit>();
  if (refs.size > 0) for (const r of (await sql<LoanHit>`${select} where payment_reference = any(${[...refs]}::text[])`.execute(db)).rows) byRef.set(r.payment_reference!, r);
  if (clabes.size > 0) for (const r of (await sql<LoanHit>`${select} where clabe = any(${[...clabes]}::text[])`.execute(db)).rows) byClabe.set(r.clabe!, r);

  const result: LineMatch[] = lines.map(() => NO_MATCH);
  const rest: { l: StatementLine; i: number }[] = [];
  for (const { l, i } of payments) {
    const hit = (l.reference && (byRef.get(l.reference) ?? byRef.get(stripZeros(l.reference)))) || undefined;
    if (hit) result[i] = { loan: matchedLoan(hit), rule: 'reference', score: '1.0000', reason: null, details: { reference: l.reference } };
    else if (l.beneficiaryClabe && byClabe.has(l.beneficiaryClabe)) result[i] = { loan: matchedLoan(byClabe.get(l.beneficiaryClabe)!), rule: 'clabe', score: '1.0000', reason: null, details: { clabe: l.beneficiaryClabe } };
    else rest.push({ l, i });
  }
  if (rest.length === 0) return result;

  const n = settings.dateWindowDays;
  const values = sql.join(rest.map(({ l, i }) => sql`(${i}::int, ${l.amount}::numeric, ${l.valueDate}::date)`));
  const candidates = await sql<{ idx: number; loan_id: string; payment_reference: string | null; status: string; outstanding: string | null; due_date: string; days: number; name_search: string | null }>`
    select l.idx, oi.loan_id, lo.payment_reference, lo.status, lo.state->>'outstanding' as outstanding, oi.due_date::text as due_date,
      abs(oi.due_date - l.d) as days, c.name_search
    from (values ${values}) as l (idx, amount, d)
    join loan_open_installments oi on (oi.principal + oi.interest + oi.iva + oi.fees) = l.amount and oi.due_date between l.d - ${n}::int and l.d + ${n}::int
    join loans lo on lo.id = oi.loan_id and lo.status = 'active'
    left join clients c on c.id = lo.client_id
  `.execute(db);
  const perLine = new Map<number, typeof candidates.rows>();
  for (const c of candidates.rows) {
    const list = perLine.get(c.idx) ?? [];
    list.push(c);
    perLine.set(c.idx, list);
  }
  for (const { l, i } of rest) {
    const found = perLine.get(i);
    if (!found) continue;
    // One score per loan: its closest installment.
    const best = new Map<string, { c: (typeof found)[number]; score: number; components: Record<string, number> }>();
    for (const c of found) {
      const date = 1 - Number(c.days) / (n + 1);
      const name = l.payerName && c.name_search ? screeningScore({ name: l.payerName }, { name: c.name_search }).nameScore : 0;
      const components = { amount: 0.4, date: 0.3 * date, name: 0.3 * name };
      const score = components.amount + components.date + components.name;
      const seen = best.get(c.loan_id);
      if (!seen || score > seen.score) best.set(c.loan_id, { c, score, components });
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score);
    const top = ranked[0]!;
    const runnerUp = ranked[1];
    const details = {
      dueDate: top.c.due_date,
      components: Object.fromEntries(Object.entries(top.components).map(([k, v]) => [k, score4(v)])),
      candidates: ranked.length,
      ...(runnerUp ? { runnerUp: { loanId: runnerUp.c.loan_id, score: score4(runnerUp.score) } } : {}),
    };
    const loan = matchedLoan({ id: top.c.loan_id, payment_reference: top.c.payment_reference, clabe: null, status: top.c.status, outstanding: top.c.outstanding });
    const score = score4(top.score);
    const clear = runnerUp === undefined || top.score - runnerUp.score >= settings.margin;
    if (top.score >= settings.minScore && clear) result[i] = { loan, rule: 'amount-date-name', score, reason: null, details };
    else result[i] = { loan: null, rule: 'amount-date-name', score, reason: top.score >= settings.minScore ? 'ambiguous' : 'low-score', details: { ...details, loanId: top.c.loan_id } };
  }
  return result;
}
