// `plazo statement parse FILE --format F [--layout layout.json] [--json]`: reads a bank statement
// or payments file as the import would (README "Statement formats") and prints its lines and
// summary — to try a bank's file or a layout before saving it. Text output streams line by line;
// --json prints one document { file, format, lines, summary, totals } at the end.
// Exit 0 read, 1 the file is malformed (the line and field on stderr), 2 bad usage or a bad layout.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Dec as Decimal } from '@plazo/engine';
import { statementOptionsSchema, statementParser } from '../../banking/formats/index.ts';
import { STATEMENT_FORMATS, StatementFormatError, type StatementFormat, type StatementLine } from '../../banking/statement-line.ts';
import { parseCommandArgs, printJson, readJsonInput, UsageError, type CliCommand, type CliIo } from '../command.ts';

const WORDS = {
  en: { header: ['line', 'value date', 'booked', 'type', 'amount', 'currency', 'reference', 'tracking key', 'payer', 'note'], credit: 'credit', debit: 'debit', rejected: 'rejected', returnOf: 'returns', lines: 'lines', credits: 'credits', debits: 'debits', rejectedCharges: 'rejected charges', account: 'account', from: 'from', to: 'to', opening: 'opening balance', closing: 'closing balance', line: 'line' },
  es: { header: ['línea', 'fecha valor', 'registro', 'tipo', 'importe', 'moneda', 'referencia', 'clave de rastreo', 'ordenante', 'nota'], credit: 'abono', debit: 'cargo', rejected: 'rechazado', returnOf: 'devuelve', lines: 'movimientos', credits: 'abonos', debits: 'cargos', rejectedCharges: 'cargos rechazados', account: 'cuenta', from: 'del', to: 'al', opening: 'saldo inicial', closing: 'saldo final', line: 'línea' },
} as const;

class Totals {
  private readonly counts = { credits: 0, debits: 0, rejected: 0 };
  private readonly amounts = { credits: new Decimal(0), debits: new Decimal(0), rejected: new Decimal(0) };
  add(line: StatementLine): void {
    const bucket = line.outcome === 'rejected' ? 'rejected' : line.direction === 'credit' ? 'credits' : 'debits';
    this.counts[bucket]++;
    this.amounts[bucket] = this.amounts[bucket].plus(line.amount);
  }
  toJSON() {
    const of = (k: keyof Totals['counts']) => ({ count: this.counts[k], amount: this.amounts[k].toFixed(2) });
    return { credits: of('credits'), debits: of('debits'), rejected: of('rejected') };
  }
}

export const command: CliCommand = {
  name: 'statement',
  summary: 'Read a bank statement or payments file (mt940, camt053, oxxo, domiciliacion, csv) as the import would, and print its lines and summary; a malformed file names the line and field.',
  usage: `plazo statement parse FILE|- --format ${STATEMENT_FORMATS.join('|')} [--layout LAYOUT.json] [--json]`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, layout: { type: 'string' }, json: { type: 'boolean' } }, true);
    const [sub, file, ...extra] = positionals;
    if (sub !== 'parse') throw new UsageError(sub === undefined ? 'missing `parse`' : `unknown subcommand \`${sub}\``);
    if (file === undefined) throw new UsageError('missing the FILE to read (or `-` for standard input)');
    if (extra.length > 0) throw new UsageError(`unexpected \`${extra.join(' ')}\``);
    const format = values.format as StatementFormat | undefined;
    if (format === undefined) throw new UsageError(`--format is required: ${STATEMENT_FORMATS.join(', ')}`);
    if (!STATEMENT_FORMATS.includes(format)) throw new UsageError(`unknown --format \`${format}\`: ${STATEMENT_FORMATS.join(', ')}`);
    const parser = statementParser(format);
    if (!parser) throw new UsageError(`this build has no parser for \`${format}\``);
    let options: unknown = {};
    if (values.layout !== undefined) {
      const layout = await readJsonInput(values.layout, io);
      // A saved layout ({ format, options }) or its options alone.
      options = layout !== null && typeof layout === 'object' && 'options' in layout ? (layout as { options: unknown }).options : layout;
      const schema = statementOptionsSchema(format);
      const checked = schema?.safeParse(options);
      if (checked && !checked.success) {
        for (const issue of checked.error.issues) io.stderr(`plazo statement: ${values.layout}: ${issue.path.join('.') || '(layout)'}: ${issue.message}\n`);
        return 2;
      }
    }
    const input = await openInput(file, io);
    const lang = io.lang ?? 'en';
    const w = WORDS[lang];
    const totals = new Totals();
    const lines: StatementLine[] = [];
    if (!values.json) io.stdout(`${w.header.join('\t')}\n`);
    try {
      const gen = parser.parse(input, options);
      for (;;) {
        const next = await gen.next();
        if (next.done) {
          const summary = next.value;
          if (values.json) {
            printJson(io, { file, format, lines, summary, totals: totals.toJSON() });
            return 0;
          }
          const t = totals.toJSON();
          const currency = summary.currency ? ` ${summary.currency}` : '';
          io.stdout(`\n${t.credits.count + t.debits.count + t.rejected.count} ${w.lines}: ${t.credits.count} ${w.credits} ${t.credits.amount}${currency}, ${t.debits.count} ${w.debits} ${t.debits.amount}${currency}${t.rejected.count > 0 ? `, ${t.rejected.count} ${w.rejectedCharges} ${t.rejected.amount}${currency}` : ''}\n`);
          const about = [
            summary.accountId && `${w.account} ${summary.accountId}`,
            summary.from && `${w.from} ${summary.from}`,
            summary.to && `${w.to} ${summary.to}`,
            summary.openingBalance && `${w.opening} ${summary.openingBalance}`,
            summary.closingBalance && `${w.closing} ${summary.closingBalance}`,
          ].filter(Boolean);
          if (about.length > 0) io.stdout(`${about.join(', ')}\n`);
          return 0;
        }
        const line = next.value;
        totals.add(line);
        if (values.json) lines.push(line);
        else {
          const note = line.outcome === 'rejected' ? `${w.rejected}: ${line.rejectReason ?? ''}` : line.returnOf ? `${w.returnOf} ${line.returnOf}` : (line.raw['note'] ?? '');
          io.stdout(`${[line.lineNo, line.valueDate, line.bookingDate ?? '', w[line.direction], line.amount, line.currency ?? '', line.reference ?? '', line.trackingKey, line.payerName ?? '', note].join('\t')}\n`);
        }
      }
    } catch (error) {
      if (error instanceof StatementFormatError) {
        io.stderr(`plazo statement: ${file}:${error.lineNo}: ${error.field ? `${error.field}: ` : ''}${error.message.replace(/^line \d+( \([^)]*\))?: /, '')}\n`);
        return 1;
      }
      throw error;
    }
  },
};

async function openInput(file: string, io: CliIo): Promise<AsyncIterable<Uint8Array | string>> {
  if (file === '-') {
    const text = await io.readStdin();
    return (async function* () {
      yield text;
    })();
  }
  const path = resolve(io.cwd, file);
  try {
    if ((await stat(path)).isDirectory()) throw new UsageError(`cannot read \`${file}\`: is a directory`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message)}`);
  }
  return createReadStream(path);
}
