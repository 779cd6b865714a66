// Checks a loan's event list before the fold: known kinds, real dates in order, a disbursement
// first, well-formed amounts, reversals of earlier payments. Every problem with its path.
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import { parseIsoDate } from '../calendar/iso-date.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import type { LoanEvent } from './loan-event.ts';

const DECIMAL = /^\d+(\.\d+)?$/;
const KINDS = ['disbursement', 'payment', 'payment-reversal', 'day-close', 'fee-charged', 'restructure', 'write-off'];

const ZERO = /^0+(\.0+)?$/;

function amountIssue(value: unknown, decimals: number): string | null {
  if (typeof value !== 'string' || !DECIMAL.test(value)) return `must be a positive decimal string like "250.00", got ${JSON.stringify(value)}`;
  if (ZERO.test(value)) return 'must be greater than zero';
  // Decimal places as Decimal counts them: trailing zeros do not count.
  const dot = value.indexOf('.');
  let end = value.length;
  if (dot >= 0) while (end > dot + 1 && value.charCodeAt(end - 1) === 48) end--;
  if (dot >= 0 && end - dot - 1 > decimals) return `has more than ${decimals} decimal places (the currency scale)`;
  return null;
}

/**
 * Validates `events` for a loan with `terms`, returning them typed; throws InvalidInputError with
 * paths like `events[3].amount`. Dates must not decrease; the first event is the disbursement on
 * the terms' disbursement date; payment ids are unique; a reversal names an earlier payment not
 * reversed yet; at most one write-off.
 */
export function validateEvents(events: unknown, terms: LoanTerms): readonly LoanEvent[] {
  const issues: FieldIssue[] = [];
  if (!Array.isArray(events)) throw new InvalidInputError([{ path: 'events', message: 'must be a list of loan events' }]);
  const payments = new Set<string>();
  const reversed = new Set<string>();
  let previous: number | undefined;
  let writeOffs = 0;
  events.forEach((e: unknown, i) => {
    const at = `events[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      issues.push({ path: at, message: 'must be an event object' });
      return;
    }
    const ev = e as Record<string, unknown>;
    const kind = ev['kind'];
    if (typeof kind !== 'string' || !KINDS.includes(kind)) {
      issues.push({ path: `${at}.kind`, message: `must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}` });
      return;
    }
    const date = typeof ev['date'] === 'string' ? parseIsoDate(ev['date']) : undefined;
    if (date === undefined) issues.push({ path: `${at}.date`, message: `must be a calendar date as "YYYY-MM-DD", got ${JSON.stringify(ev['date'])}` });
    else {
      if (previous !== undefined && date < previous) issues.push({ path: `${at}.date`, message: 'events must be in date order: this one is before the previous event' });
      previous = date;
    }
    if (i === 0 && kind !== 'disbursement') issues.push({ path: `${at}.kind`, message: 'the first event must be the disbursement' });
    if (i > 0 && kind === 'disbursement') issues.push({ path: `${at}.kind`, message: 'a loan is disbursed once, as its first event' });
    switch (kind) {
      case 'disbursement':
        if (ev['date'] !== terms.disbursementDate) issues.push({ path: `${at}.date`, message: `must be the terms' disbursement date ${terms.disbursementDate}` });
        break;
      case 'payment': {
        const id = ev['id'];
        if (typeof id !== 'string' || id === '' || id === 'credit') issues.push({ path: `${at}.id`, message: 'must be a non-empty string other than `credit`' });
        else if (payments.has(id)) issues.push({ path: `${at}.id`, message: `payment id \`${id}\` is used twice` });
        else payments.add(id);
        const why = amountIssue(ev['amount'], terms.decimals);
        if (why) issues.push({ path: `${at}.amount`, message: why });
        break;
      }
      case 'payment-reversal': {
        const id = ev['paymentId'];
        if (typeof id !== 'string' || !payments.has(id)) issues.push({ path: `${at}.paymentId`, message: `must name an earlier payment, got ${JSON.stringify(id)}` });
        else if (reversed.has(id)) issues.push({ path: `${at}.paymentId`, message: `payment \`${id}\` is already reversed` });
        else reversed.add(id);
        break;
      }
      case 'fee-charged': {
        if (typeof ev['name'] !== 'string' || ev['name'] === '') issues.push({ path: `${at}.name`, message: 'must be a non-empty string' });
        const why = amountIssue(ev['amount'], terms.decimals);
        if (why) issues.push({ path: `${at}.amount`, message: why });
        if (ev['taxable'] !== undefined && typeof ev['taxable'] !== 'boolean') issues.push({ path: `${at}.taxable`, message: 'must be true or false' });
        if (ev['installment'] !== undefined && !(Number.isInteger(ev['installment']) && (ev['installment'] as number) >= 1)) issues.push({ path: `${at}.installment`, message: 'must be an installment number (1 or more)' });
        break;
      }
      case 'restructure':
        if (!Number.isInteger(ev['installments']) || (ev['installments'] as number) < 1) issues.push({ path: `${at}.installments`, message: `must be a whole number of installments (1 or more), got ${JSON.stringify(ev['installments'])}` });
        break;
      case 'write-off':
        if (++writeOffs > 1) issues.push({ path: `${at}.kind`, message: 'a loan is written off once' });
        break;
    }
  });
  if (events.length === 0) issues.push({ path: 'events', message: 'must start with the disbursement' });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return events as readonly LoanEvent[];
}
