// `pnpm --filter @plazo/dsl bench`: warm timings (median of N runs after a warm-up) of the language
// toolchain on every example and on a generated 5,000-line product, each next to a baseline measured
// in the same run: the raw Chevrotain lexing of the same text, and JSON.parse of its IR.
// Two forms of the same code: as tsx runs it (the runtime, the CLI; tsx compiles with esbuild's
// keepNames) and as the studio ships it (bundled by Vite, in a browser worker). The 50 ms target
// is judged on the studio's bundled form; the tsx form is printed beside it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsxDsl from '../src/index.ts';
import { lex } from '../src/lexer/lexer.ts';
import { bundledDsl } from './bundle.ts';
import { largeProduct } from './large-product.ts';

const WARMUP = 10;
const RUNS = Number(process.env['PLAZO_BENCH_RUNS'] ?? 30);
const TARGET_MS = 50;

/** Median wall time of `runs` calls after `warmup` calls, in milliseconds. */
function median(fn: () => unknown, runs = RUNS, warmup = WARMUP): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

type Dsl = typeof tsxDsl;
type Compile = (file: tsxDsl.ProductFile, options: { parseDiagnostics: tsxDsl.Diagnostic[] }) => { ir?: unknown; diagnostics: tsxDsl.Diagnostic[] };

interface Row {
  name: string;
  lines: number;
  lexMs: number;
  parseMs: number;
  pipelineMs: number;
  irJsonParseMs?: number;
  errors: number;
}

/** parse (lex + CST + AST) alone and parse + check + compile, with the baselines. */
function measure(dsl: Dsl, name: string, text: string): Row {
  const compile = (dsl as Record<string, unknown>)['compile'] as Compile | undefined;
  const parsed = dsl.parse(text);
  const compiled = compile?.(parsed.file, { parseDiagnostics: parsed.diagnostics });
  const irJson = compiled?.ir ? JSON.stringify(compiled.ir) : undefined;
  return {
    name,
    lines: text.split('\n').length,
    lexMs: median(() => lex(text)),
    parseMs: median(() => dsl.parse(text)),
    pipelineMs: median(() => {
      const p = dsl.parse(text);
      return compile ? compile(p.file, { parseDiagnostics: p.diagnostics }) : p;
    }),
    ...(irJson ? { irJsonParseMs: median(() => JSON.parse(irJson)) } : {}),
    errors: (compiled?.diagnostics ?? parsed.diagnostics).filter((d) => d.severity === 'error').length,
  };
}

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '../../examples');
const texts: [string, string][] = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.plazo'))
  .sort()
  .map((f) => [f, readFileSync(join(examplesDir, f), 'utf8')]);
texts.push(['generated 5,000-line product', largeProduct(5_000)]);
const pipeline = 'compile' in tsxDsl ? 'parse+check+compile' : 'parse';

/** Measures every text with one form of the dsl and prints its table; returns the large product's row. */
function report(title: string, dsl: Dsl): Row {
  const rows = texts.map(([name, text]) => measure(dsl, name, text));
  const large = rows[rows.length - 1]!;
  const header = ['product', 'lines', 'lex (baseline)', 'parse', pipeline, 'JSON.parse IR (baseline)', 'errors'];
  const table = rows.map((r) => [
    r.name,
    String(r.lines),
    `${r.lexMs.toFixed(2)} ms`,
    `${r.parseMs.toFixed(2)} ms`,
    `${r.pipelineMs.toFixed(2)} ms`,
    r.irJsonParseMs === undefined ? '-' : `${r.irJsonParseMs.toFixed(2)} ms`,
    String(r.errors),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  return large;
}

/** One line on the large product: its time, against the target and the baselines of the same run. */
function summary(form: string, large: Row, judged: boolean): string {
  const verdict = large.pipelineMs < TARGET_MS ? 'meets' : 'MISSES';
  return (
    `${form}: ${pipeline} ${large.pipelineMs.toFixed(1)} ms${judged ? ` ${verdict} the ${TARGET_MS} ms target` : ` (${verdict === 'meets' ? 'under' : 'over'} ${TARGET_MS} ms)`}; ` +
    `${(large.pipelineMs / large.lexMs).toFixed(1)}x the raw lexing time` +
    (large.irJsonParseMs ? `, ${(large.pipelineMs / large.irJsonParseMs).toFixed(1)}x JSON.parse of its IR` : '')
  );
}

console.log(`@plazo/dsl bench: median of ${RUNS} warm runs after ${WARMUP} warm-up runs (node ${process.version})`);
const tsxLarge = report('tsx form (src/*.ts through tsx, as the runtime and the CLI run it):', tsxDsl);
const bundled = await bundledDsl();
const bundledLarge = bundled.dsl ? report('Vite bundle (as the studio ships it to its language worker; timed here in Node):', bundled.dsl) : undefined;
console.log(`\n${tsxLarge.lines}-line product, target judged on the studio's bundled form:`);
if (bundledLarge) console.log(`  ${summary('Vite bundle', bundledLarge, true)}`);
else console.log(`  Vite bundle: not measured, the build failed: ${bundled.error}`);
console.log(`  ${summary('tsx form   ', tsxLarge, false)}`);
