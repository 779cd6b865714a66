// Loans over their life: open (from an approved decision or explicit terms), then events —
// disbursement, payments, reversals, restructure, write-off — each recorded in one transaction
// with its journal entry, the loan's new position and its audit entry. The engine folds the
// events (loanState); the runtime stores them, serializes them per loan and posts the ledger.
import { createHash } from 'node:crypto';
import {
  addDays,
  advanceLoan,
  Dec,
  generateSchedule,
  CatOutOfRangeError,
  InvalidInputError,
  loanState,
  OverpaymentError,
  parseIsoDate,
  parseLoanTerms,
  type Decision,
  type LoanEvent,
  type LoanState,
  type LoanTerms,
  type ProductIR,
} from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit, auditEntry, type StreamHead } from '../audit/audit.repository.ts';
import { entityStream } from '../audit/audit-chain.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Database, Executor } from '../db/database.ts';
import type { LoanRow } from '../db/tables/loans.table.ts';
import { isAssertionFailure, isClosedPeriodRefusal, isTransientConflict, isUniqueViolation } from '../db/postgres-errors.ts';
import { AppError, ConflictError, NotFoundError, RetryLaterError, ValidationError } from '../errors.ts';
import { catOutOfRange, engineValidationError, overpaymentRefusal, withEngineInput } from '../http/engine-errors.ts';
import { uuidv7 } from '../ids.ts';
import { bare } from '../db/pg-arrays.ts';

import { firstOpenDaySql, postingDates } from '../ledger/posting-date.ts';
import { settingsOf } from '../ledger/books-settings.ts';
import { booksContext, booksFromHistory, booksView, NO_POSITION, postBooks, principalAndCredit, type LoanBooks, type Position } from '../ledger/loan-books.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { irOf, resolveVersion, versionLabel } from '../products/product-versions.ts';
import { OFFER_VALIDITY_DAYS } from '../decisions/decision-service.ts';
import { requireClient } from '../clients/clients.repository.ts';
import { assignPaymentKeys } from '../banking/payment-keys.ts';
import { loanEventFollowUps } from './loan-event-follow-ups.ts';
import { loanEventCompliance } from '../compliance/payment-alerts.ts';
import { booksSettingsJson, checkpointJson, legacyPositionJson, openInstallmentsJson, readLoanForEvent, readLoansForEvents, type LoanForEvent } from './loan-event-read.ts';
import { restoreCheckpoint } from '../eod/stored-checkpoint.ts';
import { loanEventBound, writeLoanEventBatched, writeLoanEvents, type LoanEventWrite } from './loan-event-statement.ts';

/** The ledger keeps amounts with at most 6 decimal places (the `money_amount` domain). */
const MAX_LEDGER_DECIMALS = 6;

/** The kinds of loan event a request records. */
export type PostingKind = 'disbursement' | 'payment' | 'payment-reversal' | 'restructure' | 'write-off' | 'other';

/**
 * What `loans.state` holds: the loan's books (null until something is booked; ledger/loan-books.ts)
 * and the last event's facts. A loan booked by the cash-basis ledger before migration
 * 2026-12-10-20-books has `posted` instead of `books` until its next posting converts it.
 */
export interface StoredLoanState {
  readonly books?: LoanBooks | null;
  readonly posted?: { readonly principal: string; readonly credit: string };
  readonly lastEventDate: string | null;
  readonly outstanding?: string;
  readonly daysPastDue?: number;
}

export interface LoanWriteContext extends WriteContext {
  /** Today's business date (the runtime clock in the lender's time zone). */
  readonly today: string;
}

