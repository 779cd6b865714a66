// Each statement format reads a 100,000-entry file as a stream: lines come out while the file is
// still being read (a parser that held the whole file would yield nothing before the last chunk)
// and the process's resident memory stays flat (sampled every 5,000 lines).
import { describe, expect, it } from 'vitest';
import { statementParser } from '../src/banking/formats/index.ts';
import type { StatementFormat } from '../src/banking/statement-line.ts';
import { LARGE_FILES } from './statement-files.ts';

const ENTRIES = 100_000;
const OPTIONS: Record<string, unknown> = { oxxo: { referencePrefix: '99', requireReferencePrefix: true, referenceCheckDigit: 'luhn' } };
/** Resident memory may grow by this much while a 100,000-entry file (10–60 MB of text) is read. */
const FLAT_MB = 48;

describe('statement formats: 100,000 entries streamed with flat memory', () => {
  for (const format of ['mt940', 'camt053', 'oxxo', 'domiciliacion'] as StatementFormat[]) {
    it(`${format}`, { timeout: 120_000 }, async () => {
      let chunksRead = 0;
      let totalChunks = 0;
      for await (const _ of LARGE_FILES[format as keyof typeof LARGE_FILES](ENTRIES)) totalChunks++;
      async function* counted() {
        for await (const chunk of LARGE_FILES[format as keyof typeof LARGE_FILES](ENTRIES)) {
          chunksRead++;
          yield chunk;
        }
      }
      const before = process.memoryUsage().rss;
      let peak = before;
      let firstLineAt = -1;
      let lines = 0;
      let last = '';
      for await (const line of statementParser(format)!.parse(counted(), OPTIONS[format] ?? {})) {
        if (firstLineAt < 0) firstLineAt = chunksRead;
        if (++lines % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
        last = line.amount;
      }
      expect(lines).toBe(ENTRIES);
      expect(last).toMatch(/^\d+\.\d{2}$/);
      expect(totalChunks).toBeGreaterThan(100);
      expect(firstLineAt).toBeLessThanOrEqual(2);
      const growthMb = (peak - before) / 1e6;
      console.log(`${format}: ${lines} lines from ${totalChunks} chunks of 64 KiB, resident memory +${growthMb.toFixed(1)} MB`);
      expect(growthMb).toBeLessThan(FLAT_MB);
    });
  }
});
