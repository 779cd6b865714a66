// Which eligibility rules, scorecard bins and bands the decisions of a product's tests never reached:
// the gaps a risk team closes by writing one more test.
import type { Decision } from '../decision/decision.ts';
import type { BinMatch, ProductIR } from '../ir/product-ir.ts';
import type { CoverageSection, TestCoverage, UncoveredItem } from './test-report.ts';

/** A bin's condition as the language writes it: `A11, A12`, `..11`, `4000..<8000`, `missing`. */
export function describeBin(match: BinMatch): string {
  switch (match.kind) {
    case 'missing':
      return 'missing';
    case 'otherwise':
      return 'otherwise';
    case 'values':
      return match.values.map(String).join(', ');
    case 'range':
      return `${match.min ?? ''}${match.minExclusive ? '<' : ''}..${match.maxExclusive ? '<' : ''}${match.max ?? ''}`;
  }
}

function section(all: readonly UncoveredItem[], covered: ReadonlySet<string>): CoverageSection {
  const uncovered = all.filter((item) => !covered.has(item.id));
  return Object.freeze({ total: all.length, covered: all.length - uncovered.length, uncovered: Object.freeze(uncovered.map((u) => Object.freeze(u))) });
}

/** The id of the band pseudo-entry for a score below the lowest band. */
export const BELOW_BANDS = 'band otherwise';

/**
 * Coverage of a product by the decisions of its tests: an eligibility rule is covered when it
 * fires in some test, a bin when some test's characteristic falls in it, a band when some test's
 * score lands in it (`band otherwise`: below the lowest band, when the scorecard says what happens
 * there). Ids: `eligibility[i] REASON`, the bin id (`<characteristic>#<index>`), `band NAME`.
 */
export function testCoverage(ir: ProductIR, decisions: readonly Decision[]): TestCoverage {
  const fired = new Set<string>();
  const bins = new Set<string>();
  const bands = new Set<string>();
  for (const d of decisions) {
    for (const rule of d.eligibility) fired.add(`eligibility[${rule.index}] ${rule.reason}`);
    for (const c of d.score?.characteristics ?? []) bins.add(c.bin);
    if (d.score) bands.add(d.band === null ? BELOW_BANDS : `band ${d.band}`);
  }
  const rules = ir.eligibility.map((r, i): UncoveredItem => ({ id: `eligibility[${i}] ${r.reason}`, label: `${r.outcome} "${r.reason}"${r.message !== undefined ? ` — ${r.message}` : ''}` }));
  const card = ir.scorecard;
  const allBins = (card?.characteristics ?? []).flatMap((c) =>
    c.bins.map((b): UncoveredItem => ({ id: b.id, label: `${c.name} ${describeBin(b.match)} -> ${b.points}` })),
  );
  const allBands: UncoveredItem[] = (card?.bands ?? []).map((b) => ({ id: `band ${b.name}`, label: `score >= ${b.minScore}` }));
  if (card?.otherwise && card.bands.length > 0) {
    allBands.push({ id: BELOW_BANDS, label: `score < ${card.bands[card.bands.length - 1]!.minScore}: ${card.otherwise.outcome} "${card.otherwise.reason}"` });
  }
  return Object.freeze({ eligibility: section(rules, fired), bins: section(allBins, bins), bands: section(allBands, bands) });
}
