// `plazo schedule --terms F|- [--json]`: the repayment schedule and CAT of a LoanTerms JSON.
import { generateSchedule, parseLoanTerms, type Schedule } from '@plazo/engine';
import { parseCommandArgs, printJson, readJsonInput, UsageError, type CliCommand, type CliIo } from '../command.ts';

const COLUMNS = [
  ['#', 'number'],
  ['due date', 'dueDate'],
  ['principal', 'principal'],
  ['interest', 'interest'],
  ['IVA', 'tax'],
  ['fees', 'fees'],
  ['total', 'total'],
  ['balance', 'balance'],
] as const;

/** The schedule as an aligned text table with its totals and CAT. */
export function formatScheduleTable(s: Schedule): string {
  const rows: string[][] = [COLUMNS.map(([h]) => h)];
  for (const i of s.installments) rows.push(COLUMNS.map(([, k]) => String(i[k])));
  rows.push(['', 'totals', s.totals.principal, s.totals.interest, s.totals.tax, s.totals.fees, s.totals.total, '']);
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const out = rows.map(line);
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.splice(out.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  out.push('');
  out.push(`financed ${s.financed}   disbursed ${s.disbursed}   paid at signing ${s.upfront}`);
  out.push(`total to pay ${s.totalToPay}   total cost ${s.totalCost}`);
  out.push(`CAT ${s.cat}% sin IVA (exact ${s.catExact}%; ${s.effectivePeriodRate}% per period). Para fines informativos y de comparación.`);
  return out.join('\n') + '\n';
}

export const command: CliCommand = {
  name: 'schedule',
  summary: 'Generate the repayment schedule and CAT of a LoanTerms JSON (a file, or - for stdin).',
  usage: 'plazo schedule --terms F|- [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(args, { terms: { type: 'string' }, json: { type: 'boolean' } });
    if (values.terms === undefined) throw new UsageError('missing --terms F|-');
    const terms = parseLoanTerms(await readJsonInput(values.terms, io));
    const schedule = generateSchedule(terms);
    if (values.json) printJson(io, schedule);
    else io.stdout(formatScheduleTable(schedule));
    return 0;
  },
};
