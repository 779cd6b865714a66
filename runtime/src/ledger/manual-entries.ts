// Manual journal entries with maker-checker: funding, capital, expenses and adjustments. A maker
// proposes an entry (pending); another person approves it — which posts the journal entry
// (source 'manual') in the same transaction, audited with the rows it wrote — or rejects it with a
// reason. The checker is never the maker (403 `same-author`); an entry already decided answers
// 409 `manual-entry-not-pending`, so two approvals at once post it once (the row is locked).
// What an entry may be is checked when it is proposed (422, every problem by field path) and the
// period again when it is approved (409 `period-closed`): the database refuses any posting dated
// inside a closed period too.
import { Dec } from '@plazo/engine';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { hashOf } from '../audit/canonical-json.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import { isClosedPeriodRefusal, isUniqueViolation } from '../db/postgres-errors.ts';
import type { ManualEntryLine, ManualEntryRow, ManualEntryStatus } from '../db/tables/accounting.table.ts';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { actorNames, displayOf, type ActorNames } from '../products/actor-names.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { periodOf } from './accounting-periods.ts';
import { LOAN_ACCOUNTS } from '@plazo/engine';

/** The loan subledger (engine books): only loan postings move it, so Σ the loans' books equals the GL. */
const LOAN_SUBLEDGER_ACCOUNTS: ReadonlySet<string> = new Set(LOAN_ACCOUNTS);
import { firstOpenDay } from './posting-date.ts';
import { personIn, refuseMaker } from '../auth/maker-checker.ts';

/** A proposed entry as the API takes it (shapes already checked; amounts decimal strings). */
export interface ManualEntryInput {
  readonly date: string;
  readonly description: string;
  readonly currency: string;
  readonly lines: readonly { readonly account: string; readonly debit?: string | undefined; readonly credit?: string | undefined }[];
}

/** The most decimal places of a manual entry's amount: the currency's cents. */
export const MANUAL_ENTRY_DECIMALS = 2;
export const MIN_LINES = 2;


/** What the checks need to know of the ledger. */
export interface ManualEntryFacts {
  /** Account code → type (`ledger_accounts`). */
  readonly accounts: ReadonlyMap<string, string>;
  /** The first day open to postings (posting-date.ts); null while no period is closed. */
  readonly firstOpenDay: string | null;
  readonly today: string;
}

/**
 * Every problem of a proposed entry, by field path: at least two lines; each line a known account
 * outside the loan subledger, with one side greater than zero at most at cents; debits equal to
 * credits; memorandum accounts balanced among themselves; dated neither in the future nor inside
 * a closed period. Returns the lines with both sides written out.
 */
export function checkManualEntry(input: ManualEntryInput, facts: ManualEntryFacts): { problems: FieldProblem[]; lines: ManualEntryLine[] } {
  const problems: FieldProblem[] = [];
  if (input.date > facts.today) problems.push({ path: 'date', message: `must not be after today (${facts.today})` });
  else if (facts.firstOpenDay !== null && input.date < facts.firstOpenDay) {
    problems.push({ path: 'date', message: `falls in the closed period ${periodOf(input.date)}: the first open day is ${facts.firstOpenDay}` });
  }
  if (input.lines.length < MIN_LINES) problems.push({ path: 'lines', message: `an entry has at least ${MIN_LINES} lines` });
  const zero = new Dec(0);
  let debits = zero;
  let credits = zero;
  let memorandum = zero;
  let memorandumLines = 0;
  const lines: ManualEntryLine[] = [];
  input.lines.forEach((line, i) => {
    const at = `lines[${i}]`;
    const type = facts.accounts.get(line.account);
    if (type === undefined) problems.push({ path: `${at}.account`, message: `unknown account \`${line.account}\`` });
    else if (LOAN_SUBLEDGER_ACCOUNTS.has(line.account)) problems.push({ path: `${at}.account`, message: `\`${line.account}\` belongs to the loan subledger: only loan postings move it` });
    const amount = (side: 'debit' | 'credit') => {
      const text = line[side] ?? '0';
      const value = new Dec(text);
      if (value.decimalPlaces() > MANUAL_ENTRY_DECIMALS) problems.push({ path: `${at}.${side}`, message: `at most ${MANUAL_ENTRY_DECIMALS} decimal places` });
      return value;
    };
    const debit = amount('debit');
    const credit = amount('credit');
    if (debit.isZero() === credit.isZero()) {
      problems.push({ path: at, message: debit.isZero() ? 'one of debit or credit must be greater than zero' : 'a line is a debit or a credit, not both' });
    }
    debits = debits.plus(debit);
    credits = credits.plus(credit);
    if (type === 'memorandum') {
      memorandumLines++;
      memorandum = memorandum.plus(debit).minus(credit);
    }
    lines.push({ account: line.account, debit: debit.toFixed(MANUAL_ENTRY_DECIMALS), credit: credit.toFixed(MANUAL_ENTRY_DECIMALS) });
  });
  if (!debits.equals(credits)) {
    problems.push({ path: 'lines', message: `debits (${debits.toFixed(MANUAL_ENTRY_DECIMALS)}) and credits (${credits.toFixed(MANUAL_ENTRY_DECIMALS)}) must be equal` });
  } else if (memorandumLines > 0 && !memorandum.isZero()) {
    problems.push({ path: 'lines', message: 'memorandum accounts (cuentas de orden) must balance among themselves' });
  }
  return { problems, lines };
}

