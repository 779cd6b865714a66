// The diagnostics in English: the reference catalogue (its ids and args are every language's).
// House style (Cedar's): lowercase, no final period, user text and keywords in backticks.
import type { EntryShape, Localized } from './types.ts';

/** A found token: its text, or null for the end of the file. */
type Found = string | null;
/** What was expected: a phrase of `EXPECTED_THINGS`, or token labels. */
export interface Expected {
  readonly thing?: string;
  readonly labels?: readonly string[];
}
/** An expression type, as the checker knows it. */
export interface TypeArg {
  readonly kind: string;
  readonly values?: readonly string[];
}

const tick = (s: string | number): string => `\`${s}\``;
const ticks = (xs: readonly string[]): string => xs.map(tick).join(', ');
const line = (n: number): string => `line ${n}`;
const mean = (s: string): string => `did you mean \`${s}\`?`;
const found = (f: Found): string => (f === null ? 'the end of the file' : tick(f));
const inConstruct = (construct: string | null | undefined): string => (construct ? ` in \`${construct}\`` : '');
const L = (x: Localized): string => x.en;

const EXPECTED_THINGS: Record<string, string> = {
  product: 'a section (`input`, `let`, `limits`, `pricing`, `fee`, `eligibility`, `scorecard`, `offer`, `penalties`, `collection`, `allocation`, `prepayment`, `overpayment`, `test`) or `}`',
  expression: 'an expression',
  operand: 'an expression',
  exprTail: 'an operator',
  rangeExpr: 'a range such as `1..10`',
  bound: 'a number or a percent',
  inputField: 'a type (`number`, `integer`, `money`, `percent`, `string`, `boolean`, `date`, `enum { ... }`)',
  binDecl: 'a bin (`missing`, `otherwise`, a range such as `580..679`, or values)',
  givenEntry: 'a value (number, percent, string, date, `true`, `false` or a name)',
};

function expected(e: Expected): string {
  if (e.thing !== undefined) return EXPECTED_THINGS[e.thing] ?? e.thing;
  const labels = e.labels ?? [];
  if (labels.length === 0) return 'something else';
  if (labels.length === 1) return labels[0]!;
  if (labels.length > 8) return `one of ${labels.slice(0, 8).join(', ')}, …`;
  return `one of ${labels.join(', ')}`;
}

/** The rule names whose `expected` is a phrase of the catalogue, not a token list. */
export const EXPECTED_THING_RULES: readonly string[] = Object.keys(EXPECTED_THINGS);

export function typeLabel(t: TypeArg): string {
  if (t.kind === 'literal') return 'a bare number';
  if (t.kind === 'enum') return `\`enum { ${(t.values ?? []).join(', ')} }\``;
  return tick(t.kind);
}

const keywordHelp = (a: { meant: string; spanish: boolean }): string =>
  a.spanish ? `did you mean \`${a.meant}\`? keywords are in English` : mean(a.meant);

function invalidCharacterHelp(bad: string): string {
  if (bad.startsWith('$')) return "amounts have no currency sign: write the number alone, in the product's `currency`";
  if (bad.startsWith('%')) return 'a percent is written right after its number: `12%`';
  if (/^[&|]/.test(bad)) return 'the logical operators are the words `and`, `or` and `not`';
  return 'names use letters, digits and `_`; strings go between double quotes';
}

const OPERATOR_HELP = {
  equals: 'compare with `=` (and `!=` for "not equal")',
  logical: 'the logical operators are the words `and`, `or` and `not`',
  comparison: 'the comparisons are `=`, `!=`, `<`, `<=`, `>`, `>=`',
};

