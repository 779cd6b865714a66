// Importing a bank statement (issue 16): the upload is spooled to a temporary file as it streams
// in (hashed on the way: the file's identity), read once through its format's parser to check it
// whole (a bad file is a 422 naming the line and field, and writes nothing), then read again in
// batches of lines; each batch is matched (statement-matching.ts) and written in ONE transaction:
//   - each line is claimed by inserting it (`on conflict do nothing` on the line's id, derived from
//     the bank account and tracking key, and on the unique (bank_account_id, tracking_key)): a line
//     another import or an earlier one claimed is a duplicate and is not touched;
//   - each claimed credit that matched a loan becomes a loan payment in the same transaction,
//     dated the line's value date, idempotency key `bank-line:<lineId>`: the batch's payments
//     are built and written together (appendLoanEventsInTransaction: the batch's loans locked
//     and read in one statement, every event, entry, loan row and audit entry written in one),
//     two lines to one loan in line order; a payment the loan refuses leaves the line an
//     exception with the reason; one larger than the loan takes applies the payoff and holds the rest;
//   - each exception's money goes to the suspense account: Dr the bank account's ledger account /
//     Cr 2210, one entry per value date of the batch, named by its lines' suspense_entry_id;
//   - one audit entry in the statement's stream says what the batch did.
// The transaction unit is the batch (default 200 lines): per line, 100,000 lines would be
// 100,000 commits (each an fsync) and as many audit entries; per file, one failure would undo
// hours and hold every loan's lock to the end. A batch commits whole or not at all, so a crash
// (SIGKILL) leaves each line applied once or absent; the re-import of the same file finds the
// statement (unique per bank account and file hash) still `importing`, claims the absent lines,
// skips the present ones and finishes it. Two concurrent imports of one file share the statement
// and each line's claim: the second waits on the first's uncommitted claim and then skips it.
// Up to `concurrency` batches (default 1) can be written at once on their own connections; a
// deadlock between two is retried.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Dec } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import { isTransientConflict } from '../db/postgres-errors.ts';
import type { BankLineExceptionReason, BankLineStatus } from '../db/tables/bank.table.ts';
import { AppError, NotFoundError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { postingDates, firstOpenDay } from '../ledger/posting-date.ts';
import { paymentRequest } from '../servicing/loan-event-requests.ts';
import { appendLoanEventsInTransaction, type LoanWriteContext } from '../servicing/loan-servicing.ts';
import { statementParser } from './formats/index.ts';
import { SUSPENSE_ACCOUNT, type WrittenRow } from './suspense.ts';
import { layoutOptionProblems } from './bank-setup.ts';
import { DEFAULT_MATCH_SETTINGS, isPayment, matchLines, type LineMatch, type MatchSettings } from './statement-matching.ts';
import { StatementFormatError, type StatementFormat, type StatementLine, type StatementSummary } from './statement-line.ts';

/** The suspense account of bank money not yet applied (migration 2026-12-11-20). */
/** The largest statement file accepted. */
export const STATEMENT_MAX_BYTES = 256 * 1024 * 1024;
export const DEFAULT_BATCH_SIZE = 200;

export interface StatementSource {
  readonly bankAccountId: string;
  readonly format: StatementFormat;
  readonly layoutId?: string | undefined;
  readonly fileName: string;
}

export interface ImportSettings extends MatchSettings {
  readonly batchSize: number;
  /**
   * Batches written at once, each on its own connection (their claims keep each line once). Default
   * 1: with more, of two lines with one tracking key in batches in flight together the later may
   * be the one kept; and on a loaded database it measured no faster.
   */
  readonly concurrency: number;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { ...DEFAULT_MATCH_SETTINGS, batchSize: DEFAULT_BATCH_SIZE, concurrency: 1 };

/** Times a batch the database rolled back as a deadlock or serialization failure is run again. */
const BATCH_ATTEMPTS = 5;

/** A spooled upload: its temporary file, SHA-256 and size; `remove` deletes it. */
export interface SpooledFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  remove(): Promise<void>;
}

/** Writes the upload to a temporary file as it arrives, hashing it; 413 past `maxBytes`, 422 when empty. */
export async function spoolUpload(body: AsyncIterable<Uint8Array> | Readable, maxBytes = STATEMENT_MAX_BYTES): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'plazo-statement-'));
  const path = join(dir, 'upload');
  const hash = createHash('sha256');
  let size = 0;
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(
      body instanceof Readable ? body : Readable.from(body),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new AppError(413, 'payload-too-large', `the statement exceeds ${maxBytes} bytes`, { maxBytes }));
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      createWriteStream(path),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  if (size === 0) {
    await remove();
    throw new ValidationError([{ path: 'file', message: 'the statement file is empty' }]);
  }
  return { path, sha256: hash.digest('hex'), size, remove };
}

