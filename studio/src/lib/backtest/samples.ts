// The backtest's sample data: the German credit applications (shared/datasets, beside the
// repository), emitted by Vite as a static asset at build time, and the map files of the examples
// (examples/<code>.map.json) that pre-fill the column mapping for their product.
import germanCreditCsvUrl from '../../../../../shared/datasets/german-credit/applications.csv?url';

const maps = import.meta.glob('../../../../examples/*.map.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export const sampleCsv = { name: 'german-credit/applications.csv', url: germanCreditCsvUrl } as const;

/** The map file of a product (by its code), if the examples have one. */
export function presetMap(code: string): unknown {
  return Object.entries(maps).find(([path]) => path.endsWith(`/${code}.map.json`))?.[1];
}
