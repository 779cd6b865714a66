// Builds the german_credit.plazo scorecard from ../shared/datasets/german-credit/applications.csv:
// weight of evidence (WoE) and information value (IV) per bin, points = round(factor × WoE) with
// PDO scaling, then the score distribution, KS, Gini, bad rate per band and the cost-optimal cutoff.
//
//   pnpm exec tsx tools/german-credit-woe.ts [path/to/applications.csv] [--plazo] [--rows N]
//
// Run from examples/. Deterministic (no randomness): the holdout is every row whose index mod 10
// is 7, 8 or 9. `--plazo` also prints the scorecard section in Plazo syntax; `--rows N` prints the
// score and band of the first N applications (the in-language tests use some of them).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

type Row = Readonly<Record<string, string>>;

/** A bin: a label in Plazo bin syntax and a predicate on the raw CSV value. */
interface BinSpec {
  readonly label: string;
  readonly test: (value: string) => boolean;
}

interface CharacteristicSpec {
  /** The CSV column. */
  readonly column: string;
  /** The Plazo input field it maps to. */
  readonly field: string;
  readonly bins: readonly BinSpec[];
  /** Adverse-action reason for bins with negative points. */
  readonly reason: string;
}

// Scaling: odds double every PDO points; points per unit of WoE = PDO / ln 2.
const BASE = 600;
const PDO = 20;
const FACTOR = PDO / Math.LN2;
// German credit cost matrix (german.doc §8): approving a bad costs 5, declining a good costs 1.
const COST_BAD_APPROVED = 5;
const COST_GOOD_DECLINED = 1;
// Smoothing for empty cells, so WoE stays finite (A47 has no rows).
const SMOOTHING = 0.5;

const codes = (...values: string[]): BinSpec => ({
  label: values.join(', '),
  test: (value) => values.includes(value),
});
/** Inclusive integer range, open at either end when a bound is undefined. */
const between = (min: number | undefined, max: number | undefined): BinSpec => ({
  label: `${min === undefined ? '' : fmtInt(min)}..${max === undefined ? '' : fmtInt(max)}`,
  test: (value) => {
    const n = Number(value);
    return (min === undefined || n >= min) && (max === undefined || n <= max);
  },
});
/** Half-open money range [min, max), for the amount (a decimal field: no integer gaps). */
const fromTo = (min: number | undefined, max: number | undefined): BinSpec => ({
  label: `${min === undefined ? '' : fmtInt(min)}..${max === undefined ? '' : `<${fmtInt(max)}`}`,
  test: (value) => {
    const n = Number(value);
    return (min === undefined || n >= min) && (max === undefined || n < max);
  },
});

function fmtInt(n: number): string {
  return Math.abs(n) >= 1_000 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(n);
}

/** Coarse classes chosen from the fine classes below: monotone bad rates, ≥ ~5% of rows per bin. */
export const characteristics: readonly CharacteristicSpec[] = [
  {
    column: 'checking_status',
    field: 'account.checking_status',
    reason: 'CUENTA_CHEQUES',
    bins: [codes('A11'), codes('A12'), codes('A13'), codes('A14')],
  },
  {
    column: 'duration_months',
    field: 'request.payments',
    reason: 'PLAZO_LARGO',
    bins: [between(undefined, 11), between(12, 24), between(25, 36), between(37, undefined)],
  },
  {
    column: 'credit_history',
    field: 'history.credit_history',
    reason: 'HISTORIAL',
    bins: [codes('A30', 'A31'), codes('A32'), codes('A33'), codes('A34')],
  },
  {
    column: 'purpose',
    field: 'loan.purpose',
    reason: 'PROPOSITO',
    bins: [
      codes('A40'),
      codes('A41'),
      codes('A42', 'A44', 'A45'),
      codes('A43'),
      codes('A46'),
      codes('A47', 'A48', 'A49', 'A410'),
    ],
  },
  {
    column: 'savings',
    field: 'account.savings',
    reason: 'AHORRO',
    bins: [codes('A61'), codes('A62'), codes('A63', 'A64'), codes('A65')],
  },
  {
    column: 'employment_since',
    field: 'employment.employment_since',
    reason: 'ANTIGUEDAD_EMPLEO',
    bins: [codes('A71', 'A72'), codes('A73'), codes('A74'), codes('A75')],
  },
  {
    column: 'age',
    field: 'applicant.age',
    reason: 'EDAD',
    bins: [between(undefined, 25), between(26, 33), between(34, undefined)],
  },
  {
    column: 'amount',
    field: 'request.amount',
    reason: 'MONTO',
    bins: [fromTo(undefined, 4_000), fromTo(4_000, 8_000), fromTo(8_000, undefined)],
  },
  {
    column: 'property',
    field: 'applicant.property',
    reason: 'PATRIMONIO',
    bins: [codes('A121'), codes('A122'), codes('A123'), codes('A124')],
  },
  {
    column: 'housing',
    field: 'applicant.housing',
    reason: 'VIVIENDA',
    bins: [codes('A151'), codes('A152'), codes('A153')],
  },
  {
    column: 'other_installment_plans',
    field: 'history.other_installment_plans',
    reason: 'OTROS_CREDITOS',
    bins: [codes('A141', 'A142'), codes('A143')],
  },
];