/** The entry as the API shows it. */
export function manualEntryJson(row: ManualEntryRow, names: ActorNames) {
  return {
    id: row.id,
    status: row.status,
    date: row.entry_date,
    description: row.description,
    currency: row.currency,
    lines: row.lines,
    maker: row.maker,
    makerDisplay: displayOf(names, row.maker),
    createdBy: row.created_by,
    createdByDisplay: displayOf(names, row.created_by),
    createdAt: row.created_at,
    decidedBy: row.checker,
    decidedByDisplay: row.checker === null ? null : displayOf(names, row.checker),
    decidedAt: row.decided_at,
    reason: row.reason,
    journalEntryId: row.journal_entry_id,
  };
}

export type ManualEntryJson = ReturnType<typeof manualEntryJson>;

async function withNames(db: Executor, rows: readonly ManualEntryRow[]): Promise<ManualEntryJson[]> {
  const names = await actorNames(db, rows.flatMap((r) => [r.maker, r.created_by, r.checker]));
  return rows.map((r) => manualEntryJson(r, names));
}

/** Entries newest first, of one status or all, at most `limit`. */
export async function listManualEntries(db: Executor, status: ManualEntryStatus | undefined, limit = 200): Promise<ManualEntryJson[]> {
  let q = db.selectFrom('manual_entries').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (status) q = q.where('status', '=', status);
  return withNames(db, await q.execute());
}

export async function getManualEntry(db: Executor, id: string): Promise<ManualEntryJson> {
  const row = await db.selectFrom('manual_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('manual entry', id);
  return (await withNames(db, [row]))[0]!;
}

/** The entry first proposed with this key (a resend), or undefined; 409 `idempotency-key-reused` for another body. */
async function replayOf(db: Executor, key: string, requestHash: string): Promise<ManualEntryJson | undefined> {
  const first = await db.selectFrom('manual_entries').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
  if (!first) return undefined;
  if (first.request_hash !== requestHash) {
    throw new ConflictError('idempotency-key-reused', 'this Idempotency-Key was used for a different manual entry', { idempotencyKey: key, manualEntryId: first.id });
  }
  return (await withNames(db, [first]))[0]!;
}

/**
 * Proposes an entry (pending). The same Idempotency-Key and body again return the first entry
 * (`replayed`); the key with another body is 409 `idempotency-key-reused`. Nothing is written
 * when a check fails (422 `validation-failed`, details by path).
 */
export async function proposeManualEntry(
  db: Kysely<Database>,
  input: ManualEntryInput,
  idempotencyKey: string,
  ctx: WriteContext & { readonly today: string },
): Promise<{ manualEntry: ManualEntryJson; replayed: boolean }> {
  const requestHash = hashOf(input);
  const first = await replayOf(db, idempotencyKey, requestHash);
  if (first) return { manualEntry: first, replayed: true };
  const accounts = new Map((await db.selectFrom('ledger_accounts').select(['code', 'type']).execute()).map((a) => [a.code, a.type]));
  const { problems, lines } = checkManualEntry(input, { accounts, firstOpenDay: await firstOpenDay(db), today: ctx.today });
  if (problems.length > 0) throw new ValidationError(problems, 'the manual entry is not valid');
  try {
    const row = await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('manual_entries')
        .values({
          id: uuidv7(),
          entry_date: input.date,
          description: input.description,
          currency: input.currency,
          lines: JSON.stringify(lines),
          status: 'pending',
          maker: personIn(ctx),
          idempotency_key: idempotencyKey,
          request_hash: requestHash,
          created_at: ctx.at,
          created_by: ctx.actor,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'propose',
        entityType: 'manual-entry',
        entityId: inserted.id,
        before: null,
        after: { date: inserted.entry_date, description: inserted.description, currency: inserted.currency, lines, maker: inserted.maker },
        details: { date: inserted.entry_date, lines: lines.length, total: totalOf(lines) },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
      });
      return inserted;
    });
    return { manualEntry: (await withNames(db, [row]))[0]!, replayed: false };
  } catch (error) {
    // The same key sent twice at once: the unique index refuses the second, which replays the first.
    if (isUniqueViolation(error)) {
      const again = await replayOf(db, idempotencyKey, requestHash);
      if (again) return { manualEntry: again, replayed: true };
    }
    throw error;
  }
}

