// The statement formats (issue 16): STATEMENT_BENCH_ENTRIES (100,000) entries of each format —
// MT940 (1,000 movements a statement, structured :86:), camt.053.001.08 (one SPEI TxDtls per
// entry), the aggregator's daily file and a direct-debit response (example layouts) — written
// into 64 KiB chunks in memory first, then read STATEMENT_BENCH_RUNS (3) times each, beside the
// baselines measured in the same run over the same bytes:
//   lines — the bytes decoded and split into lines, nothing parsed (textLines: the floor of every
//           text format);
//   sax   — for camt.053, the XML tokenized by saxes with no handler (the floor of any SAX reader).
// Prints p50 ms, entries per second and the resident memory added while parsing.
import { SaxesParser } from 'saxes';
import { statementParser } from '../src/banking/formats/index.ts';
import { textLines } from '../src/banking/formats/text-lines.ts';
import type { StatementFormat } from '../src/banking/statement-line.ts';
import { LARGE_FILES } from '../test/statement-files.ts';

const ENTRIES = Number(process.env.STATEMENT_BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.STATEMENT_BENCH_RUNS ?? 3);
const OPTIONS: Partial<Record<StatementFormat, unknown>> = { oxxo: { referencePrefix: '99', requireReferencePrefix: true, referenceCheckDigit: 'luhn' } };

async function* replay(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function measure(label: string, run: () => Promise<number>): Promise<void> {
  const ms: number[] = [];
  let count = 0;
  let growth = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = process.memoryUsage().rss;
    const t = performance.now();
    count = await run();
    ms.push(performance.now() - t);
    growth = Math.max(growth, process.memoryUsage().rss - before);
  }
  ms.sort((a, b) => a - b);
  const p50 = ms[Math.floor(ms.length / 2)]!;
  console.log(`  ${label.padEnd(34)} ${String(count).padStart(7)} items  p50 ${p50.toFixed(0).padStart(6)} ms  ${Math.round((count / p50) * 1000).toLocaleString('en-US').padStart(9)} /s  rss +${(growth / 1e6).toFixed(1)} MB`);
}

console.log(`statement formats: ${ENTRIES.toLocaleString('en-US')} entries each, ${RUNS} runs`);
for (const format of ['mt940', 'camt053', 'oxxo', 'domiciliacion'] as const) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of LARGE_FILES[format](ENTRIES)) chunks.push(chunk);
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  console.log(`${format} (${(bytes / 1e6).toFixed(1)} MB)`);
  await measure('baseline: lines read, not parsed', async () => {
    let n = 0;
    for await (const _ of textLines(replay(chunks))) n++;
    return n;
  });
  if (format === 'camt053') {
    await measure('baseline: sax tokens, no handler', async () => {
      const xml = new SaxesParser();
      let n = 0;
      xml.on('closetag', () => void n++);
      const decoder = new TextDecoder();
      for (const chunk of chunks) xml.write(decoder.decode(chunk, { stream: true }));
      xml.close();
      return n;
    });
  }
  await measure(`${format} parser`, async () => {
    let n = 0;
    for await (const _ of statementParser(format)!.parse(replay(chunks), OPTIONS[format] ?? {})) n++;
    return n;
  });
}