/** Band cutoffs (lowest score of each band), chosen from the bad rates printed below. */
export const bands: readonly { readonly name: string; readonly minScore: number }[] = [
  { name: 'A', minScore: 670 },
  { name: 'B', minScore: 645 },
  { name: 'C', minScore: 620 },
];

function readCsv(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  if (header === undefined) throw new Error(`${path} is empty`);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

const isBad = (row: Row): boolean => row['outcome'] === 'bad';

interface BinStats {
  readonly label: string;
  readonly good: number;
  readonly bad: number;
  readonly woe: number;
  readonly iv: number;
  readonly points: number;
}

function binStats(rows: readonly Row[], spec: CharacteristicSpec): BinStats[] {
  const totalGood = rows.filter((r) => !isBad(r)).length;
  const totalBad = rows.length - totalGood;
  return spec.bins.map((bin) => {
    const inBin = rows.filter((r) => bin.test(r[spec.column] ?? ''));
    const bad = inBin.filter(isBad).length;
    const good = inBin.length - bad;
    const pGood = (good + SMOOTHING) / totalGood;
    const pBad = (bad + SMOOTHING) / totalBad;
    const woe = Math.log(pGood / pBad);
    return { label: bin.label, good, bad, woe, iv: (pGood - pBad) * woe, points: Math.round(FACTOR * woe) };
  });
}

function assertCovering(rows: readonly Row[], spec: CharacteristicSpec): void {
  for (const row of rows) {
    const value = row[spec.column] ?? '';
    const hits = spec.bins.filter((b) => b.test(value)).length;
    if (hits !== 1) throw new Error(`${spec.column}=${value} falls in ${hits} bins`);
  }
}

type Scorecard = ReadonlyMap<string, readonly BinStats[]>;

function build(rows: readonly Row[]): Scorecard {
  return new Map(characteristics.map((spec) => [spec.column, binStats(rows, spec)]));
}

function score(card: Scorecard, row: Row): number {
  let total = BASE;
  for (const spec of characteristics) {
    const index = spec.bins.findIndex((b) => b.test(row[spec.column] ?? ''));
    total += card.get(spec.column)?.[index]?.points ?? 0;
  }
  return total;
}

/** KS and Gini (2·AUC − 1) of a score where higher means better (less likely bad). */
function separation(scored: readonly { score: number; bad: boolean }[]): { ks: number; gini: number } {
  const bads = scored.filter((s) => s.bad).length;
  const goods = scored.length - bads;
  const distinct = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  let ks = 0;
  for (const cutoff of distinct) {
    const badBelow = scored.filter((s) => s.bad && s.score <= cutoff).length / bads;
    const goodBelow = scored.filter((s) => !s.bad && s.score <= cutoff).length / goods;
    ks = Math.max(ks, badBelow - goodBelow);
  }
  // AUC: probability that a random good outscores a random bad (ties count half).
  let wins = 0;
  for (const g of scored) {
    if (g.bad) continue;
    for (const b of scored) {
      if (!b.bad) continue;
      wins += g.score > b.score ? 1 : g.score === b.score ? 0.5 : 0;
    }
  }
  return { ks, gini: (2 * wins) / (goods * bads) - 1 };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2);
  const csvPath = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rows') ?? resolve(here, '../../../shared/datasets/german-credit/applications.csv');
  const rows = readCsv(csvPath);
  for (const spec of characteristics) assertCovering(rows, spec);
  const card = build(rows);
  const goods = rows.filter((r) => !isBad(r)).length;

  console.log(`# German credit scorecard — ${rows.length} applications (${goods} good, ${rows.length - goods} bad)`);
  console.log(`# base ${BASE}, PDO ${PDO}, factor = PDO/ln2 = ${FACTOR.toFixed(4)}; points = round(factor × WoE)`);
  console.log(`# WoE = ln(%good / %bad), ${SMOOTHING} added to empty cells; IV = Σ (%good − %bad) × WoE\n`);
  for (const spec of characteristics) {
    const stats = card.get(spec.column) ?? [];
    const iv = stats.reduce((sum, s) => sum + s.iv, 0);
    console.log(`${spec.column} → ${spec.field}   IV ${iv.toFixed(3)}`);
    console.log(`  ${'bin'.padEnd(22)} ${pad('good', 5)} ${pad('bad', 5)} ${pad('bad%', 7)} ${pad('WoE', 8)} ${pad('points', 6)}`);
    for (const s of stats) {
      const n = s.good + s.bad;
      console.log(
        `  ${s.label.padEnd(22)} ${pad(s.good, 5)} ${pad(s.bad, 5)} ${pad(n ? pct(s.bad / n) : '-', 7)} ${pad(s.woe.toFixed(4), 8)} ${pad((s.points > 0 ? '+' : '') + s.points, 6)}`,
      );
    }
    console.log();
  }

  const scored = rows.map((r) => ({ score: score(card, r), bad: isBad(r) }));
  const { ks, gini } = separation(scored);
  console.log(`in-sample: KS ${pct(ks)}, Gini ${pct(gini)}`);
  // Holdout: build on rows with index mod 10 < 7, score the rest.
  const train = rows.filter((_, i) => i % 10 < 7);
  const test = rows.filter((_, i) => i % 10 >= 7);
  const holdoutCard = build(train);
  const holdout = separation(test.map((r) => ({ score: score(holdoutCard, r), bad: isBad(r) })));
  console.log(`holdout (built on 700 rows, scored on 300): KS ${pct(holdout.ks)}, Gini ${pct(holdout.gini)}\n`);

  console.log('score range    rows  bad  bad%   cum.approved  cost if cutoff here');
  const min = Math.min(...scored.map((s) => s.score));
  const max = Math.max(...scored.map((s) => s.score));
  let best = { cutoff: min, cost: Infinity };
  for (let lo = Math.floor(min / 10) * 10; lo <= max; lo += 10) {
    const inRange = scored.filter((s) => s.score >= lo && s.score < lo + 10);
    const approved = scored.filter((s) => s.score >= lo);
    const cost =
      COST_BAD_APPROVED * approved.filter((s) => s.bad).length +
      COST_GOOD_DECLINED * scored.filter((s) => !s.bad && s.score < lo).length;
    if (cost < best.cost) best = { cutoff: lo, cost };
    if (inRange.length === 0) continue;
    const bad = inRange.filter((s) => s.bad).length;
    console.log(
      `${pad(lo, 5)}..${pad(lo + 9, 4)}  ${pad(inRange.length, 5)} ${pad(bad, 4)} ${pad(pct(bad / inRange.length), 6)}   ${pad(approved.length, 10)}  ${pad(cost, 8)}`,
    );
  }
  const allDeclined = COST_GOOD_DECLINED * goods;
  console.log(`\ncost-optimal cutoff (cost matrix 5:1): score >= ${best.cutoff}, cost ${best.cost} (decline everyone: ${allDeclined}, approve everyone: ${COST_BAD_APPROVED * (rows.length - goods)})\n`);

  console.log('band  cutoff   rows  bad  bad%');
  let upper = Infinity;
  for (const band of bands) {
    const inBand = scored.filter((s) => s.score >= band.minScore && s.score < upper);
    const bad = inBand.filter((s) => s.bad).length;
    console.log(`${band.name.padEnd(5)} ${pad(`>=${band.minScore}`, 6)}  ${pad(inBand.length, 5)} ${pad(bad, 4)} ${pad(inBand.length ? pct(bad / inBand.length) : '-', 6)}`);
    upper = band.minScore;
  }
  const declined = scored.filter((s) => s.score < upper);
  const declinedBad = declined.filter((s) => s.bad).length;
  console.log(`decl. ${pad(`<${upper}`, 6)}  ${pad(declined.length, 5)} ${pad(declinedBad, 4)} ${pad(pct(declinedBad / declined.length), 6)}`);
  const approved = scored.filter((s) => s.score >= upper);
  const cost = COST_BAD_APPROVED * approved.filter((s) => s.bad).length + COST_GOOD_DECLINED * declined.filter((s) => !s.bad).length;
  console.log(`approval rate ${pct(approved.length / scored.length)}, bad rate among approved ${pct(approved.filter((s) => s.bad).length / approved.length)}, cost ${cost}`);

  const rowsArg = args.indexOf('--rows');
  if (rowsArg >= 0) {
    const n = Number(args[rowsArg + 1] ?? '10');
    console.log('\nrow  score  band  outcome  ' + characteristics.map((c) => c.column).join(','));
    rows.slice(0, n).forEach((row, i) => {
      const s = score(card, row);
      const band = bands.find((b) => s >= b.minScore)?.name ?? '-';
      const values = characteristics.map((c) => row[c.column]).join(',');
      console.log(`${pad(i + 1, 3)}  ${pad(s, 5)}  ${band.padEnd(4)}  ${(row['outcome'] ?? '').padEnd(7)}  ${values}`);
    });
  }

  if (args.includes('--plazo')) {
    console.log('\n  scorecard {');
    console.log(`    base ${BASE}`);
    for (const spec of characteristics) {
      console.log(`    characteristic ${spec.field} {`);
      for (const s of card.get(spec.column) ?? []) {
        const points = s.points > 0 ? `+${s.points}` : String(s.points);
        console.log(`      ${s.label} -> ${points}${s.points < 0 ? ` reason "${spec.reason}"` : ''}`);
      }
      console.log('    }');
    }
    for (const band of bands) console.log(`    band ${band.name} when score >= ${band.minScore}`);
    console.log('  }');
  }
}

main();