export const en = {
  // ---------------------------------------------------------------- lexer
  'invalid-character': {
    message: (a: { shown: string; plural: boolean; bad: string }) => `invalid character${a.plural ? 's' : ''} ${tick(a.shown)}`,
    help: (a: { bad: string }) => invalidCharacterHelp(a.bad),
  },
  'unterminated-string': { message: () => 'unterminated string: expected a closing `"` before the end of the line' },
  'unknown-operator': {
    message: (a: { intended: string; written: string; kind: 'equals' | 'logical' | 'comparison' }) => `write ${tick(a.intended)} instead of ${tick(a.written)}`,
    help: (a: { kind: 'equals' | 'logical' | 'comparison' }) => OPERATOR_HELP[a.kind],
  },
  'currency-sign': {
    message: (a: { intended: string; thousands: boolean }) => `amounts have no currency sign: ${tick(a.intended)}`,
    help: (a: { thousands: boolean }) => `write the number alone, in the product's \`currency\`${a.thousands ? '; group digits with `_`' : ''}`,
  },
  'decimal-comma': {
    message: (a: { intended: string; written: string }) => `decimals use a point: ${tick(a.intended)}`,
    help: (a: { written: string }) => `a comma separates list items: ${tick(a.written)} would read as two numbers`,
  },
  'thousands-separator': {
    message: (a: { intended: string; written: string }) => `group digits with \`_\`: ${tick(a.intended)}`,
    help: (a: { written: string }) => `a comma separates list items: ${tick(a.written)} would read as two numbers`,
  },
  'percent-space': {
    message: (a: { intended: string }) => `write ${tick(a.intended)} without a space`,
    help: () => '`%` goes right after its number',
  },
  // ---------------------------------------------------------------- parser
  'unexpected-token/expected-product': { message: (a: { found: Found }) => `expected \`product\` (a file holds one product), found ${found(a.found)}` },
  'unexpected-token/expected-close': { message: (a: { construct: string; found: Found }) => `expected \`}\` to close ${tick(a.construct)}, found ${found(a.found)}` },
  'unexpected-token/expected': {
    message: (a: { expected: Expected; construct: string | null; found: Found }) => `expected ${expected(a.expected)}${inConstruct(a.construct)}, found ${found(a.found)}`,
  },
  'unexpected-token/expected-at-least-one': {
    message: (a: { expected: Expected; construct: string | null; found: Found }) => `expected at least one ${expected(a.expected)}${inConstruct(a.construct)}, found ${found(a.found)}`,
  },
  'unexpected-token/after-product': { message: (a: { found: Found }) => `unexpected ${found(a.found)} after the end of the product (a file holds one product)` },
  'unexpected-token/stray': {
    message: (a: { found: Found; construct: string; items: readonly string[] }) => `unexpected ${found(a.found)} in ${tick(a.construct)}`,
    help: (a: { items: readonly string[] }) => (a.items.length === 0 ? 'expected `}`' : `expected ${ticks(a.items)} or \`}\``),
  },
  'unmatched-brace': { message: () => 'unmatched `}`', help: () => 'remove it: nothing is open here, and the product goes on after it' },
  'unmatched-brace/after-product': { message: () => 'unmatched `}`', help: () => 'remove it: the product closed before it' },
  'unknown-keyword': {
    message: (a: { word: string; construct: string | null; meant: string; spanish: boolean }) => `unknown keyword ${tick(a.word)}${inConstruct(a.construct)}`,
    help: keywordHelp,
  },
  'unknown-keyword/section': {
    message: (a: { word: string; meant: string; spanish: boolean }) => `unknown section ${tick(a.word)}`,
    help: keywordHelp,
  },
  'missing-percent': {
    message: (a: { rate: boolean; number: string }) => `${a.rate ? 'a rate' : 'a percent'} needs \`%\`: \`${a.number}%\``,
    help: (a: { number: string }) => `${tick(a.number)} alone is a plain number; write \`%\` right after it (\`36%\` is 0.36)`,
  },
  // ---------------------------------------------------------------- AST builder
  'nesting-too-deep': {
    message: (a: { max: number }) => `the expression nests more than ${a.max} levels deep`,
    help: () => 'split it into smaller parts with `let` (`let part = ...`), or remove parentheses that are not needed',
  },
  'chained-comparison': { message: () => 'comparisons cannot be chained', help: () => 'join two comparisons with `and`: `a < b and b < c`' },
  'invalid-escape': {
    message: (a: { escape: string | null }) => (a.escape === null ? 'a string cannot end with `\\`' : `invalid escape \`\\${a.escape}\` in a string`),
    help: () => 'the only escapes are `\\"` (a double quote) and `\\\\` (a backslash)',
  },
  'duplicate-setting': {
    message: (a: { what: string; where: string }) => `${tick(a.what)} is set twice in ${tick(a.where)}`,
    help: () => 'keep one of them; the second one is ignored',
  },
  // @@CHECKER@@
} satisfies Record<string, EntryShape>;

// Helpers used by entries further down (kept referenced so the linter sees them used).
void line;
void L;
void typeLabel;