type AccountRow = { id: string; ledger_account: string; currency: string };

/** The bank account, the parser and its options for a source; 404/422 naming the field. */
async function sourceOf(db: Executor, source: StatementSource) {
  const account = (await db.selectFrom('bank_accounts').select(['id', 'ledger_account', 'currency']).where('id', '=', source.bankAccountId).executeTakeFirst()) as AccountRow | undefined;
  if (!account) throw new NotFoundError('bank account', source.bankAccountId);
  const parser = statementParser(source.format);
  if (!parser) throw new ValidationError([{ path: 'format', message: `no parser reads ${source.format} files yet` }]);
  let options: unknown = {};
  if (source.layoutId) {
    const layout = await db.selectFrom('bank_file_layouts').select(['format', 'options']).where('id', '=', source.layoutId).executeTakeFirst();
    if (!layout) throw new NotFoundError('bank file layout', source.layoutId);
    if (layout.format !== source.format) throw new ValidationError([{ path: 'layoutId', message: `the layout is for ${layout.format} files, not ${source.format}` }]);
    options = layout.options;
    const problems = layoutOptionProblems(layout.format, options);
    if (problems.length > 0) throw new ValidationError(problems.map((p) => ({ path: `layoutId (${p.path})`, message: p.message })));
  } else if (source.format === 'csv') throw new ValidationError([{ path: 'layoutId', message: 'a CSV/TXT statement is read through a saved layout' }]);
  return { account, parser, options };
}

/** A format error as the API says it: 422 `statement-format` with `details: [{ path: 'line 12 (amount)', … }]`. */
function formatRefusal(error: StatementFormatError): AppError {
  const path = `line ${error.lineNo}${error.field ? ` (${error.field})` : ''}`;
  return new AppError(422, 'statement-format', `the file cannot be read: ${error.message}`, [{ path, message: error.message.replace(/^line \d+( \([^)]*\))?: /, ''), line: error.lineNo, field: error.field ?? null }]);
}

