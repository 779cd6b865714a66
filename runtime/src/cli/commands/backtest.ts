// `plazo backtest FILE --data CSV [--map F] [--against FILE2] [--as-of D] [--cost B:G] [--refer-as
// approve|decline] [--json]`: a product over historical applications with known outcomes — the
// report as readable tables (or JSON), progress on stderr for long files, and with --against the
// decision flip matrix between two product versions.
import { compileText, formatDiagnostic } from '@plazo/dsl';
import {
  Dec, InvalidInputError, OUTCOMES, backtest, compareBacktests, defaultDataMap, parseCsv, unreadColumns, type BacktestComparison, type BacktestReport, type CostMatrix, type CsvTable,
  type ProductIR,
} from '@plazo/engine';
import { parseCommandArgs, printJson, readJsonInput, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';
import { lintConfigFor } from '../../products/lint-config.ts';

const PROGRESS_MS = 250;

/**
 * `part / whole` as a percent with one decimal, rounded once from the exact ratio ("13.5%" for
 * 21/155 — rounding the report's 4-decimal rate again would give 13.6%); `–` when whole is 0.
 */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : `${new Dec(part).times(100).div(whole).toFixed(1, Dec.ROUND_HALF_UP)}%`;
}

/** Right-aligned columns (the first left-aligned), two spaces apart. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

/** The report as text: summary, outcomes, separation, cost, bands, reasons, unmappable rows. */
export function formatBacktestReport(r: BacktestReport, dataName: string): string {
  const out: string[] = [];
  const share = (n: number) => pct(n, r.decided);
  out.push(`${r.product.code} (${r.product.name}) on ${dataName}, decided as of ${r.asOf}`);
  out.push(`rows ${r.rows}   decided ${r.decided}   unmappable ${r.unmappable.count}   goods ${r.goods}   bads ${r.bads} (${pct(r.bads, r.decided)})`);
  out.push('');
  const badsOf = (o: 'approve' | 'refer' | 'decline') => r.decisions.filter((d) => d.outcome === o && d.bad).length;
  out.push(
    ...table([
      ['outcome', 'count', 'share', 'bads', 'bad rate'],
      ...(['approve', 'refer', 'decline'] as const).map((o) => [o, String(r.outcomes[o]), share(r.outcomes[o]), String(badsOf(o)), pct(badsOf(o), r.outcomes[o])]),
    ]),
  );
  out.push(`approval rate ${share(r.outcomes.approve)}   bad rate among approved ${pct(badsOf('approve'), r.outcomes.approve)}   among declined ${pct(badsOf('decline'), r.outcomes.decline)}`);
  out.push('');
  const s = r.separation;
  out.push(s ? `score separation (${s.n} scored, ${s.goods} good / ${s.bads} bad): KS ${(s.ks * 100).toFixed(1)}% (at score ${s.ksScore})   AUC ${s.auc.toFixed(3)}   Gini ${(s.gini * 100).toFixed(1)}%` : 'score separation: none (no scorecard, or the scored rows lack goods or bads)');
  const c = r.cost;
  if (c) {
    out.push(`expected cost (bad approved ${c.badApproved}, good declined ${c.goodDeclined}; refers counted as ${c.referAs === 'approve' ? 'approved' : 'declined'}): ${c.total} = ${c.perApplication} per application`);
    out.push(`  ${c.badsApproved} bads approved, ${c.goodsDeclined} goods declined; baselines: decline everyone ${c.declineAll}, approve everyone ${c.approveAll}`);
  }
  out.push('');
  out.push(...table([['band', 'count', 'approved', 'referred', 'declined', 'bads', 'bad rate'], ...r.bands.map((b) => [b.band, String(b.count), String(b.approved), String(b.referred), String(b.declined), String(b.bads), pct(b.bads, b.count)])]));
  out.push('');
  if (r.reasons.length > 0) out.push(...table([['reason', 'count', 'share'], ...r.reasons.map((x) => [x.code, String(x.count), share(x.count)])]));
  else out.push('reasons: none given');
  if (r.unmappable.count > 0) {
    out.push('');
    out.push(`unmappable rows (${r.unmappable.count}${r.unmappable.count > 20 ? ', first 20' : ''}):`);
    for (const u of r.unmappable.rows.slice(0, 20)) out.push(`  row ${u.id} (line ${u.line}): ${u.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
  }
  return out.join('\n') + '\n';
}

/** The flip matrix between two versions and how the headline figures moved. */
export function formatComparison(c: BacktestComparison, a: BacktestReport, b: BacktestReport, fileA: string, fileB: string): string {
  const out: string[] = [];
  out.push(`${fileA} → ${fileB}: ${c.changed} of ${c.matched} decisions change`);
  const approved = (r: BacktestReport) => pct(r.outcomes.approve, r.decided);
  const badApproved = (r: BacktestReport) => pct(r.decisions.filter((d) => d.outcome === 'approve' && d.bad).length, r.outcomes.approve);
  out.push(`  approval ${approved(a)} → ${approved(b)}   bad rate among approved ${badApproved(a)} → ${badApproved(b)}${a.cost && b.cost ? `   cost ${a.cost.total} → ${b.cost.total}` : ''}`);
  out.push('');
  out.push(...table([['before \\ after', ...OUTCOMES], ...OUTCOMES.map((x) => [x, ...OUTCOMES.map((y) => String(c.matrix[x][y].count))])]));
  out.push('');
  for (const x of OUTCOMES) {
    for (const y of OUTCOMES) {
      const cell = c.matrix[x][y];
      if (x === y || cell.count === 0) continue;
      out.push(`${x} → ${y}: ${cell.count} (${cell.bads} bad), e.g. rows ${cell.examples.join(', ')}`);
    }
  }
  if (c.onlyBefore.length + c.onlyAfter.length > 0) out.push(`decided by only one version: ${c.onlyBefore.length} before, ${c.onlyAfter.length} after`);
  return out.join('\n') + '\n';
}

function parseCost(text: string | undefined, referAs: string | undefined): CostMatrix | undefined {
  if (referAs !== undefined && referAs !== 'approve' && referAs !== 'decline') throw new UsageError('--refer-as must be approve or decline');
  if (text === undefined) {
    if (referAs !== undefined) throw new UsageError('--refer-as needs --cost BAD_APPROVED:GOOD_DECLINED');
    return undefined;
  }
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new UsageError(`--cost must be BAD_APPROVED:GOOD_DECLINED like 5:1, got \`${text}\``);
  return { badApproved: m[1]!, goodDeclined: m[2]!, ...(referAs ? { referAs: referAs as 'approve' | 'decline' } : {}) };
}

async function compileFile(file: string, io: CliIo): Promise<ProductIR | null> {
  const { ir, diagnostics } = compileText(await readTextInput(file, io), { lints: await lintConfigFor(file, io.cwd, io.lang) });
  if (!ir) for (const d of diagnostics) if (d.severity === 'error') io.stderr(formatDiagnostic(file, shownDiagnostic(io, d)) + '\n');
  return ir ?? null;
}

/** Re-raises the engine's input errors about the data or the map with the file they are about. */
function about<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new UsageError(`${file}: ${error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n  ')}`);
    throw error;
  }
}