export function loanView(row: LoanRow, label: { code: string; version: number }) {
  const state = row.state as unknown as StoredLoanState;
  return {
    id: row.id,
    product: { code: label.code, version: label.version },
    decisionId: row.decision_id,
    clientId: row.client_id,
    externalRef: row.external_ref,
    paymentReference: row.payment_reference,
    clabe: row.clabe,
    status: row.status,
    currency: row.currency,
    principal: row.principal,
    terms: row.terms as Record<string, unknown>,
    openedOn: row.opened_on,
    disbursedOn: row.disbursed_on,
    closedOn: row.closed_on,
    lastEventSeq: row.last_event_seq,
    outstandingPrincipal: principalAndCredit(state, (row.terms as { decimals?: number }).decimals ?? 2).principal,
    creditBalance: principalAndCredit(state, (row.terms as { decimals?: number }).decimals ?? 2).credit,
    books: booksView(state),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function checkLedgerScale(terms: LoanTerms, path: string): void {
  if (terms.decimals > MAX_LEDGER_DECIMALS) {
    throw new ValidationError([{ path, message: `the ledger keeps at most ${MAX_LEDGER_DECIMALS} decimal places; got ${terms.decimals}` }]);
  }
}

/** Runs `work` in `db` when it is a transaction already (an application's approval opens its loan in its own), else in a new one. */
function inTransaction<T>(db: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function insertLoan(
  db: Executor,
  input: { versionId: string; code: string; version: number; ir: ProductIR; terms: LoanTerms; decisionId: string | null; externalRef: string | null; clientId: string | null },
  ctx: LoanWriteContext,
) {
  const row = {
    id: uuidv7(),
    product_version_id: input.versionId,
    product_code: input.code,
    decision_id: input.decisionId,
    external_ref: input.externalRef,
    client_id: input.clientId,
    terms: JSON.stringify(input.terms),
    status: 'pending' as const,
    currency: input.ir.currency,
    principal: input.terms.principal,
    opened_on: ctx.today,
    state: JSON.stringify({ books: null, lastEventDate: null } satisfies StoredLoanState),
    updated_at: ctx.at,
    updated_by: ctx.actor,
    created_at: ctx.at,
    created_by: ctx.actor,
  };
  try {
    const inserted = await inTransaction(db, async (tx) => {
      if (input.clientId !== null) await requireClient(tx, input.clientId);
      const keys = await assignPaymentKeys(tx);
      const loan = await tx
        .insertInto('loans')
        .values({ ...row, account_number: keys.accountNumber, payment_reference: keys.paymentReference, clabe: keys.clabe })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'open',
        entityType: 'loan',
        entityId: loan.id,
        before: null,
        after: {
          id: loan.id, productVersionId: loan.product_version_id, decisionId: loan.decision_id, clientId: loan.client_id, externalRef: loan.external_ref, terms: input.terms,
          paymentReference: loan.payment_reference, clabe: loan.clabe,
        },
        details: { product: input.code, version: input.version, principal: input.terms.principal, ...(input.decisionId ? { decisionId: input.decisionId } : {}) },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
      });
      return loan;
    });
    return loanView(inserted, input);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('decision-used', 'a loan was already opened from this decision', { decisionId: input.decisionId });
    throw error;
  }
}

/**
 * Opens a loan (status `pending`) on the terms of an approved decision's offer, pinned to the
 * decision's product version. 409 `decision-declined`, `decision-referred` (its application waits
 * in the review queue: approving it there opens the loan), `decision-expired` (older than the offer validity),
 * `decision-used` (a loan exists for it), `product-retired`.
 */
export async function openLoanFromDecision(db: Executor, decisionId: string, externalRef: string | null, ctx: LoanWriteContext, clientId?: string) {
  const decision = await db.selectFrom('decisions').selectAll().where('id', '=', decisionId).executeTakeFirst();
  if (!decision) throw new NotFoundError('decision', decisionId);
  const record = decision.decision as unknown as Decision;
  if (decision.outcome === 'decline') {
    throw new ConflictError('decision-declined', 'the decision declined the application: there is no offer to open', { decisionId, reasons: record.reasons });
  }
  if (decision.outcome === 'refer') {
    throw new ConflictError('decision-referred', 'the decision referred the application to a person: a reviewer approves it in the review queue (/api/v1/applications), which opens the loan', {
      decisionId,
      reasons: record.reasons,
    });
  }
  const expiresOn = addDays(decision.decided_on, OFFER_VALIDITY_DAYS);
  if (ctx.today > expiresOn) {
    throw new ConflictError('decision-expired', `the offer expired on ${expiresOn}: decide again`, { decisionId, expiresOn });
  }
  if (!record.offer) throw new ConflictError('decision-without-offer', 'the decision carries no offer', { decisionId });
  if (clientId !== undefined && decision.client_id !== null && clientId !== decision.client_id) {
    throw new ValidationError([{ path: 'clientId', message: `the decision was taken for client \`${decision.client_id}\`` }]);
  }
  const label = await versionLabel(db, decision.product_version_id);
  const pinned = await resolveVersion(db, label.code, label.version, { forNewBusiness: true });
  const terms = record.offer.terms;
  checkLedgerScale(terms, 'decisionId');
  return insertLoan(db, { versionId: pinned.id, code: pinned.code, version: pinned.version, ir: pinned.ir, terms, decisionId, externalRef, clientId: clientId ?? decision.client_id }, ctx);
}

/** Opens a loan on explicit terms (a migration from another system), pinned to a product version. */
export async function openLoanFromTerms(
  db: Kysely<Database>,
  input: { product: string; version?: number | undefined; terms: unknown; externalRef: string | null; clientId?: string | undefined },
  ctx: LoanWriteContext,
) {
  const pinned = await resolveVersion(db, input.product, input.version, { forNewBusiness: true });
  const terms = withEngineInput(() => parseLoanTerms(input.terms), { prefix: 'terms', message: 'the loan terms are not valid' });
  withEngineInput(() => generateSchedule(terms), { prefix: 'terms', message: 'the loan terms are not valid' });
  checkLedgerScale(terms, 'terms.decimals');
  return insertLoan(db, { versionId: pinned.id, code: pinned.code, version: pinned.version, ir: pinned.ir, terms, decisionId: null, externalRef: input.externalRef, clientId: input.clientId ?? null }, ctx);
}

/** A loan with its product version's IR; 404 when absent. */
export async function findLoan(db: Executor, id: string) {
  const row = await db.selectFrom('loans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('loan', id);
  return row;
}

export async function loanEvents(db: Executor, loanId: string) {
  return db.selectFrom('loan_events').select(['seq', 'type', 'effective_on', 'payload', 'created_at', 'created_by']).where('loan_id', '=', loanId).orderBy('seq').execute();
}

export function eventOf(payload: unknown): LoanEvent {
  return payload as LoanEvent;
}

/** The engine's state of a loan on `asOf`, from its stored events. 409 `loan-not-disbursed` before disbursement. */
export async function stateOf(db: Executor, loan: LoanRow, asOf: string, path = 'asOf'): Promise<LoanState> {
  // A loan cancelled before its disbursement (a returned transfer) was never disbursed either.
  if (loan.status === 'pending' || loan.disbursed_on === null) throw new ConflictError('loan-not-disbursed', 'the loan has not been disbursed yet', { loanId: loan.id, status: loan.status });
  const ir = await irOf(db, loan.product_version_id);
  const events = (await loanEvents(db, loan.id)).map((e) => eventOf(e.payload));
  return withEngineInput(() => loanState(ir, loan.terms as unknown as LoanTerms, events, asOf), { mapPath: (p) => (p === 'asOf' ? path : p) });
}

/** One request that adds an event to a loan. */
export interface LoanEventRequest {
  readonly kind: PostingKind;
  /** The request body as sent (for the idempotency fingerprint). */
  readonly body: unknown;
  readonly idempotencyKey?: string | undefined;
  /** Builds the engine event from the locked loan and its events, or throws a 4xx. */
  build(loan: LoanRow, events: readonly LoanEvent[], ctx: LoanWriteContext): { event: LoanEvent; cash: string; action: string; details: Record<string, unknown> };
  /** Body fields named by the engine's `events[n].<field>` paths (default: the same name). */
  readonly fieldPaths?: Readonly<Record<string, string>>;
  /** The HTTP status of a first success. */
  readonly status: 200 | 201;
}

export interface LoanEventResult {
  readonly status: number;
  /** The JSON response body, byte for byte what the first request got. */
  readonly text: string;
  readonly replayed: boolean;
}

function requestFingerprint(kind: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ kind, body }), 'utf8').digest('hex');
}

