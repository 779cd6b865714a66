// The nightly end of day inside the service: once a minute, after `at` (HH:MM in the lender's
// time zone), closes every business date through yesterday that is not closed yet. Several
// service processes may run it: they share the run through the chunk claims. Each night it closed
// ends with the books check (ledger/books-check.ts), logged. Enabled by PLAZO_EOD_AT (runtime/README.md).
import type { Kysely } from 'kysely';
import { addDays } from '@plazo/engine';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { runEndOfDay } from './eod-run.ts';
import { checkBooks } from '../ledger/books-check.ts';

export interface EodSchedule {
  stop(): Promise<void>;
}

function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** Starts the schedule; `stop()` waits for a run in progress to finish its chunk. */
export function startEodSchedule(options: { db: Kysely<Database>; clock: Clock; at: string; timeZone: string; logger: Logger; everyMs?: number; chunkSize?: number }): EodSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    const now = options.clock.now();
    if (localTime(now, options.timeZone) < options.at) return;
    const through = addDays(options.clock.today(), -1);
    running = (async () => {
      try {
        const reports = await runEndOfDay(options.db, { through, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) });
        for (const r of reports) options.logger.info('end of day closed', { date: r.date, loans: r.loansDone, failed: r.loansFailed, byThisWorker: r.loansByThisWorker, seconds: r.seconds });
        // After a night closed here, the books check `plazo eod` ends with: differences are an error in the log.
        if (reports.length > 0) {
          const books = await checkBooks(options.db);
          if (books.ok) options.logger.info('books agree with the ledger', { loans: books.loans });
          else options.logger.error('books differ from the ledger', { accounts: books.ledgerDifferences, loans: books.loanDifferences.slice(0, 20) });
        }
      } catch (error) {
        options.logger.error('end of day failed; retried at the next tick', { error: (error as Error).message });
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, options.everyMs ?? 60_000);
  timer.unref();
  setTimeout(tick, 0).unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
