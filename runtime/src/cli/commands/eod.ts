// `plazo eod --date D`: closes business dates through D (catching up missed ones first) as one
// worker; start it on several processes or machines against one PostgreSQL to share the run. Then
// the books check (ledger/books-check.ts): the journal's loan subledger accounts equal Σ of the
// loans' stored books, every loan's position sums to zero, every open loan's principal on the
// books is the engine's; differences are listed (`--json`: `books`).
// Exit 0 all loans closed and the books agree, 1 some loans failed (named in eod_runs.errors) or
// the books differ, 2 bad usage or no database.
import { parseIsoDate } from '@plazo/engine';
import { loadConfig } from '../../config.ts';
import { openRuntimeDatabase } from '../../db/runtime-database.ts';
import { dateInTimeZone } from '../../clock.ts';
import { runEndOfDay, DEFAULT_CHUNK_SIZE, type EodProgress } from '../../eod/eod-run.ts';
import { checkBooks } from '../../ledger/books-check.ts';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command.ts';

function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(0)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

export const command: CliCommand = {
  name: 'eod',
  summary: 'End of day: close every active loan for the business date (and any missed dates before it), as one worker of a shared run.',
  usage: 'plazo eod [--date YYYY-MM-DD] [--chunk-size N] [--worker NAME] [--no-books-check] [--quiet] [--json]   (default date: yesterday in PLAZO_TIME_ZONE)',
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      date: { type: 'string' },
      'chunk-size': { type: 'string' },
      worker: { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-books-check': { type: 'boolean' },
    });
    const config = loadConfig(process.env, io.cwd);
    const yesterday = dateInTimeZone(new Date(Date.now() - 86_400_000), config.timeZone);
    const date = values.date ?? yesterday;
    if (parseIsoDate(date) === undefined) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, got \`${date}\``);
    const chunkSize = values['chunk-size'] === undefined ? DEFAULT_CHUNK_SIZE : Number(values['chunk-size']);
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 20000) throw new UsageError('--chunk-size must be an integer from 1 to 20000');
    const delay = values['chunk-delay-ms'] === undefined ? 0 : Number(values['chunk-delay-ms']);
    let database;
    try {
      database = await openRuntimeDatabase(config);
    } catch (error) {
      io.stderr(`plazo eod: ${(error as Error).message}\n`);
      return 2;
    }
    const tty = !values.json && !values.quiet;
    let lastPrint = 0;
    const onProgress = (p: EodProgress) => {
      if (!tty) return;
      const now = Date.now();
      if (now - lastPrint < 500 && p.loansDone < p.loansTotal) return;
      lastPrint = now;
      io.stderr(`eod ${p.date}: ${p.loansDone}/${p.loansTotal} loans, chunk ${p.chunksDone}/${p.chunksTotal}, ${Math.round(p.rate)} loans/s, ETA ${formatSeconds(p.etaSeconds)}\n`);
    };
    try {
      const reports = await runEndOfDay(database.db, { through: date, chunkSize, onProgress, ...(values.worker ? { worker: values.worker } : {}), ...(delay > 0 ? { chunkDelayMs: delay } : {}) });
      const books = values['no-books-check'] ? null : await checkBooks(database.db);
      if (values.json) printJson(io, { date, runs: reports, ...(books ? { books } : {}) });
      else if (!values.quiet) {
        if (reports.length === 0) io.stdout(`eod ${date}: already closed\n`);
        for (const r of reports) {
          io.stdout(`eod ${r.date}: ${r.status}, ${r.loansDone} loans closed (${r.loansFailed} failed); this worker ${r.loansByThisWorker} loans in ${r.seconds.toFixed(1)}s\n`);
        }
        if (books?.ok) io.stdout(`books: ${books.loans} loans, the ledger's loan accounts equal the loans' books\n`);
        else if (books) {
          for (const d of books.ledgerDifferences) io.stdout(`books: account ${d.account}: loans' books ${d.books}, ledger ${d.ledger}\n`);
          for (const d of books.loanDifferences) io.stdout(`books: loan ${d.loanId} ${d.account}: books ${d.books}, state ${d.state}\n`);
        }
      }
      if (books && !books.ok && values.quiet) io.stderr(`plazo eod: the books differ from the ledger or the loans' state (run with --json for the list)\n`);
      return reports.some((r) => r.loansFailed > 0) || (books !== null && !books.ok) ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
