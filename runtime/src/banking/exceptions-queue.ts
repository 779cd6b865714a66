// The exceptions queue (issue 16): the open exception lines — credits the import could not apply,
// their money held in 2210 — oldest first, filtered and paged by a keyset cursor over the
// partial index on open exceptions, each with its candidate loans; and the totals of the
// filtered set (count and the amount still held: the lines' share of the 2210 balance).
import { Dec } from '@plazo/engine';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { candidatesFor, type Candidate } from './exception-candidates.ts';
import { lineJson } from './statement-line-view.ts';

export interface QueueFilter {
  readonly bankAccountId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly minAmount?: string | undefined;
  readonly maxAmount?: string | undefined;
  /** Text in the reference, the payer's name or the description (case-insensitive). */
  readonly q?: string | undefined;
}

export interface QueuePage extends QueueFilter {
  readonly limit: number;
  /** `nextAfter` of the previous page. */
  readonly after?: string | undefined;
  /** Leave out the candidates (the bare queue). */
  readonly candidates?: boolean | undefined;
}

export const QUEUE_LIMIT_MAX = 200;

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(f: QueueFilter) {
  return (eb: ExpressionBuilder<Database, 'bank_statement_lines'>): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [eb('bank_statement_lines.status', '=', 'exception')];
    if (f.bankAccountId) where.push(eb('bank_statement_lines.bank_account_id', '=', f.bankAccountId));
    if (f.from) where.push(eb('bank_statement_lines.value_date', '>=', f.from));
    if (f.to) where.push(eb('bank_statement_lines.value_date', '<=', f.to));
    if (f.minAmount) where.push(eb('bank_statement_lines.amount', '>=', f.minAmount));
    if (f.maxAmount) where.push(eb('bank_statement_lines.amount', '<=', f.maxAmount));
    if (f.q) {
      const like = likeText(f.q);
      where.push(eb.or([eb('bank_statement_lines.reference', 'ilike', like), eb('bank_statement_lines.payer_name', 'ilike', like), eb('bank_statement_lines.description', 'ilike', like)]));
    }
    return eb.and(where);
  };
}

function parseAfter(after: string): { date: string; id: string } {
  const m = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/.exec(after);
  if (!m) throw new ValidationError([{ path: 'after', message: 'the `nextAfter` of the previous page' }]);
  return { date: m[1]!, id: m[2]! };
}

/** What 2210 holds for an exception line (statement-line-view.ts `openAmountOf`, in SQL). */
const heldSql = sql<string>`coalesce(bank_statement_lines.exception_amount, bank_statement_lines.amount - coalesce((select sum(a.amount) from bank_line_applications a where a.line_id = bank_statement_lines.id and a.reversed_at is null), 0))`;

export async function exceptionsQueue(db: Executor, page: QueuePage) {
  if (page.from && page.to && page.from > page.to) throw new ValidationError([{ path: 'to', message: 'must not be before `from`' }]);
  if (page.minAmount && page.maxAmount && new Dec(page.minAmount).gt(page.maxAmount)) throw new ValidationError([{ path: 'maxAmount', message: 'must not be less than `minAmount`' }]);
  let query = db.selectFrom('bank_statement_lines').selectAll().where(filtered(page));
  if (page.after) {
    const a = parseAfter(page.after);
    query = query.where(sql<SqlBool>`(bank_statement_lines.value_date, bank_statement_lines.id) > (${a.date}::date, ${a.id}::uuid)`);
  }
  const rows = await query.orderBy('value_date').orderBy('id').limit(page.limit + 1).execute();
  const more = rows.length > page.limit;
  const lines = rows.slice(0, page.limit);
  const totals = await db
    .selectFrom('bank_statement_lines')
    .select([sql<number>`count(*)::int`.as('count'), sql<string>`coalesce(sum(${heldSql}), 0)::text`.as('amount')])
    .where(filtered(page))
    .executeTakeFirstOrThrow();
  const candidates =
    page.candidates === false
      ? null
      : await candidatesFor(
          db,
          lines.map((l) => ({ id: l.id, valueDate: l.value_date, amount: l.amount, reference: l.reference, beneficiaryClabe: l.beneficiary_clabe, payerName: l.payer_name })),
        );
  return {
    exceptions: lines.map((l) => {
      const { applications: _omit, ...json } = lineJson(l, []);
      return { ...json, candidates: candidates?.get(l.id) ?? ([] as Candidate[]) };
    }),
    totals: { count: totals.count, amount: new Dec(totals.amount).toFixed(2) },
    nextAfter: more ? `${lines.at(-1)!.value_date}_${lines.at(-1)!.id}` : null,
  };
}
