// A bank statement's (or a payments file's) line as every format yields it (issue 16): the one
// shape the import pipeline matches, applies and stores, whatever file it came from — a bank's CSV
// or TXT through a saved column mapping, MT940, ISO 20022 camt.053, a convenience-store
// aggregator's daily payments file or a direct-debit (domiciliación) response file.
import { createHash } from 'node:crypto';

/** The file formats a statement or payments file can come in (`formats/index.ts` has a parser for each). */
export const STATEMENT_FORMATS = ['csv', 'mt940', 'camt053', 'oxxo', 'domiciliacion'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export interface StatementLine {
  /** 1-based: the line (CSV, TXT), transaction (MT940) or entry (camt.053) of the file, for messages. */
  readonly lineNo: number;
  /** Value date, YYYY-MM-DD: the date the money moved (a payment applied from it is dated so). */
  readonly valueDate: string;
  /** Booking date when the file gives one apart from the value date. */
  readonly bookingDate?: string | undefined;
  /** `credit`: money into the institution's account; `debit`: money out of it. */
  readonly direction: 'credit' | 'debit';
  /** The amount, a positive decimal string at 2 places ("1250.00"). */
  readonly amount: string;
  /** ISO 4217; absent when the file does not say (the bank account's currency then). */
  readonly currency?: string | undefined;
  /** The payment reference as the payer gave it (digits and letters, spaces removed). */
  readonly reference?: string | undefined;
  /** The CLABE the money was sent to: a loan's own CLABE for SPEI payments to a CLABE virtual. */
  readonly beneficiaryClabe?: string | undefined;
  /** The payer's account (CLABE, card or account number) when the file gives it. */
  readonly payerAccount?: string | undefined;
  /** The payer's name as the bank or aggregator reports it. */
  readonly payerName?: string | undefined;
  /** The concept / free text of the movement. */
  readonly description?: string | undefined;
  /**
   * The movement's unique key at its source: the SPEI clave de rastreo, the bank's own movement
   * id, the aggregator's folio. It is the idempotency key: a line whose key was seen before (on the
   * same bank account) is never applied again. Formats without one derive it with `derivedTrackingKey`.
   */
  readonly trackingKey: string;
  /** Set when the line returns (reverses) an earlier credit: that credit's tracking key, when the file names it. */
  readonly returnOf?: string | undefined;
  /**
   * A direct-debit response line's outcome: `rejected` lines moved no money (the bank says why in
   * `rejectReason`); absent for every other format's lines, which all moved money.
   */
  readonly outcome?: 'paid' | 'rejected' | undefined;
  readonly rejectReason?: string | undefined;
  /** The line's fields as the file had them (for the preview and the exceptions queue). */
  readonly raw: Readonly<Record<string, string>>;
}

/** What a file says about itself besides its lines, when it says it (MT940, camt.053 do). */
export interface StatementSummary {
  readonly accountId?: string | undefined;
  readonly currency?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly openingBalance?: string | undefined;
  readonly closingBalance?: string | undefined;
}

/** A file that cannot be read as its format says, with where: a 422 whose details name the line and field. */
export class StatementFormatError extends Error {
  constructor(
    message: string,
    readonly lineNo: number,
    readonly field?: string,
  ) {
    super(`line ${lineNo}${field ? ` (${field})` : ''}: ${message}`);
    this.name = 'StatementFormatError';
  }
}

/**
 * A parser reads a file as a stream (a statement of 100,000 lines never sits whole in memory) and
 * yields its lines in file order; the generator's return value is the file's summary.
 * `options` is the saved layout of the bank (column mapping and the like) where the format needs one.
 */
export interface StatementParser<Options = unknown> {
  readonly format: StatementFormat;
  parse(input: AsyncIterable<Uint8Array | string>, options: Options): AsyncGenerator<StatementLine, StatementSummary, void>;
}

/**
 * The tracking key of a line whose format carries none: a hash of what identifies the movement
 * (date, direction, amount, reference, payer, description) and of how many identical lines came
 * before it in the same file — so two identical payments on one day stay two, and re-importing the
 * same file gives the same keys.
 */
export function derivedTrackingKey(line: Omit<StatementLine, 'trackingKey' | 'raw' | 'lineNo'>, occurrence: number): string {
  const parts = [line.valueDate, line.direction, line.amount, line.reference ?? '', line.beneficiaryClabe ?? '', line.payerAccount ?? '', line.payerName ?? '', line.description ?? '', String(occurrence)];
  return `h:${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 40)}`;
}