/** Dates the engine would accept for a new event: a real date, not before the last event, not in the future. */
function checkEventDate(date: string, lastEventDate: string | null, today: string, field: string): void {
  if (parseIsoDate(date) === undefined) throw new ValidationError([{ path: field, message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(date)}` }]);
  if (date > today) throw new AppError(422, 'future-date', `\`${date}\` is after today (${today})`, [{ path: field, message: 'must not be after today' }]);
  if (lastEventDate !== null && date < lastEventDate) {
    throw new AppError(422, 'event-out-of-order', `the loan's last event is on ${lastEventDate}; events are recorded in date order`, [
      { path: field, message: `must not be before ${lastEventDate}` },
    ]);
  }
}

/**
 * Appends one event to a loan: the engine folds every event with the new one, the difference
 * with the ledger's position is posted as one balanced journal entry, and event, entry, loan and
 * audit commit together in one statement. With an idempotency key, a repeat of the same request
 * returns the first response (same status); the same key with another body is 409
 * `idempotency-key-reused`.
 *
 * Two round trips when nobody else writes to the loan meanwhile: read the loan with its events,
 * then write, each on its own (optimistic; each goes in one statement with what other requests
 * read and write at the same moment: loan-event-read.ts, loan-event-statement.ts). The write holds
 * itself to what was read — the next event number, idempotency key, audit stream position, open
 * installments and loan row are unique or checked in the statement — so a concurrent writer makes
 * it fail whole, never half-apply. Then, and under any
 * conflict, the event is appended in a transaction that locks the loan row (`SELECT … FOR NO KEY
 * UPDATE`): concurrent posts to one loan queue behind each other.
 *
 * A deadlock or serialization failure (the database rolled the write back: nothing of it stays)
 * runs the whole append again — read, build, write — up to TRANSIENT_ATTEMPTS times with jittered
 * back-off; the answer is given only after a commit, and the idempotency key makes a repeat that
 * finds the event already recorded return its first response. If it persists: 503 `retry-later`.
 */
export async function appendLoanEvent(db: Kysely<Database>, loanId: string, request: LoanEventRequest, ctx: LoanWriteContext): Promise<LoanEventResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await appendQueued(db, loanId, request, ctx);
    } catch (error) {
      if (!isTransientConflict(error)) throw error;
      if (attempt >= TRANSIENT_ATTEMPTS) {
        throw new RetryLaterError(`the ${request.kind} met concurrent writes to the same rows ${attempt} times and was not recorded; send it again (with the same Idempotency-Key)`);
      }
      await backOff(attempt);
    }
  }
}