/** Reads the file through the parser in batches; the summary at the end. */
async function readBatches(file: string, parser: NonNullable<ReturnType<typeof statementParser>>, options: unknown, size: number, each: (batch: StatementLine[]) => Promise<void>): Promise<{ summary: StatementSummary; lines: number }> {
  const lines = parser.parse(createReadStream(file, { highWaterMark: 64 * 1024 }), options);
  let batch: StatementLine[] = [];
  let count = 0;
  try {
    for (;;) {
      const next = await lines.next();
      if (next.done) {
        if (batch.length > 0) await each(batch);
        return { summary: next.value, lines: count };
      }
      count++;
      batch.push(next.value);
      if (batch.length >= size) {
        await each(batch);
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof StatementFormatError) throw formatRefusal(error);
    throw error;
  }
}

/** A line's id: derived from its bank account and tracking key, so every import of the movement names the same line. */
export function statementLineId(bankAccountId: string, trackingKey: string): string {
  const h = createHash('sha256').update(`${bankAccountId}\u001f${trackingKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The keys of lines the bank account has already (read only: the preview, and the import's shortcut). */
async function knownKeys(db: Executor, bankAccountId: string, lines: readonly StatementLine[]): Promise<Set<string>> {
  const rows = await db.selectFrom('bank_statement_lines').select('tracking_key').where('bank_account_id', '=', bankAccountId).where('tracking_key', 'in', lines.map((l) => l.trackingKey)).execute();
  return new Set(rows.map((r) => r.tracking_key));
}

// ——— Preview ———

export interface PreviewLine {
  readonly lineNo: number;
  readonly trackingKey: string;
  readonly valueDate: string;
  readonly direction: 'credit' | 'debit';
  readonly amount: string;
  readonly reference: string | null;
  readonly payerName: string | null;
  readonly description: string | null;
  /** What the import would do: `apply` to the loan, hold as an `exception`, skip as a `duplicate`, store as `other` (a debit, a return) or `rejected`. */
  readonly outcome: 'apply' | 'exception' | 'duplicate' | 'other' | 'rejected';
  readonly loanId: string | null;
  readonly paymentReference: string | null;
  readonly rule: string | null;
  readonly score: string | null;
  readonly amountToApply: string | null;
  readonly remainder: string | null;
  readonly exceptionReason: BankLineExceptionReason | null;
  readonly matchDetails: Record<string, unknown> | null;
}

export interface PreviewCounts {
  lines: number;
  apply: number;
  exception: number;
  duplicate: number;
  other: number;
  rejected: number;
  amountToApply: string;
  amountToSuspense: string;
}

function previewLine(line: StatementLine, match: LineMatch, duplicate: boolean): PreviewLine {
  const base = {
    lineNo: line.lineNo, trackingKey: line.trackingKey, valueDate: line.valueDate, direction: line.direction, amount: line.amount,
    reference: line.reference ?? null, payerName: line.payerName ?? null, description: line.description ?? null,
    loanId: match.loan?.loanId ?? (match.details?.['loanId'] as string | undefined) ?? null, paymentReference: match.loan?.paymentReference ?? null,
    rule: match.rule, score: match.score, matchDetails: match.details,
  };
  const none = { amountToApply: null, remainder: null, exceptionReason: null };
  if (duplicate) return { ...base, ...none, outcome: 'duplicate' };
  if (line.outcome === 'rejected') return { ...base, ...none, outcome: 'rejected' };
  if (!isPayment(line)) return { ...base, ...none, outcome: 'other' };
  if (!match.loan) return { ...base, ...none, outcome: 'exception', remainder: line.amount, exceptionReason: match.reason };
  if (match.loan.status !== 'active') return { ...base, ...none, outcome: 'exception', remainder: line.amount, exceptionReason: 'payment-refused', matchDetails: { ...match.details, loanStatus: match.loan.status } };
  const owed = match.loan.outstanding === null ? null : new Dec(match.loan.outstanding);
  if (owed !== null && owed.lt(line.amount)) {
    if (owed.lte(0)) return { ...base, ...none, outcome: 'exception', remainder: line.amount, exceptionReason: 'payment-refused' };
    return { ...base, outcome: 'apply', amountToApply: owed.toFixed(2), remainder: new Dec(line.amount).minus(owed).toFixed(2), exceptionReason: 'over-payment' };
  }
  return { ...base, outcome: 'apply', amountToApply: line.amount, remainder: null, exceptionReason: null };
}

/**
 * The import without writing: each line's match (loan, rule, score), what would be applied and
 * held (the amount a loan takes is judged by what it owed after its last event; the import asks
 * the loan itself), the counts, and the first `limit` lines (from `offset`).
 */
export async function previewStatement(db: Executor, source: StatementSource, file: SpooledFile, settings: ImportSettings, page: { offset: number; limit: number }) {
  const { account, parser, options } = await sourceOf(db, source);
  const counts: PreviewCounts = { lines: 0, apply: 0, exception: 0, duplicate: 0, other: 0, rejected: 0, amountToApply: '0.00', amountToSuspense: '0.00' };
  let toApply = new Dec(0);
  let toSuspense = new Dec(0);
  const lines: PreviewLine[] = [];
  const seen = new Set<string>();
  const { summary } = await readBatches(file.path, parser, options, settings.batchSize, async (batch) => {
    const known = await knownKeys(db, account.id, batch);
    const matches = await matchLines(db, batch, settings);
    batch.forEach((line, i) => {
      const duplicate = known.has(line.trackingKey) || seen.has(line.trackingKey);
      seen.add(line.trackingKey);
      const p = previewLine(line, matches[i]!, duplicate);
      counts.lines++;
      counts[p.outcome]++;
      if (p.amountToApply) toApply = toApply.plus(p.amountToApply);
      if (p.remainder) toSuspense = toSuspense.plus(p.remainder);
      if (counts.lines > page.offset && lines.length < page.limit) lines.push(p);
    });
  });
  counts.amountToApply = toApply.toFixed(2);
  counts.amountToSuspense = toSuspense.toFixed(2);
  return { fileName: source.fileName, sha256: file.sha256, summary, counts, lines, offset: page.offset, limit: page.limit };
}

// ——— Import ———

/** What one claimed line became within its batch. */
interface LineOutcome {
  status: BankLineStatus;
  reason: BankLineExceptionReason | null;
  held: string | null;
  details: Record<string, unknown> | null;
  application: { loanId: string; paymentId: string; amount: string } | null;
}

/** A line's payment of `amount` to its loan: idempotency key `bank-line:<lineId>`, `:<n>` for the n-th retry with another amount. */
function linePayment(lineId: string, line: StatementLine, amount: string, n: number) {
  const key = n === 0 ? `bank-line:${lineId}` : `bank-line:${lineId}:${n}`;
  return paymentRequest({ amount, date: line.valueDate, ...(line.reference ? { reference: line.reference } : {}), method: 'transfer' }, key);
}

/** What a payment larger than the loan's payoff becomes: the payoff (when the loan owes something less than the line), the rest held. */
function payoffPart(line: StatementLine, refusal: AppError): string | undefined {
  if (refusal.code !== 'payment-exceeds-payoff') return undefined;
  const payoff = new Dec(((refusal.details as { payoff?: string }[])[0]?.payoff ?? '0'));
  return payoff.gt(0) && payoff.lt(line.amount) ? payoff.toFixed(2) : undefined;
}

/**
 * Applies the batch's matched lines to their loans in one go (appendLoanEventsInTransaction: the
 * same posting as a single payment, a few statements for the batch), in line order — two lines
 * to one loan, the second sees the first. A line the loan refuses is an exception with the
 * refusal; one larger than the loan's payoff applies the payoff and holds the rest.
 */
async function applyLines(tx: Executor, lines: readonly { id: string; line: StatementLine; match: LineMatch }[], ctx: LoanWriteContext): Promise<Map<string, LineOutcome>> {
  const outcomes = new Map<string, LineOutcome>();
  const exception = (reason: BankLineExceptionReason, held: string, details: Record<string, unknown> | null, application: LineOutcome['application'] = null): LineOutcome => ({ status: 'exception', reason, held, details, application });
  const payable: { id: string; line: StatementLine; match: LineMatch; loanId: string }[] = [];
  for (const l of lines) {
    if (l.match.loan) payable.push({ ...l, loanId: l.match.loan.loanId });
    else outcomes.set(l.id, exception(l.match.reason ?? 'no-match', l.line.amount, l.match.details));
  }
  const results = await appendLoanEventsInTransaction(
    tx,
    payable.map((p) => ({
      loanId: p.loanId,
      request: linePayment(p.id, p.line, p.line.amount, 0),
      fallback: (refusal: AppError) => {
        const part = payoffPart(p.line, refusal);
        return part === undefined ? undefined : linePayment(p.id, p.line, part, 1);
      },
    })),
    ctx,
  );
  payable.forEach((p, i) => {
    const r = results[i]!;
    if ('refusal' in r) {
      outcomes.set(p.id, exception('payment-refused', p.line.amount, { ...p.match.details, refusal: { code: r.refusal.code, message: r.refusal.message } }));
      return;
    }
    const paymentId = (JSON.parse(r.result.text) as { event: { payload: { id: string } } }).event.payload.id;
    const amount = (r.request.body as { amount: string }).amount;
    if (amount === p.line.amount) outcomes.set(p.id, { status: 'applied', reason: null, held: null, details: p.match.details, application: { loanId: p.loanId, paymentId, amount } });
    else outcomes.set(p.id, exception('over-payment', new Dec(p.line.amount).minus(amount).toFixed(2), { ...p.match.details, payoff: amount }, { loanId: p.loanId, paymentId, amount }));
  });
  return outcomes;
}

function lineRow(statementId: string, accountId: string, currency: string, id: string, line: StatementLine, match: LineMatch, at: string) {
  const status: BankLineStatus = line.outcome === 'rejected' ? 'rejected' : !isPayment(line) ? 'other' : match.loan ? 'applied' : 'exception';
  return {
    id, statement_id: statementId, bank_account_id: accountId, line_no: line.lineNo, tracking_key: line.trackingKey, value_date: line.valueDate,
    booking_date: line.bookingDate ?? null, direction: line.direction, amount: line.amount, currency: line.currency ?? currency,
    reference: line.reference ?? null, beneficiary_clabe: line.beneficiaryClabe ?? null, payer_account: line.payerAccount ?? null, payer_name: line.payerName ?? null,
    description: line.description ?? null, return_of: line.returnOf ?? null, outcome: line.outcome ?? null, reject_reason: line.rejectReason ?? null,
    raw: JSON.stringify(line.raw), status,
    match_loan_id: match.loan?.loanId ?? null, match_rule: line.returnOf !== undefined ? ('return' as const) : match.rule, match_score: match.score,
    match_details: match.details ? JSON.stringify(match.details) : null, created_at: at,
  };
}

/** One batch: claim, apply, hold the rest in 2210, audit — one transaction. */
async function importBatch(db: Kysely<Database>, statementId: string, account: AccountRow, batch: readonly StatementLine[], settings: ImportSettings, ctx: LoanWriteContext) {
  // Lines the account has already are skipped before matching (the claim below decides anyway).
  const known = await knownKeys(db, account.id, batch);
  const unique = new Map<string, StatementLine>();
  for (const l of batch) if (!known.has(l.trackingKey) && !unique.has(l.trackingKey)) unique.set(l.trackingKey, l);
  const fresh = [...unique.values()];
  if (fresh.length === 0) return;
  const matches = await matchLines(db, fresh, settings);
  await db.transaction().execute(async (tx) => {
    const rows = fresh.map((l, i) => lineRow(statementId, account.id, account.currency, statementLineId(account.id, l.trackingKey), l, matches[i]!, ctx.at));
    const claimed = new Set((await tx.insertInto('bank_statement_lines').values(rows).onConflict((oc) => oc.doNothing()).returning('id').execute()).map((r) => r.id));
    if (claimed.size === 0) return;
    const outcomes = await applyLines(tx, rows.flatMap((row, i) => (claimed.has(row.id) && isPayment(fresh[i]!) ? [{ id: row.id, line: fresh[i]!, match: matches[i]! }] : [])), ctx);
    // The suspense entries: one per value date of the batch's exceptions.
    const firstOpen = await firstOpenDay(tx);
    const byDate = new Map<string, { ids: string[]; total: InstanceType<typeof Dec> }>();
    for (const [i, row] of rows.entries()) {
      const o = outcomes.get(row.id);
      if (!o?.held) continue;
      const g = byDate.get(fresh[i]!.valueDate) ?? { ids: [], total: new Dec(0) };
      g.ids.push(row.id);
      g.total = g.total.plus(o.held);
      byDate.set(fresh[i]!.valueDate, g);
    }
    // One entry per value date (Dr bank / Cr 2210 for the day's held credits), each line pointed at
    // it (`suspense_entry_id`, `bank_line_entries` as the queue's own holds are), the rows bound
    // to the batch's audit entry.
    const entryOf = new Map<string, string>();
    const written: WrittenRow[] = [];
    let held = new Dec(0);
    for (const [date, g] of byDate) {
      const id = uuidv7();
      const dates = postingDates(date, firstOpen);
      const entry = { id, entry_date: dates.entryDate, economic_date: dates.economicDate, description: `bank statement ${statementId}: unapplied credits of ${date}`, currency: account.currency, loan_id: null, loan_event_seq: null, created_at: ctx.at, created_by: ctx.actor };
      const total = g.total.toFixed(2);
      const lines = [
        { entry_id: id, line_no: 1, account_code: account.ledger_account, debit: total, credit: '0', created_at: ctx.at, created_by: ctx.actor },
        { entry_id: id, line_no: 2, account_code: SUSPENSE_ACCOUNT, debit: '0', credit: total, created_at: ctx.at, created_by: ctx.actor },
      ];
      await tx.insertInto('journal_entries').values(entry).execute();
      await tx.insertInto('journal_lines').values(lines).execute();
      await tx.insertInto('bank_line_entries').values(g.ids.map((lineId) => ({ line_id: lineId, entry_id: id, kind: 'hold' as const }))).execute();
      written.push(['journal_entries', entry], ...lines.map((l) => ['journal_lines', l] as const));
      for (const lineId of g.ids) entryOf.set(lineId, id);
      held = held.plus(g.total);
    }
    // What the payments changed: the lines that ended as exceptions, and the applications.
    const changed = [...outcomes.entries()].filter(([, o]) => o.status === 'exception');
    if (changed.length > 0) {
      const values = sql.join(changed.map(([id, o]) => sql`(${id}::uuid, ${o.reason}::text, ${o.held}::numeric, ${entryOf.get(id) ?? null}::uuid, ${o.details ? JSON.stringify(o.details) : null}::jsonb)`));
      await sql`
        update bank_statement_lines b set status = 'exception', exception_reason = v.reason, exception_amount = v.held, suspense_entry_id = v.entry, match_details = v.details
        from (values ${values}) as v (id, reason, held, entry, details) where b.id = v.id
      `.execute(tx);
    }
    const applications = [...outcomes.entries()].filter(([, o]) => o.application).map(([id, o]) => ({ line_id: id, loan_id: o.application!.loanId, payment_id: o.application!.paymentId, amount: o.application!.amount, created_at: ctx.at, created_by: ctx.actor }));
    if (applications.length > 0) await tx.insertInto('bank_line_applications').values(applications).execute();
    const applied = applications.reduce((s, a) => s.plus(a.amount), new Dec(0));
    await appendAudit(tx, {
      actor: ctx.actor, action: 'import-lines', entityType: 'bank-statement', entityId: statementId, before: {}, after: {},
      details: { firstLine: fresh[0]!.lineNo, lastLine: fresh.at(-1)!.lineNo, claimed: claimed.size, payments: applications.length, applied: applied.toFixed(2), exceptions: changed.length + rows.filter((r) => claimed.has(r.id) && r.status === 'exception' && !outcomes.has(r.id)).length, held: held.toFixed(2) },
      requestId: ctx.requestId ?? null, at: ctx.at,
      ...(written.length > 0 ? { bound: bindRows(written) } : {}),
    });
  });
}

export function statementView(row: Record<string, unknown>) {
  const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return {
    id: row['id'] as string, bankAccountId: row['bank_account_id'] as string, format: row['format'] as StatementFormat, layoutId: (row['layout_id'] as string | null) ?? null,
    fileName: row['file_name'] as string, sha256: row['file_sha256'] as string, status: row['status'] as string,
    periodFrom: date(row['period_from']), periodTo: date(row['period_to']), openingBalance: (row['opening_balance'] as string | null) ?? null, closingBalance: (row['closing_balance'] as string | null) ?? null,
    lines: { total: Number(row['lines_total']), applied: Number(row['lines_applied']), exception: Number(row['lines_exception']), duplicate: Number(row['lines_duplicate']), other: Number(row['lines_other']), rejected: Number(row['lines_rejected']) },
    failure: row['failure'] ?? null, importedAt: iso(row['imported_at'])!, importedBy: row['imported_by'] as string, finishedAt: iso(row['finished_at']),
  };
}
export type StatementView = ReturnType<typeof statementView>;

/**
 * Imports a spooled statement file (see the module comment); the statement, and `replayed` when
 * the same file was imported before (nothing changed). A statement a crash left `importing` is
 * resumed and finished.
 */
export async function importStatement(db: Kysely<Database>, source: StatementSource, file: SpooledFile, settings: ImportSettings, ctx: LoanWriteContext): Promise<{ statement: StatementView; replayed: boolean }> {
  const { account, parser, options } = await sourceOf(db, source);
  // The whole file is read first: a format error anywhere writes nothing.
  const { summary, lines: total } = await readBatches(file.path, parser, options, 1000, async () => {});
  const existing = await db.selectFrom('bank_statements').selectAll().where('bank_account_id', '=', account.id).where('file_sha256', '=', file.sha256).executeTakeFirst();
  if (existing?.status === 'imported') return { statement: statementView(existing as unknown as Record<string, unknown>), replayed: true };
  let statementId = existing?.id;
  if (!statementId) {
    const row = {
      id: uuidv7(), bank_account_id: account.id, format: source.format, layout_id: source.layoutId ?? null, file_name: source.fileName, file_sha256: file.sha256,
      status: 'importing' as const, period_from: summary.from ?? null, period_to: summary.to ?? null, opening_balance: summary.openingBalance ?? null, closing_balance: summary.closingBalance ?? null,
      lines_total: total, imported_at: ctx.at, imported_by: ctx.actor,
    };
    statementId = await db.transaction().execute(async (tx) => {
      const inserted = await tx.insertInto('bank_statements').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
      if (!inserted) return undefined;
      await appendAudit(tx, { actor: ctx.actor, action: 'import-start', entityType: 'bank-statement', entityId: row.id, before: null, after: { ...row }, details: { fileName: source.fileName, sha256: file.sha256, lines: total }, requestId: ctx.requestId ?? null, at: ctx.at });
      return row.id;
    });
    // Another import of the same file created it a moment ago: share it.
    statementId ??= (await db.selectFrom('bank_statements').select('id').where('bank_account_id', '=', account.id).where('file_sha256', '=', file.sha256).executeTakeFirstOrThrow()).id;
  }
  // Up to `concurrency` batches in flight. Two batches that pay the same loans in another order
  // can deadlock: the database rolls one back whole, and it runs again (its claims are undone too).
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const runBatch = async (batch: StatementLine[]) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await importBatch(db, statementId!, account, batch, settings, ctx);
      } catch (error) {
        if (!isTransientConflict(error) || attempt >= BATCH_ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, 20 * attempt * (0.5 + Math.random())));
      }
    }
  };
  try {
    await readBatches(file.path, parser, options, settings.batchSize, async (batch) => {
      if (failure) throw failure;
      const p: Promise<void> = runBatch(batch).catch((error) => void (failure ??= error)).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= Math.max(1, settings.concurrency)) await Promise.race(inFlight);
    });
    await Promise.all(inFlight);
    if (failure) throw failure;
  } catch (error) {
    await Promise.allSettled(inFlight);
    await db.updateTable('bank_statements').set({ status: 'failed', failure: JSON.stringify({ message: error instanceof Error ? error.message : String(error) }) }).where('id', '=', statementId).where('status', '=', 'importing').execute();
    throw error;
  }
  const finished = await db.transaction().execute(async (tx) => {
    const counts = await tx.selectFrom('bank_statement_lines').select(['status', sql<string>`count(*)`.as('n')]).where('statement_id', '=', statementId!).groupBy('status').execute();
    const n = (s: BankLineStatus) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const mine = counts.reduce((s, c) => s + Number(c.n), 0);
    const set = {
      status: 'imported' as const, lines_total: total, lines_applied: n('applied'), lines_exception: n('exception') + n('resolved'), lines_other: n('other'), lines_rejected: n('rejected'),
      lines_duplicate: total - mine, finished_at: ctx.at, failure: null,
    };
    const row = await tx.updateTable('bank_statements').set(set).where('id', '=', statementId!).returningAll().executeTakeFirstOrThrow();
    await appendAudit(tx, { actor: ctx.actor, action: 'import', entityType: 'bank-statement', entityId: statementId!, before: {}, after: set, details: { ...set, fileName: source.fileName }, requestId: ctx.requestId ?? null, at: ctx.at });
    return row;
  });
  return { statement: statementView(finished as unknown as Record<string, unknown>), replayed: false };
}

