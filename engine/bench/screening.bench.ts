// Screening one client against a 100,000-name watchlist (SCREENING_BENCH_N): the index (built once
// per list version) beside the baseline of a plain scan computing the similarity against every
// entry. Names are synthetic: common Spanish given names and surnames plus surnames built from
// syllables, so the list has tens of thousands of distinct words, as real lists do.
import { buildWatchlistIndex, scanWatchlist, screenName, type WatchlistName } from '../src/index.ts';

const GIVEN = ['JOSE', 'MARIA', 'JUAN', 'LUIS', 'CARLOS', 'ANA', 'GUADALUPE', 'FRANCISCO', 'ALEJANDRO', 'ROSA', 'MIGUEL', 'PATRICIA', 'JESUS', 'ELENA', 'GLORIA', 'PEDRO', 'SOFIA', 'VICTOR', 'LAURA', 'JORGE'];
const SURNAMES = ['HERNANDEZ', 'GARCIA', 'MARTINEZ', 'LOPEZ', 'GONZALEZ', 'PEREZ', 'RODRIGUEZ', 'SANCHEZ', 'RAMIREZ', 'CRUZ', 'FLORES', 'GOMEZ', 'MORALES', 'VAZQUEZ', 'REYES', 'JIMENEZ', 'TORRES', 'DIAZ', 'GUTIERREZ', 'RUIZ'];
const SYLLABLES = ['BA', 'CA', 'DO', 'FE', 'GI', 'JA', 'KO', 'LI', 'MO', 'NU', 'PA', 'QUI', 'RE', 'SO', 'TU', 'VE', 'XA', 'YO', 'ZU', 'AL', 'EN', 'IR', 'OS', 'UM', 'TL', 'CH'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticList(n: number, rnd: () => number): WatchlistName[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const surname = () => (rnd() < 0.5 ? pick(SURNAMES) : Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(''));
  return Array.from({ length: n }, (_, i) => {
    const given = rnd() < 0.3 ? `${pick(GIVEN)} ${pick(GIVEN)}` : pick(GIVEN);
    const year = 1940 + Math.floor(rnd() * 65);
    const birthDate = rnd() < 0.5 ? `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}` : rnd() < 0.5 ? String(year) : null;
    return { id: String(i), name: rnd() < 0.5 ? `${surname()} ${surname()}, ${given}` : `${given} ${surname()} ${surname()}`, birthDate };
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function time(fn: () => unknown, runs: number): { p50: number; p99: number } {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) };
}

export function bench(): void {
  const n = Number(process.env['SCREENING_BENCH_N'] ?? 100_000);
  const rnd = random(20261208);
  const list = syntheticList(n, rnd);
  const built = performance.now();
  const index = buildWatchlistIndex(list);
  const buildMs = performance.now() - built;
  // Clients: half of them names of the list with a typo or another order, half new names.
  const clients = syntheticList(400, random(7)).map((c, i) => (i % 2 === 0 ? { name: list[(i * 7919) % n]!.name.split(/[ ,]+/).reverse().join(' '), birthDate: c.birthDate } : c));
  let k = 0;
  const next = () => clients[k++ % clients.length]!;
  for (let i = 0; i < 50; i++) screenName(index, next(), 0.85);
  const indexed = time(() => screenName(index, next(), 0.85), 400);
  const scan = time(() => scanWatchlist(index, next(), 0.85), 20);
  const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(6);
  console.log(`  build the index of ${n.toLocaleString('en')} names (${index.vocabulary.length.toLocaleString('en')} distinct words)   ${fmt(buildMs)} ms once per list version`);
  console.log(`  screen one client, index                     p50 ${fmt(indexed.p50)} ms   p99 ${fmt(indexed.p99)} ms   target < 50 ms`);
  console.log(`  plain scan baseline (similarity to every entry) p50 ${fmt(scan.p50)} ms   p99 ${fmt(scan.p99)} ms   the index is ${(scan.p50 / indexed.p50).toFixed(0)}× faster`);
}