/** Attempts of an append the database rolls back as a deadlock or serialization failure. */
export const TRANSIENT_ATTEMPTS = 4;

/** Waits 10 ms · 2^(attempt−1), jittered ×0.5–1.5, so the rolled-back writers do not meet again in step. */
function backOff(attempt: number): Promise<void> {
  const ms = 10 * 2 ** (attempt - 1) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The optimistic append, then the locked one while it conflicts. */
async function appendQueued(db: Kysely<Database>, loanId: string, request: LoanEventRequest, ctx: LoanWriteContext): Promise<LoanEventResult> {
  try {
    return await appendOnce(db, loanId, request, ctx, false);
  } catch (error) {
    if (!(error instanceof WriteConflict)) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((tx) => appendOnce(tx, loanId, request, ctx, true));
    } catch (error) {
      // Someone appended to the loan's audit stream without the loan's lock: start over.
      if (!(error instanceof WriteConflict) || attempt >= 5) throw error;
    }
  }
}

/**
 * Appends one event inside the caller's transaction `tx`, which holds (or takes) the loan's row
 * lock: the end of day carries out a `write off` collection action this way, in its chunk's
 * transaction. The same read, fold, posting and audit as the routes' appends.
 */
export function appendLoanEventInTransaction(tx: Executor, loanId: string, request: LoanEventRequest, ctx: LoanWriteContext): Promise<LoanEventResult> {
  if (!tx.isTransaction) throw new TypeError('appendLoanEventInTransaction needs a transaction');
  return appendOnce(tx, loanId, request, ctx, true);
}

/** One event of a batch (appendLoanEventsInTransaction): its loan, its request, and what to try instead if the loan refuses it. */
export interface LoanEventItem {
  readonly loanId: string;
  readonly request: LoanEventRequest;
  /** A second request tried on the same loan when the first is refused (4xx): e.g. the payoff of a payment larger than it. */
  readonly fallback?: ((refusal: AppError) => LoanEventRequest | undefined) | undefined;
}

/** What became of one item: recorded (or replayed) by `request` — the item's or its fallback's — or refused with the first request's 4xx. */
export type LoanEventItemOutcome = { readonly result: LoanEventResult; readonly request: LoanEventRequest } | { readonly refusal: AppError };

