// `plazo simulate FILE --application F --payments F --until DATE [--disburse DATE] [--json]`: the
// day-by-day life of one loan under a payment scenario — what a product manager looks at before
// launching: installments due, payments and their allocation, late fees, moratorium, stages,
// notifications, and the loan's regulatory books (stage, accrued interest, deferred fees, reserve,
// the journal entries day by day).
import { compileText, formatDiagnostic } from '@plazo/dsl';
import {
  booksTimeline, decide, InvalidInputError, parseIsoDate, scenarioEvents, simulateLoan, timeline,
  type BooksDay, type BooksTimelineOptions, type FieldIssue, type LoanState, type LoanTerms, type ProductIR, type ScenarioPayment, type TimelineEvent,
} from '@plazo/engine';
import { businessToday, parseCommandArgs, printJson, readJsonInput, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';
import { lintConfigFor } from '../../products/lint-config.ts';

// The timeline itself is the engine's (engine/src/servicing/timeline.ts); re-exported for callers of this module.
export { simulateLoan, timeline, type TimelineEvent };

const DECIMAL = /^\d+(\.\d+)?$/;

/** The payment scenario: a JSON list of { date, amount } in date order, none before disbursement. */
export function parsePayments(json: unknown, disbursement: string): { date: string; amount: string }[] {
  if (!Array.isArray(json)) throw new InvalidInputError([{ path: 'payments', message: 'must be a JSON list of { "date", "amount" }' }]);
  const issues: FieldIssue[] = [];
  let previous = disbursement;
  const out = json.map((p: unknown, i) => {
    const at = `payments[${i}]`;
    const o = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    const date = o['date'];
    const amount = o['amount'];
    if (typeof date !== 'string' || parseIsoDate(date) === undefined) issues.push({ path: `${at}.date`, message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(date)}` });
    else if (date < previous) issues.push({ path: `${at}.date`, message: date < disbursement ? `must not be before the disbursement date ${disbursement}` : 'payments must be in date order' });
    else previous = date;
    if (typeof amount !== 'string' || !DECIMAL.test(amount) || Number(amount) === 0) issues.push({ path: `${at}.amount`, message: `must be a positive decimal string like "250.00", got ${JSON.stringify(amount)}` });
    for (const key of Object.keys(o)) if (key !== 'date' && key !== 'amount') issues.push({ path: `${at}.${key}`, message: `unknown field \`${key}\` (allowed: date, amount)` });
    return { date: String(date), amount: String(amount) };
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return out;
}

function describe(e: TimelineEvent): string {
  switch (e.type) {
    case 'disbursed':
      return `disbursed ${e.amount}`;
    case 'due':
      return `installment ${e.installment} due ${e.amount}`;
    case 'paid':
    case 'credit-applied': {
      const parts = e.allocation.map((l) => `${l.installment === null ? '' : `#${l.installment} `}${l.component} ${l.amount}`);
      if (e.prepaidPrincipal !== '0.00' && Number(e.prepaidPrincipal) !== 0) parts.push(`prepaid principal ${e.prepaidPrincipal}`);
      if (Number(e.toCredit) !== 0) parts.push(`to credit ${e.toCredit}`);
      return `${e.type === 'paid' ? `paid ${e.amount}` : `credit applied ${e.amount}`}${e.settled ? ' (settles the loan)' : ''}: ${parts.join(', ')}`;
    }
    case 'late-fee':
      return `late fee ${e.amount} + IVA ${e.iva} on installment ${e.installment}`;
    case 'moratorium':
      return `moratorium ${e.amount} + IVA ${e.iva}`;
    case 'fee-charged':
      return `fee ${e.name} ${e.amount} + IVA ${e.iva} on installment ${e.installment}`;
    case 'stage-changed':
      return `stage ${e.from ?? '(none)'} → ${e.to ?? '(none)'}`;
    case 'notification':
      return `notify ${e.channel} "${e.template}" (installment ${e.installment}, ${e.step})`;
    case 'action':
      return `${e.action}${e.queue ? ` "${e.queue}"` : ''} (installment ${e.installment}, ${e.step})`;
    case 'rescheduled':
      return `schedule re-solved (${e.policy}): ${e.installments} installments for ${e.principal}`;
    case 'restructured':
      return `restructured: ${e.installments} installments for ${e.principal}`;
    case 'paid-off':
      return 'paid off';
    case 'written-off':
      return `written off ${e.amount}`;
  }
}

/**
 * The scenario's state on `until` and its books every day from the disbursement (the engine's
 * booksTimeline; IVA on the collection basis). `options.reserve`: the product's month-end reserve
 * of a loan (its `reserves` policy through the engine's reserveOf); without it no reserve is set
 * beyond the 100% of interest unpaid at a transfer to vencida.
 */
export function simulateBooks(ir: ProductIR, terms: LoanTerms, payments: readonly ScenarioPayment[], until: string, options: Pick<BooksTimelineOptions, 'reserve'> = {}): { state: LoanState; books: readonly BooksDay[] } {
  const events = scenarioEvents(ir, terms, payments, until);
  const { state, days } = booksTimeline(ir, terms, events, until, { ivaOn: 'collection', ...options });
  return { state, books: days };
}

/** `accounting` of the JSON output (shared/DESIGN.md): the books of every day, and the entries of the days something moved. */
function accounting(books: readonly BooksDay[]) {
  return {
    ivaOn: 'collection',
    days: books.map((d) => ({ date: d.date, stage: d.books.stage, accruedInterest: d.books.accruedInterest, deferredFees: d.books.deferredFees, reserve: d.books.reserve, memorandum: d.books.memorandum })),
    journal: books.filter((d) => d.lines.length > 0).map((d) => ({ date: d.date, memo: d.memo, lines: d.lines })),
  };
}

function booksLine(d: BooksDay): string {
  const b = d.books;
  const memorandum = /^0(\.0+)?$/.test(b.memorandum) ? '' : `, memorandum ${b.memorandum}`;
  return `books: ${d.memo} → ${b.stage}, accrued interest ${b.accruedInterest}, deferred fees ${b.deferredFees}, reserve ${b.reserve}${memorandum}`;
}

function summary(s: LoanState) {
  return {
    status: s.status, daysPastDue: s.daysPastDue, agingBucket: s.agingBucket, stage: s.stage, outstanding: s.outstanding.total,
    paid: s.paid.total, penaltiesCharged: s.penaltiesCharged, payoff: s.payoff, creditBalance: s.creditBalance,
  };
}

export const command: CliCommand = {
  name: 'simulate',
  summary: 'Day-by-day life of a loan: the decision\'s offer for an application, a payment scenario ([{ "date", "amount" }]) up to a date.',
  usage: 'plazo simulate FILE --application F|- --payments F --until DATE [--disburse DATE] [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      { application: { type: 'string' }, payments: { type: 'string' }, until: { type: 'string' }, disburse: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('missing FILE');
    if (extra.length > 0) throw new UsageError(`one product FILE, got also ${extra.join(' ')}`);
    if (values.application === undefined) throw new UsageError('missing --application F');
    if (values.payments === undefined) throw new UsageError('missing --payments F');
    if (values.until === undefined) throw new UsageError('missing --until DATE');
    if (parseIsoDate(values.until) === undefined) throw new InvalidInputError([{ path: 'until', message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(values.until)}` }]);
    // Without --disburse the loan starts today in the institution's time zone (the engine has no clock).
    const disburse = values.disburse ?? businessToday();
    if (parseIsoDate(disburse) === undefined) throw new InvalidInputError([{ path: 'disburse', message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(disburse)}` }]);
    if (values.until < disburse) throw new InvalidInputError([{ path: 'until', message: `must not be before the disbursement date ${disburse}` }]);

    const text = await readTextInput(file, io);
    const { ir, diagnostics } = compileText(text, { lints: await lintConfigFor(file, io.cwd, io.lang) });
    if (!ir) {
      for (const d of diagnostics) if (d.severity === 'error') io.stderr(formatDiagnostic(file, shownDiagnostic(io, d)) + '\n');
      return 2;
    }
    const application = await readJsonInput(values.application, io);
    const payments = parsePayments(await readJsonInput(values.payments, io), disburse);
    const decision = decide(ir, application, disburse);
    if (!decision.offer) {
      const reasons = decision.reasons.map((r) => r.code).join(', ');
      if (values.json) printJson(io, { product: decision.product, outcome: decision.outcome, reasons: decision.reasons });
      else io.stdout(`${decision.outcome}: no loan to simulate (${reasons})\n`);
      return 1;
    }
    const terms = decision.offer.terms;
    // The product's reserves policy joins here once the IR carries one (options.reserve).
    const { state, books } = simulateBooks(ir, terms, payments, values.until);
    const days = timeline(state);
    if (values.json) {
      printJson(io, { product: decision.product, outcome: decision.outcome, offer: { kind: decision.offer.kind, amount: decision.offer.amount, installment: decision.offer.installment, cat: decision.offer.cat }, terms, until: values.until, days, final: summary(state), accounting: accounting(books) });
      return 0;
    }
    const o = decision.offer;
    io.stdout(`${ir.name} (${ir.code}): ${decision.outcome}, ${o.kind} ${o.amount} in ${o.payments} payments of ${o.installment}, CAT ${o.cat}% sin IVA\n\n`);
    const width = 10;
    const events = new Map(days.map((d) => [d.date, d.events]));
    for (const d of books) {
      const lines = [...(events.get(d.date) ?? []).map(describe), ...(d.lines.length > 0 ? [booksLine(d)] : [])];
      lines.forEach((line, i) => io.stdout(`${(i === 0 ? d.date : '').padEnd(width)}  ${line}\n`));
    }
    const f = summary(state);
    io.stdout(`\non ${values.until}: ${f.status}, ${f.daysPastDue} days past due (${f.agingBucket})${f.stage ? `, stage ${f.stage}` : ''}\n`);
    io.stdout(`outstanding ${f.outstanding}   paid ${f.paid}   payoff ${f.payoff.total}   credit ${f.creditBalance}\n`);
    io.stdout(`penalties charged: late fees ${f.penaltiesCharged.lateFees} + IVA ${f.penaltiesCharged.lateFeesIva}, moratorium ${f.penaltiesCharged.moratorium} + IVA ${f.penaltiesCharged.moratoriumIva}\n`);
    const last = books[books.length - 1]!.books;
    const income = (account: string) => (last.position[account] ?? (0).toFixed(terms.decimals)).replace(/^-/, '');
    io.stdout(`books: ${last.stage}, accrued interest ${last.accruedInterest}, deferred fees ${last.deferredFees}, reserve ${last.reserve}, memorandum ${last.memorandum}; interest income ${income('4100')}, opening fees ${income('4150')}\n`);
    return 0;
  },
};