/**
 * Without `--map` the automatic map reads each column named like an input path (ignoring case) and
 * `outcome`: checks it before any row runs (a required input without a column is exit 2, named) and
 * notes on stderr each column no product reads.
 */
function noteUnreadColumns(data: CsvTable, products: readonly ProductIR[], dataName: string, io: CliIo): void {
  const unread = products.map((product) => new Set(about(dataName, () => unreadColumns(defaultDataMap(product, data.header), data.header))));
  for (const column of data.header) {
    if (unread.every((columns) => columns.has(column))) io.stderr(`note: ${dataName}: column \`${column}\` is no input of the product (nor \`outcome\`): ignored\n`);
  }
}

export const command: CliCommand = {
  name: 'backtest',
  summary: 'Run a product over historical applications with known outcomes: approval and bad rates, KS/AUC/Gini, cost, bands, reasons; --against: the decision flip matrix.',
  usage: 'plazo backtest FILE --data CSV [--map F] [--against FILE2] [--as-of YYYY-MM-DD] [--cost B:G] [--refer-as approve|decline] [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        data: { type: 'string' }, map: { type: 'string' }, against: { type: 'string' }, 'as-of': { type: 'string' },
        cost: { type: 'string' }, 'refer-as': { type: 'string' }, json: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : 'backtest takes one FILE (compare with --against FILE2)');
    if (values.data === undefined) throw new UsageError('missing --data CSV');
    const file = positionals[0]!;
    const costMatrix = parseCost(values.cost, values['refer-as']);
    const ir = await compileFile(file, io);
    const other = values.against === undefined ? null : await compileFile(values.against, io);
    if (!ir || (values.against !== undefined && !other)) return 1;
    const dataName = values.data;
    const text = await readTextInput(dataName, io);
    const data: CsvTable = about(dataName, () => parseCsv(text));
    const map = values.map === undefined ? undefined : await readJsonInput(values.map, io);
    if (map === undefined) noteUnreadColumns(data, other ? [ir, other] : [ir], dataName, io);
    const options = {
      ...(map !== undefined ? { map } : {}),
      ...(costMatrix ? { costMatrix } : {}),
      ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    };
    const run = (product: ProductIR, label: string): BacktestReport => {
      // Progress on stderr, at most every 250 ms, only for runs long enough to need it.
      const start = performance.now();
      let last = start;
      let shown = false;
      const report = about(values.map ?? dataName, () =>
        backtest(product, data, {
          ...options,
          onProgress: ({ done, total }) => {
            const now = performance.now();
            if (now - last < PROGRESS_MS || (done === total && !shown)) return;
            last = now;
            shown = true;
            io.stderr(`backtest ${label}: ${done}/${total} rows\n`);
          },
        }),
      );
      return report;
    };
    const report = run(ir, file);
    const against = other ? run(other, values.against!) : null;
    const comparison = against ? compareBacktests(report, against) : null;
    if (values.json) {
      const { decisions: _a, ...summary } = report;
      printJson(io, {
        data: dataName,
        report: summary,
        ...(against && comparison ? { against: { file: values.against, report: (({ decisions: _b, ...rest }) => rest)(against) }, comparison } : {}),
      });
    } else {
      io.stdout(formatBacktestReport(report, dataName));
      if (against && comparison) {
        io.stdout(`\n== against ${values.against}\n`);
        io.stdout(formatBacktestReport(against, dataName));
        io.stdout('\n== flip matrix\n');
        io.stdout(formatComparison(comparison, report, against, file, values.against!));
      }
    }
    return 0;
  },
};