const totalOf = (lines: readonly ManualEntryLine[]) => lines.reduce((a, l) => a.plus(l.debit), new Dec(0)).toFixed(MANUAL_ENTRY_DECIMALS);

/** Locks a pending entry for its decision: 404, 409 when already decided, 403 for its maker. */
async function pendingForDecision(tx: Executor, id: string, ctx: WriteContext, what: 'approve' | 'reject'): Promise<ManualEntryRow> {
  const row = await tx.selectFrom('manual_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('manual entry', id);
  if (row.status !== 'pending') {
    throw new ConflictError('manual-entry-not-pending', `the manual entry is already ${row.status}`, { status: row.status, decidedBy: row.checker, journalEntryId: row.journal_entry_id });
  }
  refuseMaker(row.maker, ctx, `the person who proposed the manual entry may not ${what} it`);
  return row;
}

function periodClosed(date: string, firstOpen: string | null): AppError {
  return new ConflictError('period-closed', `the entry is dated ${date}, inside the closed period ${periodOf(date)}; propose it again on an open date`, {
    period: periodOf(date),
    firstOpenDay: firstOpen,
  });
}

/**
 * Approves a pending entry: posts its journal entry (source 'manual', dated on the entry's date)
 * and records the approval, with the audit entry binding the rows posted, in one transaction.
 * 409 `period-closed` when its month closed since it was proposed.
 */
export async function approveManualEntry(db: Kysely<Database>, id: string, ctx: WriteContext): Promise<ManualEntryJson> {
  try {
    const row = await db.transaction().execute(async (tx) => {
      const entry = await pendingForDecision(tx, id, ctx, 'approve');
      const firstOpen = await firstOpenDay(tx);
      if (firstOpen !== null && entry.entry_date < firstOpen) throw periodClosed(entry.entry_date, firstOpen);
      const journal = {
        id: uuidv7(),
        entry_date: entry.entry_date,
        description: entry.description,
        currency: entry.currency,
        loan_id: null,
        loan_event_seq: null,
        source: 'manual' as const,
        created_at: ctx.at,
        created_by: ctx.actor,
      };
      const lines = entry.lines.map((l, i) => ({ entry_id: journal.id, line_no: i + 1, account_code: l.account, debit: l.debit, credit: l.credit, created_at: ctx.at, created_by: ctx.actor }));
      await tx.insertInto('journal_entries').values(journal).execute();
      await tx.insertInto('journal_lines').values(lines).execute();
      const decided = await tx
        .updateTable('manual_entries')
        .set({ status: 'approved', checker: personIn(ctx), decided_at: ctx.at, journal_entry_id: journal.id })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'approve',
        entityType: 'manual-entry',
        entityId: id,
        before: { status: entry.status },
        after: { status: decided.status, checker: decided.checker, journalEntryId: journal.id },
        details: { journalEntryId: journal.id, date: entry.entry_date, maker: entry.maker, total: totalOf(entry.lines) },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
        bound: bindRows([['journal_entries', journal], ...lines.map((l) => ['journal_lines', l] as const)]),
      });
      return decided;
    });
    return (await withNames(db, [row]))[0]!;
  } catch (error) {
    // A period closed between the check and the insert: the database refused the posting.
    if (isClosedPeriodRefusal(error)) {
      const entry = await db.selectFrom('manual_entries').select('entry_date').where('id', '=', id).executeTakeFirstOrThrow();
      throw periodClosed(entry.entry_date, await firstOpenDay(db));
    }
    throw error;
  }
}

/** Rejects a pending entry with the checker's reason; nothing is posted. */
export async function rejectManualEntry(db: Kysely<Database>, id: string, reason: string, ctx: WriteContext): Promise<ManualEntryJson> {
  const row = await db.transaction().execute(async (tx) => {
    const entry = await pendingForDecision(tx, id, ctx, 'reject');
    const decided = await tx
      .updateTable('manual_entries')
      .set({ status: 'rejected', checker: personIn(ctx), decided_at: ctx.at, reason })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'reject',
      entityType: 'manual-entry',
      entityId: id,
      before: { status: entry.status },
      after: { status: decided.status, checker: decided.checker, reason },
      details: { date: entry.entry_date, maker: entry.maker, reason },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return decided;
  });
  return (await withNames(db, [row]))[0]!;
}
