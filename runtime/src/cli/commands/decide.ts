// `plazo decide FILE --application F|- [--as-of DATE] [--json]`: compiles a product file and
// decides one application: outcome, reasons, score breakdown, band, offer and CAT. Exit 0 on
// approval, 1 on decline or refer, 2 when the product does not compile or the application is invalid.
import { compileText, formatDiagnostic } from '@plazo/dsl';
import { decide, parseIsoDate, type Decision, type Frequency, type OfferRecord } from '@plazo/engine';
import { businessToday, parseCommandArgs, printJson, readJsonInput, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';
import { lintConfigFor } from '../../products/lint-config.ts';

function money(amount: string): string {
  const [int, frac] = amount.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function percent(fraction: string): string {
  // Move the point two places on the digits: never through a float.
  const neg = fraction.startsWith('-');
  const [int, frac = ''] = (neg ? fraction.slice(1) : fraction).split('.');
  const digits = `${int}${frac.padEnd(2, '0')}`;
  const cut = int!.length + 2;
  const whole = digits.slice(0, cut).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(cut).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${rest ? `.${rest}` : ''}%`;
}

function frequencyName(f: Frequency): string {
  return typeof f === 'object' ? `every-${f.everyDays}-days` : f;
}

function points(p: string): string {
  return p.startsWith('-') || p === '0' ? p : `+${p}`;
}

function offerLines(o: OfferRecord, asOf: string): string[] {
  const head = o.kind === 'counteroffer' ? `counteroffer: ${money(o.amount)} (requested ${money(o.requestedAmount)})` : `offer: ${money(o.amount)}`;
  const fees = o.fees.map((f) => `${f.name} ${f.amount !== undefined ? money(f.amount) : `${percent(f.percent!)}${f.of ? ` of ${f.of}` : ''}`} ${f.timing}${f.taxable === false ? ', no IVA' : ''}`);
  return [
    `${head} in ${o.payments} ${frequencyName(o.frequency)} payments at ${percent(o.annualRate)} a year (${o.method})`,
    `  installment ${money(o.installment)}   total to pay ${money(o.totalToPay)}   disbursed ${money(o.disbursed)}   paid at signing ${money(o.upfront)}`,
    `  first due ${o.schedule.firstDueDate}, last due ${o.schedule.lastDueDate}; interest ${money(o.schedule.totals.interest)}, IVA ${money(o.schedule.totals.tax)}`,
    ...(fees.length > 0 ? [`  fees: ${fees.join('; ')}`] : []),
    `  CAT ${o.cat}% Sin IVA. Para fines informativos y de comparación. Calculado el ${asOf}.`,
  ];
}

/** The decision as text: outcome, reasons, score breakdown, band, offer with its CAT. */
export function formatDecision(d: Decision): string {
  const out: string[] = [`${d.product.code} (${d.product.hash.slice(0, 12)}) as of ${d.asOf}`, `outcome: ${d.outcome.toUpperCase()}`];
  if (d.reasons.length > 0) {
    out.push('reasons:');
    for (const r of d.reasons) out.push(`  ${r.code} (${r.source}, ${r.outcome})${r.message ? `: ${r.message}` : ''}`);
  }
  if (d.score) {
    out.push(`score ${d.score.total} (base ${d.score.base})${d.band !== null ? `, band ${d.band}` : ', no band'}`);
    const rows = d.score.characteristics.map((c) => [c.name, c.value === null ? 'missing' : String(c.value), c.bin, points(c.points), c.reason ?? '']);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) out.push(`  ${r.slice(0, 4).map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')}  ${r[4]}`.trimEnd());
    if (d.adverseActionReasons.length > 0) out.push(`adverse-action reasons: ${d.adverseActionReasons.join(', ')}`);
  }
  if (d.offer) out.push(...offerLines(d.offer, d.asOf));
  return out.join('\n') + '\n';
}

export const command: CliCommand = {
  name: 'decide',
  summary: 'Decide one application under a product file: eligibility, score, reasons, offer, schedule summary and CAT.',
  usage: 'plazo decide FILE --application F|- [--as-of YYYY-MM-DD] [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      { application: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : 'decide takes one FILE');
    if (values.application === undefined) throw new UsageError('missing --application F|-');
    const asOf = values['as-of'] ?? businessToday();
    if (parseIsoDate(asOf) === undefined) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got \`${asOf}\``);
    const file = positionals[0]!;
    if (file === '-' && values.application === '-') throw new UsageError('FILE and --application cannot both be read from stdin');
    const shown = file === '-' ? '<stdin>' : file;
    const { ir, diagnostics } = compileText(await readTextInput(file, io), { lints: await lintConfigFor(file, io.cwd, io.lang) });
    for (const diag of diagnostics) io.stderr(formatDiagnostic(shown, shownDiagnostic(io, diag)) + '\n');
    if (!ir) throw new UsageError(`\`${shown}\` does not compile`);
    const decision = decide(ir, await readJsonInput(values.application, io), asOf);
    if (values.json) printJson(io, decision);
    else io.stdout(formatDecision(decision));
    return decision.outcome === 'approve' ? 0 : 1;
  },
};