/**
 * Appends a batch of events inside the caller's transaction `tx`, a few statements for the whole
 * batch instead of some ten per event: the batch's loans are locked in id order, read with what an
 * event needs in one statement (readLoansForEvents), each event is built by the same code as a
 * single append (buildLoanEvent) and all are written in one statement (writeLoanEvents). Events
 * of one loan are applied in their order, one per round: the second is built from the loan as the
 * first left it. An event the loan refuses (a 4xx: paid off, cancelled, out of date order, more
 * than it owes, no such loan) writes nothing and is answered as `refusal`, after its `fallback`
 * (if any) was tried on the same reading of the loan; any other error fails the batch.
 */
export async function appendLoanEventsInTransaction(tx: Executor, items: readonly LoanEventItem[], ctx: LoanWriteContext): Promise<LoanEventItemOutcome[]> {
  if (!tx.isTransaction) throw new TypeError('appendLoanEventsInTransaction needs a transaction');
  const outcomes: LoanEventItemOutcome[] = new Array(items.length);
  const ids = [...new Set(items.map((i) => i.loanId))].sort();
  if (ids.length === 0) return outcomes;
  // The loans' rows first, in id order (loan-event-statement.ts's lock order); the reads below
  // then see every commit before the locks (each statement takes a new snapshot).
  await sql`select id from loans where id = any(${bare(ids)}::uuid[]) order by id for no key update`.execute(tx);
  // Round k holds the k-th event of each loan.
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = seen.get(item.loanId) ?? 0;
    seen.set(item.loanId, k + 1);
    (rounds[k] ??= []).push(i);
  });
  for (const round of rounds) {
    const loans = await readLoansForEvents(tx, round.map((i) => ({ loanId: items[i]!.loanId, stream: entityStream('loan', items[i]!.loanId), idempotencyKey: items[i]!.request.idempotencyKey })));
    const built: { index: number; loanId: string; event: BuiltLoanEvent }[] = [];
    for (const [n, i] of round.entries()) {
      const item = items[i]!;
      const loan = loans[n];
      const attempt = async (request: LoanEventRequest): Promise<AppError | BuiltLoanEvent> => {
        if (!loan) return new NotFoundError('loan', item.loanId);
        // The fallback's key is its own: the first request's replay (if any) says nothing of it.
        const read = request === item.request ? loan : (await readLoansForEvents(tx, [{ loanId: item.loanId, stream: entityStream('loan', item.loanId), idempotencyKey: request.idempotencyKey }]))[0]!;
        try {
          return await buildLoanEvent(tx, read, request, ctx);
        } catch (error) {
          if (error instanceof AppError && error.status >= 400 && error.status < 500) return error;
          throw error;
        }
      };
      const first = await attempt(item.request);
      if (!(first instanceof AppError)) {
        built.push({ index: i, loanId: item.loanId, event: first });
        outcomes[i] = { result: first.result, request: item.request };
        continue;
      }
      const other = item.fallback?.(first);
      const second = other ? await attempt(other) : first;
      if (other && !(second instanceof AppError)) {
        built.push({ index: i, loanId: item.loanId, event: second });
        outcomes[i] = { result: second.result, request: other };
      } else outcomes[i] = { refusal: first };
    }
    const writes = built.flatMap((b) => (b.event.write ? [b.event.write] : []));
    if (writes.length > 0) await writeLoanEvents(tx, writes);
    for (const b of built) if (b.event.compliance) await loanEventCompliance(tx, true, b.loanId, b.event.compliance, ctx);
  }
  return outcomes;
}

/** Another write to the loan (or its audit stream) came between the read and the write. */
class WriteConflict extends Error {}

/** What an event needs besides the loan row: its events, the idempotency key's first use, the audit stream head. */
function loanFacts(loanId: string, stream: string, key: string | undefined) {
  return [
    sql<unknown[] | null>`(select json_agg(payload order by seq) from loan_events where loan_id = ${loanId})`.as('events_json'),
    (key === undefined
      ? sql<null>`null::json`
      : sql<{ request_hash: string | null; response: unknown } | null>`(select json_build_object('request_hash', request_hash, 'response', response) from loan_events where loan_id = ${loanId} and idempotency_key = ${key})`
    ).as('previous_json'),
    sql<{ seq: number; hash: string } | null>`(select json_build_object('seq', last_seq, 'hash', last_hash) from audit_streams where stream = ${stream})`.as('head_json'),
    openInstallmentsJson(sql`${loanId}::uuid`).as('open_json'),
    checkpointJson(sql`${loanId}::uuid`).as('checkpoint_json'),
    firstOpenDaySql().as('first_open_day'),
    booksSettingsJson().as('settings_json'),
    legacyPositionJson(sql`${loanId}::uuid`, sql`loans.state`).as('legacy_json'),
  ] as const;
}

