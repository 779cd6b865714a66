// Fuzzing the toolchain with token-level mutations of real products (deletions, insertions, swaps;
// 160 runs of 1-3 stacked mutations per text by default, PLAZO_FUZZ_RUNS to change it), the
// insertions including the common mistakes (`$5,000`, `12 %`, `==`, `prcing`, a stray `}`), and
// with deeply nested expressions (fast-check, PLAZO_FUZZ_DEEP_RUNS): parse, check, compile and
// format never throw, never hang, and every diagnostic range lies inside the text. A formatted
// mutant must also be sound and idempotent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ProductFile } from '../src/index.ts';
import * as dsl from '../src/index.ts';
import { lex } from '../src/lexer/lexer.ts';
import { MAX_NESTING } from '../src/parser/nesting.ts';
import { comparableAst } from './ast-equality.ts';
import { PRODUCT } from './check-helpers.ts';
import { allProducts } from './texts.ts';

/** mulberry32: a tiny seeded PRNG, so every run mutates the same way. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTRA_TOKENS = [
  '{', '}', '(', ')', ',', ':', '..', '..<', '->', '-', '+', '=', '>=', '"', '"abc', '%', '@', '///', '\n', 'product', 'missing', '0', '1.5x', '2025-13-40',
  // common mistakes: each must be reported, never thrown on
  '$', '$5,000', '12 %', '1,5%', '5,000', '2,731.52', '==', '&&', '||', '!', '=>', '<>', '} }', 'prcing', 'elegibilidad', 'rouding', 'if', 'not', '((((',
];
const MUTANTS_PER_TEXT = Number(process.env['PLAZO_FUZZ_RUNS'] ?? 160);
const MAX_MS_PER_RUN = 2_000;

type Check = (file: ProductFile) => readonly Diagnostic[];
type Compile = (file: ProductFile, options: { parseDiagnostics: Diagnostic[] }) => { diagnostics: readonly Diagnostic[] };
const check = (dsl as Record<string, unknown>)['check'] as Check | undefined;
const compile = (dsl as Record<string, unknown>)['compile'] as Compile | undefined;

/** One mutation of `text` at token granularity. */
function mutate(text: string, random: () => number): string {
  const tokens = lex(text).tokens;
  if (tokens.length < 2) return text + EXTRA_TOKENS[Math.floor(random() * EXTRA_TOKENS.length)];
  const pick = () => tokens[Math.floor(random() * tokens.length)]!;
  const span = (t: (typeof tokens)[number]) => [t.startOffset, t.startOffset + t.image.length] as const;
  const choice = random();
  if (choice < 0.4) {
    const [s, e] = span(pick());
    return text.slice(0, s) + text.slice(e);
  }
  if (choice < 0.75) {
    const [s] = span(pick());
    const insert = random() < 0.5 ? pick().image : EXTRA_TOKENS[Math.floor(random() * EXTRA_TOKENS.length)]!;
    return `${text.slice(0, s)}${insert} ${text.slice(s)}`;
  }
  const index = Math.floor(random() * (tokens.length - 1));
  const [as, ae] = span(tokens[index]!);
  const [bs, be] = span(tokens[index + 1]!);
  return text.slice(0, as) + text.slice(bs, be) + text.slice(ae, bs) + text.slice(as, ae) + text.slice(be);
}

function expectInside(diagnostics: readonly Diagnostic[], text: string, phase: string): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const ok =
      Number.isInteger(start.offset) &&
      Number.isInteger(end.offset) &&
      start.offset >= 0 &&
      start.offset <= end.offset &&
      end.offset <= text.length &&
      start.line >= 0 &&
      end.line < lines &&
      start.column >= 0 &&
      end.column >= 0;
    if (!ok) throw new Error(`${phase}: range outside the text for ${d.code} (${JSON.stringify(d.range)}) in:\n${text}`);
  }
}

function runToolchain(text: string): { formatted: boolean } {
  const started = performance.now();
  const parsed = dsl.parse(text);
  expectInside(parsed.diagnostics, text, 'parse');
  if (check) expectInside(check(parsed.file), text, 'check');
  if (compile) expectInside(compile(parsed.file, { parseDiagnostics: parsed.diagnostics }).diagnostics, text, 'compile');
  let formatted = false;
  if (!parsed.diagnostics.some((d) => d.severity === 'error')) {
    const once = dsl.format(text);
    const again = dsl.parse(once.text);
    if (again.diagnostics.some((d) => d.severity === 'error')) throw new Error(`format produced syntax errors from:\n${text}\n---\n${once.text}`);
    expect(comparableAst(again.file)).toEqual(comparableAst(parsed.file));
    expect(dsl.format(once.text).text).toBe(once.text);
    formatted = true;
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_MS_PER_RUN) throw new Error(`toolchain took ${elapsed.toFixed(0)} ms on:\n${text}`);
  return { formatted };
}

describe('fuzz: mutated real products', () => {
  const products = allProducts();

  it.each(products.map((p, i) => [p.name, p.text, i] as const))('%s', (_name, text, index) => {
    const random = prng(0x5eed + index);
    let formatted = 0;
    for (let run = 0; run < MUTANTS_PER_TEXT; run++) {
      // One to three stacked mutations per run.
      let mutant = text;
      const count = 1 + Math.floor(random() * 3);
      for (let m = 0; m < count; m++) mutant = mutate(mutant, random);
      if (runToolchain(mutant).formatted) formatted++;
    }
    // Some mutants must stay valid (e.g. a swapped pair of list items), or the formatter went unfuzzed.
    expect(formatted).toBeGreaterThan(0);
  });
});

describe('fuzz: deep nesting', () => {
  // Self-delimiting wrappers: each adds one or two levels of nesting to what it wraps.
  const WRAPPERS: readonly ((inner: string) => string)[] = [
    (x) => `(${x})`,
    (x) => `if applicant.age > 30 then ${x} else 0`,
    (x) => `if ${x} then 1 else 0`,
    (x) => `-(${x})`,
    (x) => `not (${x})`,
    (x) => `min(${x}, 1)`,
    (x) => `(${x}) - 1`,
    (x) => `applicant.age in { ${x} }`,
  ];
  const runs = Number(process.env['PLAZO_FUZZ_DEEP_RUNS'] ?? 40);

  it(`never throws, keeps ranges inside the text, and reports nesting past ${MAX_NESTING} levels once`, () => {
    const layers = fc.array(fc.nat(WRAPPERS.length - 1), { maxLength: 600 });
    const chain = fc.record({ op: fc.constantFrom('+', '-', 'and', 'or', '*'), terms: fc.integer({ min: 1, max: 3000 }) });
    fc.assert(
      fc.property(layers, chain, (wrappers, { op, terms }) => {
        let expr = Array.from({ length: terms }, (_, i) => `${i}`).join(` ${op} `);
        for (const w of wrappers) expr = WRAPPERS[w]!(expr);
        const text = PRODUCT.replace('\n  limits {', `\n  let deep = ${expr}\n  limits {`);
        runToolchain(text);
        const tooDeep = dsl.parse(text).diagnostics.filter((d) => d.code === 'nesting-too-deep');
        // A chain of `+`, `and`, `or` takes at most 16 levels; of `-` or `*`, one per operator.
        const chainLevels = op === '-' || op === '*' ? terms - 1 : Math.min(terms - 1, 16);
        if (2 * wrappers.length + chainLevels <= MAX_NESTING) expect(tooDeep).toEqual([]);
        else if (wrappers.length > MAX_NESTING || chainLevels > MAX_NESTING) expect(tooDeep).toHaveLength(1);
        else expect(tooDeep.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: runs },
    );
  });
});
