// One end-of-day worker process of the benchmark (bench/eod.bench.ts starts one or several):
// runEndOfDay as `plazo eod --date D --worker NAME` runs it, on DATABASE_URL or on the PGlite data
// directory EOD_BENCH_PGLITE_DIR, then one JSON line on stdout with what it did, its CPU time and
// its peak RSS. Progress lines go to stderr.
//   node --import tsx bench/eod-worker.ts <date> <worker name> <chunk size>
import { openDatabase } from '../src/db/open-database.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { eodTimings, resetEodTimings } from '../src/eod/eod-timings.ts';

const [date, worker, chunk] = process.argv.slice(2);
const target = process.env.DATABASE_URL
  ? ({ kind: 'postgres', connectionString: process.env.DATABASE_URL, poolSize: 2 } as const)
  : ({ kind: 'pglite', dataDir: process.env.EOD_BENCH_PGLITE_DIR! } as const);
const { db } = await openDatabase(target);
resetEodTimings({ backendCpu: process.env.EOD_BENCH_BACKEND_CPU === '1' });
const cpu = process.cpuUsage();
const started = performance.now();
let printed = 0;
try {
  const reports = await runEndOfDay(db, {
    through: date!,
    worker: worker!,
    chunkSize: Number(chunk),
    onProgress: (p) => {
      if (performance.now() - printed < 10_000) return;
      printed = performance.now();
      process.stderr.write(`    [${worker}] ${p.date}: ${p.loansDone}/${p.loansTotal} loans, ${Math.round(p.rate)} loans/s by this worker, ETA ${Math.round(p.etaSeconds ?? 0)} s\n`);
    },
  });
  const used = process.cpuUsage(cpu);

  process.stdout.write(
    `${JSON.stringify({
      worker,
      reports,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      timings: eodTimings,
    })}\n`,
  );
} finally {
  await db.destroy();
}
