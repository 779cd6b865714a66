// `pnpm --filter @plazo/dsl bench`: warm timings (median of N runs after a warm-up) of the language
// toolchain on every example and on a generated 5,000-line product, each next to a baseline measured
// in the same run: the raw Chevrotain lexing of the same text, and JSON.parse of its IR.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as dsl from '../src/index.ts';
import { lex } from '../src/lexer/lexer.ts';
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

type Compile = (file: dsl.ProductFile, options: { parseDiagnostics: dsl.Diagnostic[] }) => { ir?: unknown; diagnostics: dsl.Diagnostic[] };
const compile = (dsl as Record<string, unknown>)['compile'] as Compile | undefined;

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
function measure(name: string, text: string): Row {
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

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../examples');
const rows: Row[] = readdirSync(examples)
  .filter((f) => f.endsWith('.plazo'))
  .sort()
  .map((f) => measure(f, readFileSync(join(examples, f), 'utf8')));
const large = measure('generated 5,000-line product', largeProduct(5_000));
rows.push(large);

const pipeline = compile ? 'parse+check+compile' : 'parse';
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
console.log(`@plazo/dsl bench: median of ${RUNS} warm runs after ${WARMUP} warm-up runs (node ${process.version})`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
const verdict = large.pipelineMs < TARGET_MS ? 'meets' : 'MISSES';
console.log(
  `\n${large.lines}-line product: ${pipeline} ${large.pipelineMs.toFixed(1)} ms ${verdict} the ${TARGET_MS} ms target; ` +
    `${(large.pipelineMs / large.lexMs).toFixed(1)}x the raw lexing time` +
    (large.irJsonParseMs ? `, ${(large.pipelineMs / large.irJsonParseMs).toFixed(1)}x JSON.parse of its IR` : ''),
);
