// `plazo eod --date D`: closes business dates through D (catching up missed ones first) as one
// worker; start it on several processes or machines against one PostgreSQL to share the run.
// Exit 0 all loans closed, 1 some loans failed (named in eod_runs.errors), 2 bad usage or no database.
import { parseIsoDate } from '@plazo/engine';
import { loadConfig } from '../../config.ts';
import { openRuntimeDatabase } from '../../db/runtime-database.ts';
import { dateInTimeZone } from '../../clock.ts';
import { runEndOfDay, DEFAULT_CHUNK_SIZE, type EodProgress } from '../../eod/eod-run.ts';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command.ts';

function formatSeconds(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(0)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

export const command: CliCommand = {
  name: 'eod',
  summary: 'End of day: close every active loan for the business date (and any missed dates before it), as one worker of a shared run.',
  usage: 'plazo eod [--date YYYY-MM-DD] [--chunk-size N] [--worker NAME] [--quiet] [--json]   (default date: yesterday in PLAZO_TIME_ZONE)',
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      date: { type: 'string' },
      'chunk-size': { type: 'string' },
      worker: { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
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
      if (values.json) printJson(io, { date, runs: reports });
      else if (!values.quiet) {
        if (reports.length === 0) io.stdout(`eod ${date}: already closed\n`);
        for (const r of reports) {
          io.stdout(`eod ${r.date}: ${r.status}, ${r.loansDone} loans closed (${r.loansFailed} failed); this worker ${r.loansByThisWorker} loans in ${r.seconds.toFixed(1)}s\n`);
        }
      }
      return reports.some((r) => r.loansFailed > 0) ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