/**
 * Reads the loan, builds the event and writes it. `locked`: inside a transaction, holding the
 * loan's row lock; otherwise two autocommit statements, the write failing whole with a
 * WriteConflict if anything it read changed.
 */
async function appendOnce(db: Executor, loanId: string, request: LoanEventRequest, ctx: LoanWriteContext, locked: boolean): Promise<LoanEventResult> {
  const stream = entityStream('loan', loanId);
  const key = request.idempotencyKey;
  // One round trip: the loan (locked, when `locked`) with its events, the idempotency key's first
  // use and its audit stream head — unlocked, in one statement with other requests' reads. When
  // the lock had to wait for another event's commit, the sub-selects saw the data from before it
  // (the statement's snapshot): then read them again.
  const read = db.selectFrom('loans').selectAll().select(loanFacts(loanId, stream, key)).where('id', '=', loanId);
  let loan: LoanForEvent | undefined = locked
    ? await read.forNoKeyUpdate().executeTakeFirst()
    : await readLoanForEvent(db as Kysely<Database>, { loanId, stream, idempotencyKey: key });
  if (!loan) throw new NotFoundError('loan', loanId);
  if ((loan.events_json?.length ?? 0) !== loan.last_event_seq) {
    if (!locked) throw new WriteConflict(`loan ${loanId} changed while it was read`);
    loan = await read.executeTakeFirstOrThrow();
  }
  const built = await buildLoanEvent(db, loan, request, ctx);
  if (built.write) {
    try {
      // Under the loan's lock the statement runs alone, in the transaction; otherwise together
      // with what other requests write at the same moment (group commit).
      if (locked) await writeLoanEvents(db, [built.write]);
      else await writeLoanEventBatched(db as Kysely<Database>, built.write);
    } catch (error) {
      if (isWriteConflict(error, locked)) throw new WriteConflict(`loan ${loanId} changed during the ${request.kind}`, { cause: error });
      throw error;
    }
  }
  // PLD: a payment's alerts, a reversal's notes on them (compliance/payment-alerts.ts); a
  // replayed payment raises its alerts if the first request stopped before it did (idempotent).
  if (built.compliance) await loanEventCompliance(db, locked, loanId, built.compliance, ctx);
  return built.result;
}

/**
 * An event built from its loan as read (loanForEvent): the response, what to write (null when
 * the idempotency key's first response is replayed) and the event whose PLD follow-ups run after
 * the write (null when there are none to run).
 */
interface BuiltLoanEvent {
  readonly result: LoanEventResult;
  readonly write: LoanEventWrite | null;
  readonly compliance: LoanEvent | null;
}

/**
 * Builds one event from its loan as read — the one implementation of an event's rules: the
 * idempotency key's replay, the request's build, the event date, the engine's fold, the posting,
 * the response, the audit entry and what else the event writes. Writes nothing: the caller writes
 * `write` (writeLoanEvents) and runs the compliance follow-up.
 */
