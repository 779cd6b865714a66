// Pieces shared by the demo portfolio of the first start and the end-of-day benchmark's portfolio
// generator: a seeded PRNG and the band a synthetic borrower is priced in.
import type { ProductIR } from '@plazo/engine';

/** mulberry32: a small seeded PRNG, so a seed always gives the same portfolio. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first risk band of a product priced by a band table (a synthetic borrower's band), else null. */
export function bandOf(ir: ProductIR): string | null {
  if (ir.pricing.rate.kind !== 'table') return null;
  for (const row of ir.pricing.rate.rows) for (const cell of row.cells) if ('band' in cell) return cell.band;
  return null;
}