async function buildLoanEvent(db: Executor, loan: LoanForEvent, request: LoanEventRequest, ctx: LoanWriteContext): Promise<BuiltLoanEvent> {
  const loanId = loan.id;
  const fingerprint = requestFingerprint(request.kind, request.body);
  const key = request.idempotencyKey;
  if (loan.previous_json) {
    if (loan.previous_json.request_hash !== fingerprint) {
      throw new ConflictError('idempotency-key-reused', 'this Idempotency-Key was used for a different request on this loan', { idempotencyKey: key });
    }
    const response = loan.previous_json.response as { status: number; text: string };
    const stored = request.kind === 'payment' && response.status === request.status ? (JSON.parse(response.text) as { event: { payload: LoanEvent } }).event.payload : null;
    return { result: { status: response.status, text: response.text, replayed: true }, write: null, compliance: stored };
  }
  const events = (loan.events_json ?? []).map(eventOf);
  const head: StreamHead | null = loan.head_json ? { seq: Number(loan.head_json.seq), hash: loan.head_json.hash } : null;
  const stored = loan.state as unknown as StoredLoanState;
  const { event, cash, action, details } = request.build(loan, events, ctx);
  const dateField = request.fieldPaths?.['date'] ?? 'date';
  if (event.kind !== 'disbursement') checkEventDate(event.date, stored.lastEventDate, ctx.today, dateField);
  const ir = await irOf(db, loan.product_version_id);
  const terms = loan.terms as unknown as LoanTerms;
  const all = [...events, event];
  const index = events.length;
  let after: LoanState;
  try {
    // A loan of the cash-basis ledger gets its books from its whole history: the full fold.
    const fromCheckpoint = loan.legacy_json === null ? foldFromCheckpoint(ir, terms, events, event, loan.checkpoint_json) : null;
    if (fromCheckpoint) foldCounts.fromCheckpoint++;
    else foldCounts.full++;
    after = fromCheckpoint ?? loanState(ir, terms, all, event.date);
  } catch (error) {
    if (error instanceof OverpaymentError && error.issues[0]?.path === `events[${index}].amount`) {
      throw overpaymentRefusal(error, request.fieldPaths?.['amount'] ?? 'amount');
    }
    // A restructure whose new schedule's CAT is beyond the bound: 422 `cat-out-of-range`, as a quote or a decision answers.
    if (error instanceof CatOutOfRangeError) throw catOutOfRange(error);
    if (error instanceof InvalidInputError) {
      const prefix = `events[${index}]`;
      throw engineValidationError(error, {
        mapPath: (p) => {
          if (p === prefix) return '';
          if (p.startsWith(`${prefix}.`)) {
            const field = p.slice(prefix.length + 1);
            return request.fieldPaths?.[field] ?? field;
          }
          return p;
        },
        message: `the ${request.kind} cannot be applied to this loan`,
      });
    }
    throw error;
  }
  // The loan's books after the event, and the entry from its stored books (or, for a loan of the
  // cash-basis ledger, from what the journal holds for it: the entry is then the catch-up too).
  const settings = settingsOf(loan.settings_json);
  const legacy = loan.legacy_json === null ? null : { position: loan.legacy_json as Position, books: booksFromHistory(ir, terms, all, event.date, settings) };
  const posting = postBooks(after, stored.books ?? null, legacy, booksContext(settings, terms), terms);
  checkCash(request.kind, loan.legacy_json ?? stored.books?.position ?? NO_POSITION, posting.books.position, cash);
  const seq = loan.last_event_seq + 1;
  const entryId = posting.lines.length > 0 ? uuidv7() : null;
  const status = after.status;
  const newState: StoredLoanState = {
    books: posting.books,
    lastEventDate: event.date,
    outstanding: after.outstanding.total,
    daysPastDue: after.daysPastDue,
  };
  const disbursedOn = event.kind === 'disbursement' ? event.date : undefined;
  const closedOn = status !== 'active' && loan.status === 'active' ? event.date : status === 'active' && loan.closed_on !== null ? null : undefined;
  const label = await versionLabel(db, loan.product_version_id);
  const view = loanView(
    {
      ...loan,
      status,
      state: newState as unknown as Record<string, unknown>,
      last_event_seq: seq,
      updated_at: ctx.at,
      updated_by: ctx.actor,
      closed_on: closedOn === undefined ? loan.closed_on : closedOn,
      disbursed_on: disbursedOn ?? loan.disbursed_on,
    },
    label,
  );
  const body = {
    event: { seq, kind: event.kind, date: event.date, payload: event },
    ...resultOf(event, after),
    journalEntryId: entryId,
    ledger: posting.lines,
    loan: view,
  };
  const text = JSON.stringify(body);
  // Event, journal entry and lines, the loan's new position, the audit entry and its stream's
  // head, open installments and notifications: one statement (the balance trigger checks the
  // entry at commit). It stands only if the loan row and the stream head were still as read:
  // otherwise `plazo_assert` fails it whole.
  const storedOpen = (loan.open_json ?? []).map(([installment, dueDate, principal, interest, iva, fees]) => ({ installment, dueDate, principal, interest, iva, fees }));
  const followUps = await loanEventFollowUps(db, { loan, ir, event, after, storedOpen });
  const rows = {
    loanId,
    event: { seq, type: event.kind, date: event.date, payload: event },
    idempotencyKey: key ?? null,
    requestHash: key === undefined ? null : fingerprint,
    // The body as text (JSON keeps it as sent): a replay must be the same bytes.
    response: { status: request.status, text },
    at: ctx.at,
    actor: ctx.actor,
    entry: entryId === null ? null : { id: entryId, description: `${action} loan ${loanId}`, currency: loan.currency, lines: posting.lines, ...postingDates(event.date, loan.first_open_day) },
  };
  const audit = auditEntry(
    {
      actor: ctx.actor,
      action,
      entityType: 'loan',
      entityId: loanId,
      before: { status: loan.status, lastEventSeq: loan.last_event_seq, state: stored },
      after: { status, lastEventSeq: seq, state: newState, event },
      details: { seq, kind: event.kind, date: event.date, ...details, ...(entryId ? { journalEntryId: entryId } : {}) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
      bound: loanEventBound(rows),
    },
    head,
  );
  const write: LoanEventWrite = {
    ...rows,
    readSeq: loan.last_event_seq,
    loan: { status, state: newState, disbursedOn, closedOn },
    audit,
    head,
    ...followUps,
  };
  return { result: { status: request.status, text, replayed: false }, write, compliance: event };
}

/**
 * The state after a payment folded from the loan's end-of-day checkpoint (`loan_checkpoints`:
 * the fold through the last close) and the events after it, instead of every day since the
 * disbursement — the same state loanState gives for what a payment's response, postings, open
 * installments and notifications read (its history lists hold only the days folded here, which
 * include the payment's). Null when it does not apply — no checkpoint, another kind of event, or
 * an event dated on or before the close — or the engine refuses it (a conflict with the
 * checkpoint, an invalid payment): then the full fold decides, and reports any error as usual.
 */
/** How this process folded the events it recorded: from an end-of-day checkpoint, or from the disbursement. */
export const foldCounts = { fromCheckpoint: 0, full: 0 };

function foldFromCheckpoint(ir: ProductIR, terms: LoanTerms, events: readonly LoanEvent[], event: LoanEvent, stored: LoanForEvent['checkpoint_json']): LoanState | null {
  if (stored === null || stored.checkpoint === '' || event.kind !== 'payment' || event.date <= stored.as_of || stored.event_seq > events.length) return null;
  try {
    const checkpoint = restoreCheckpoint(stored.checkpoint, stored.as_of);
    return advanceLoan(ir, terms, checkpoint, [...events.slice(stored.event_seq), event], event.date).state;
  } catch (error) {
    if (error instanceof InvalidInputError) return null;
    throw error;
  }
}

/**
 * A write that lost a race: its event number, idempotency key or audit position was taken, or
 * the loan row or stream head moved (`plazo_assert`). Under the loan's lock only the audit
 * stream can move (a writer of the stream that does not take the loan's lock).
 */
function isWriteConflict(error: unknown, locked: boolean): boolean {
  // A period closed between the read and the write (PZ020): read the first open day again.
  if (isAssertionFailure(error) || isClosedPeriodRefusal(error) || isUniqueViolation(error, 'audit_log_stream_position') || isUniqueViolation(error, 'audit_streams_pkey')) return true;
  return !locked && (isUniqueViolation(error, 'loan_events_pkey') || isUniqueViolation(error, 'loan_events_idempotency_key'));
}

/** The books disagree with the money the event moved (the engine's position and the request's cash): a bug, never written. */
export class UnbalancedPostingError extends Error {
  constructor(kind: PostingKind, books: string, cash: string) {
    super(`the books of a ${kind} move cash by ${books}, the event by ${cash}`);
    this.name = 'UnbalancedPostingError';
  }
}

/** The cash account (1000) moves by exactly the money the event received (or paid out). */
function checkCash(kind: PostingKind, before: Position, after: Position, cash: string): void {
  const moved = new Dec(after['1000'] ?? '0').minus(before['1000'] ?? '0');
  if (!moved.eq(cash)) throw new UnbalancedPostingError(kind, moved.toFixed(), cash);
}

/** What a client needs back besides the event: the payment's allocation, the payoff after it. */
function resultOf(event: LoanEvent, after: LoanState): Record<string, unknown> {
  const summary = {
    state: {
      asOf: after.asOf,
      status: after.status,
      outstanding: after.outstanding,
      daysPastDue: after.daysPastDue,
      creditBalance: after.creditBalance,
      payoff: after.payoff,
    },
  };
  if (event.kind === 'payment') {
    return { allocation: after.allocations.find((a) => a.paymentId === event.id) ?? null, ...summary };
  }
  return summary;
}
