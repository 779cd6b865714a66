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
const ofStage = (stage: string | null): string => (stage === null ? '' : ` of ${tick(stage)} loans`);

const EXPECTED_THINGS: Record<string, string> = {
  product: 'a section (`input`, `let`, `limits`, `pricing`, `fee`, `eligibility`, `scorecard`, `offer`, `penalties`, `collection`, `reserves`, `allocation`, `prepayment`, `overpayment`, `test`) or `}`',
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

/** Where an expression stands, for "... must be `boolean`". */
export type Place =
  | { readonly kind: 'cap'; readonly cap: string }
  | { readonly kind: 'rule'; readonly name: string }
  | { readonly kind: 'not' }
  | { readonly kind: 'if' }
  | { readonly kind: 'side'; readonly side: 'left' | 'right'; readonly op: string };

function place(p: Place): string {
  switch (p.kind) {
    case 'cap':
      return `the ${p.cap} cap`;
    case 'rule':
      return `the condition of rule ${tick(p.name)}`;
    case 'not':
      return '`not`';
    case 'if':
      return 'the condition of `if`';
    case 'side':
      return `the ${p.side} side of ${tick(p.op)}`;
  }
}

export function comparableWith(t: TypeArg): string {
  switch (t.kind) {
    case 'money':
      return 'money: a money field or let, or a bare number like `5_000`';
    case 'percent':
      return 'a percent such as `50%` (not `0.5`)';
    case 'number':
    case 'integer':
    case 'literal':
      return 'a number';
    case 'date':
      return 'a date such as `2025-01-06` or `today`';
    case 'string':
      return 'a string such as `"texto"`';
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of its values: ${ticks(t.values ?? [])}`;
    default:
      return 'a value of the same type';
  }
}

const ARITHMETIC: Record<string, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' };
const SHAPES = { many: 'two or more arguments: a, b', round: 'two arguments: x, decimals', dates: 'two dates: from, to' };
const SHAPE_ARGS = { many: 'a, b', round: 'x, decimals', dates: 'from, to' };

/** The money value whose decimals exceed the currency scale. */
export type ScaleWhat =
  | { readonly kind: 'step' }
  | { readonly kind: 'multiple' }
  | { readonly kind: 'fee' | 'fee-min' | 'fee-max'; readonly name: string };

function scaleWhat(w: ScaleWhat): string {
  if (w.kind === 'step') return 'the amount step';
  if (w.kind === 'multiple') return 'the installment multiple';
  if (w.kind === 'fee') return `fee ${tick(w.name)} of`;
  return `the \`${w.kind === 'fee-min' ? 'min' : 'max'}\` of fee ${tick(w.name)}`;
}

export type Because = import('../check/rule-reachability.ts').Because;

function because(b: Because | null): string {
  if (b === null) return '';
  if (b.kind === 'literal') return `it is \`${b.value}\``;
  if (b.kind === 'declared') return `${tick(b.name)} is declared ${b.range}`;
  const texts = b.texts.map(tick);
  return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]} cannot ${texts.length === 2 ? 'both' : 'all'} hold`;
}

/** A loan the engine was tried on. */
export interface LoanArg {
  readonly amount: string;
  readonly payments: number;
  readonly frequency: string;
  readonly rate: string;
}

const loan = (l: LoanArg): string => `${l.amount} in ${l.payments} ${l.frequency} payment${l.payments === 1 ? '' : 's'} at ${l.rate}%`;

const USURY =
  "the SCJN's usury doctrine (jurisprudence 1a./J. 46/2014 and 47/2014, unverified) applies to moratorium interest, and products usually charge 1.5x to 2x the ordinary rate";
const capOf = (cap: string | null): string => (cap === null ? 'the' : `${cap} of the`);
const lateFeeRule = (a: { cap: string | null; config: string }): string =>
  `Banxico Circular 22/2010: a late fee (with its IVA) may not exceed the unpaid amount of the period` +
  (a.cap === null ? '' : `; this product's threshold is ${a.cap} of it (a policy choice)`) +
  `: set \`lints.maxLateFeeShareOfInstallment\` in ${a.config}`;

/** The closed sets of words an option belongs to (`unknown interest method ...`). */
const OPTION_KINDS = {
  method: 'interest method',
  basis: 'interest basis',
  rounding: 'rounding mode',
  businessDays: 'business-day rule',
  ivaTarget: 'IVA target',
  allocation: 'allocation component',
  channel: 'channel',
  feeBase: 'fee base',
  lateFeeBase: 'late-fee base',
  bookStage: 'book stage',
} as const;
export type OptionKind = keyof typeof OPTION_KINDS;

const WHOLE = { payments: 'payments', firstPaymentDays: 'first payment days' } as const;
export type WholeWhat = keyof typeof WHOLE;

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
  // ---------------------------------------------------------------- scorecard bins
  'bin-unreachable/after-otherwise': { message: () => 'this bin comes after `otherwise` and never matches', help: () => 'put `otherwise` last' },
  'bin-overlap/missing': { message: (a: { name: string; line: number }) => `${tick(a.name)} has two \`missing\` bins`, help: (a: { line: number }) => `the first is on ${line(a.line)}` },
  'bin-unreachable/missing-required': { message: (a: { name: string }) => `${tick(a.name)} is required, so this \`missing\` bin never matches` },
  'missing-bin-required': {
    message: (a: { name: string }) => `${tick(a.name)} is optional but no bin handles it missing`,
    help: () => 'add a bin such as `missing -> -40 reason "SIN_HISTORIAL"`',
  },
  'bin-type/values-for-range': {
    message: (a: { name: string; kind: string; percent: boolean }) => `${tick(a.name)} is ${a.kind}: its bins are ranges, not values`,
    help: (a: { percent: boolean }) => (a.percent ? 'write a range such as `30%..<45%`' : 'write a range such as `580..679`'),
  },
  'type-mismatch/bin-bound-percent': {
    message: (a: { name: string; kind: string; percent: boolean; fix: Localized | null }) =>
      a.percent ? `${tick(a.name)} is a percent: write this bound as a percent` : `${tick(a.name)} is ${a.kind}: this bound cannot be a percent`,
    help: (a: { kind: string; fix: Localized | null }) =>
      a.fix ? L(a.fix) : `a ${a.kind} has no percents: write the bound as ${a.kind === 'money' ? 'an amount' : 'a whole number'}, without \`%\``,
  },
  'type-mismatch/bin-bound-integer': { message: (a: { name: string }) => `${tick(a.name)} is an integer: bin bounds must be whole numbers` },
  'range-inverted/bin': { message: () => 'this bin is empty: its lower bound is not below its upper bound', help: () => 'write the smaller bound first' },
  'bin-unreachable/outside-range': {
    message: (a: { name: string; declared: string }) => `this bin lies outside the declared range ${a.declared} of ${tick(a.name)}`,
    help: () => 'remove it, or widen the declared range in `input`',
  },
  'bin-overlap/range': {
    message: (a: { name: string; shared: Localized & { one: boolean }; line: number }) => `${L(a.shared)} of ${tick(a.name)} ${a.shared.one ? 'is' : 'are'} covered by two bins`,
    help: (a: { line: number }) => `the bin on ${line(a.line)} already covers them; the first match wins, so change one of the bounds`,
  },
  'bin-gap/range': {
    message: (a: { name: string; gap: Localized & { one: boolean }; meet: { end: string; start: string } | null }) => `${L(a.gap)} of ${tick(a.name)} ${a.gap.one ? 'is' : 'are'} not covered`,
    help: (a: { meet: { end: string; start: string } | null }) =>
      a.meet
        ? `the bins end at ${a.meet.end} and start again at ${a.meet.start}: write the lower bin as \`..<${a.meet.start}\` so they meet`
        : 'add a bin for them, or an `otherwise` bin',
  },
  'bin-type/ranges-for-values': {
    message: (a: { name: string; kind: string; examples: readonly string[] | null }) => `${tick(a.name)} is ${a.kind}: its bins are values, not ranges`,
    help: (a: { examples: readonly string[] | null }) => (a.examples ? `write values such as \`${a.examples.join(', ')} -> 10\`` : 'write string values'),
  },
  'bin-type/not-a-value': {
    message: (a: { text: string; kind: string; name: string }) => `${tick(a.text)} is not a ${a.kind} value of ${tick(a.name)}`,
    help: (a: { text: string; kind: string }) => (a.kind === 'string' ? `write it as a string: \`"${a.text}"\`` : undefined),
  },
  'unknown-enum-value/bin': {
    message: (a: { text: string; name: string; suggestion: string | null; allowed: readonly string[] }) => `${tick(a.text)} is not a value of ${tick(a.name)}`,
    help: (a: { suggestion: string | null; allowed: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `its values are ${ticks(a.allowed)}`),
  },
  'bin-overlap/value': {
    message: (a: { text: string; name: string; line: number }) => `value ${tick(a.text)} of ${tick(a.name)} is in two bins`,
    help: (a: { line: number }) => `the bin on ${line(a.line)} already has it`,
  },
  'bin-gap/strings': { message: (a: { name: string }) => `the strings of ${tick(a.name)} cannot all be listed`, help: () => 'add an `otherwise` bin' },
  'bin-gap/values': {
    message: (a: { name: string; left: readonly string[] }) => `${a.left.length === 1 ? 'value' : 'values'} ${ticks(a.left)} of ${tick(a.name)} ${a.left.length === 1 ? 'is' : 'are'} not covered`,
    help: () => 'add them to a bin, or add an `otherwise` bin',
  },

  // ---------------------------------------------------------------- expressions
  'type-mismatch/negate': { message: (a: { type: TypeArg }) => `cannot negate ${typeLabel(a.type)}`, help: () => 'only numbers, money and percents have a sign' },
  'presence-operand': {
    message: (a: { present: boolean }) => `\`is ${a.present ? 'present' : 'missing'}\` applies to a field or a let, not to an expression`,
    help: () => 'test the field itself: `bureau.score is present`',
  },
  'type-mismatch/if-branches': {
    message: (a: { then: TypeArg; otherwise: TypeArg; fix: Localized | null }) => `the branches of \`if\` have different types: ${typeLabel(a.then)} and ${typeLabel(a.otherwise)}`,
    help: (a: { fix: Localized | null }) => (a.fix ? L(a.fix) : 'both branches must give the same type'),
  },
  'type-mismatch/expected': {
    message: (a: { place: Place; wanted: TypeArg; actual: TypeArg }) => `${place(a.place)} must be ${typeLabel(a.wanted)}, found ${typeLabel(a.actual)}`,
    help: (a: { wanted: TypeArg }) => `write ${comparableWith(a.wanted)}`,
  },
  'type-mismatch/not-boolean': {
    message: (a: { place: Place; type: TypeArg }) => `${place(a.place)} must be \`boolean\`, found ${typeLabel(a.type)}`,
    help: () => 'write a condition such as `applicant.age > 70`',
  },
  'type-mismatch/arithmetic': {
    message: (a: { op: string; left: TypeArg; right: TypeArg }) => `cannot ${ARITHMETIC[a.op]} ${typeLabel(a.left)} ${a.op === '+' || a.op === '-' ? 'and' : 'by'} ${typeLabel(a.right)}`,
    help: () =>
      'valid: `money + money`, `money - money`, `money * percent`, `money * number`, `money / number`, ' +
      '`money / money` (a percent: `debt / income < 30%`), `percent * number`, `number + number`; a bare number ' +
      'like `500` adapts to money or number, but a percent must be written as one (`30%` is 0.30)',
  },
  'type-mismatch/order': {
    message: (a: { op: string; left: TypeArg }) => `cannot order ${typeLabel(a.left)} values with ${tick(a.op)}`,
    help: () => 'only numbers, money, percents and dates have an order; use `=` or `!=`',
  },
  'type-mismatch/compare': {
    message: (a: { left: TypeArg; right: TypeArg; fix: Localized | null; operand: string | null }) => `cannot compare ${typeLabel(a.left)} with ${typeLabel(a.right)}`,
    help: (a: { left: TypeArg; fix: Localized | null; operand: string | null }) =>
      a.fix ? L(a.fix) : `compare ${a.operand === null ? 'it' : tick(a.operand)} with ${comparableWith(a.left)}`,
  },
  'type-mismatch/in-list': {
    message: (a: { operand: TypeArg; type: TypeArg; fix: Localized | null }) => `cannot compare ${typeLabel(a.operand)} with ${typeLabel(a.type)}`,
    help: (a: { operand: TypeArg; fix: Localized | null }) => (a.fix ? L(a.fix) : `list ${comparableWith(a.operand)}`),
  },
  'wrong-arity': {
    message: (a: { name: string; shape: 'many' | 'round' | 'dates'; given: number }) => `${tick(a.name)} takes ${SHAPES[a.shape]}, given ${a.given}`,
    help: (a: { name: string; shape: 'many' | 'round' | 'dates' }) => `write \`${a.name}(${SHAPE_ARGS[a.shape]})\``,
  },
  'type-mismatch/min-max-numeric': { message: (a: { name: string; type: TypeArg }) => `${tick(a.name)} needs numbers, money or percents, found ${typeLabel(a.type)}` },
  'type-mismatch/min-max-mixed': {
    message: (a: { name: string; result: TypeArg; type: TypeArg }) => `${tick(a.name)} mixes ${typeLabel(a.result)} and ${typeLabel(a.type)}`,
    help: () => 'all arguments must have the same type',
  },
  'type-mismatch/round-value': { message: (a: { type: TypeArg }) => `\`round\` needs a number, money or percent, found ${typeLabel(a.type)}` },
  'type-mismatch/round-decimals': { message: () => 'the decimals of `round` must be a whole number from 0 to 10', help: () => 'write `round(x, 2)`' },
  'type-mismatch/dates': {
    message: (a: { name: string; type: TypeArg }) => `${tick(a.name)} needs dates, found ${typeLabel(a.type)}`,
    help: () => 'pass a date field, a date literal or `today`',
  },
  'unknown-function': {
    message: (a: { name: string; suggestion: string | null; functions: readonly string[] }) => `unknown function ${tick(a.name)}`,
    help: (a: { suggestion: string | null; functions: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `the functions are ${ticks(a.functions)}`),
  },
  'unknown-enum-value/name': {
    message: (a: { name: string; type: TypeArg; suggestion: string | null; values: readonly string[] }) => `${tick(a.name)} is not a value of ${typeLabel(a.type)}`,
    help: (a: { suggestion: string | null; values: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `use one of ${ticks(a.values)}`),
  },
  'unknown-enum-value/string': {
    message: (a: { value: string; operand: string | null; values: readonly string[] }) => `${tick(a.value)} is not a value of ${a.operand === null ? 'it' : tick(a.operand)}`,
    help: (a: { values: readonly string[] }) => `use one of ${ticks(a.values)}`,
  },
  'unknown-name': {
    message: (a: { name: string; suggestion: string | null }) => `unknown name ${tick(a.name)}`,
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'declare it as an input field in `input { ... }` or with `let`'),
  },
  'let-order/self': { message: (a: { name: string }) => `${tick(a.name)} cannot use itself`, help: () => 'a let is computed once from inputs and earlier lets' },
  'let-order/later': {
    message: (a: { name: string; line: number }) => `${tick(a.name)} is defined later, on ${line(a.line)}`,
    help: (a: { name: string }) => `move \`let ${a.name}\` above the let that uses it`,
  },
  'score-unavailable/no-scorecard': { message: () => '`score` needs a `scorecard` section', help: () => 'add `scorecard { base ... }` or remove the reference' },
  'score-unavailable/here': {
    message: () => '`score` is not available here',
    help: () => '`score` is computed after lets and characteristics: use it in eligibility rules and offer caps',
  },


  // ---------------------------------------------------------------- engine limits
  'engine-limit/scale': {
    message: (a: { what: ScaleWhat; value: string; scale: number }) => `${scaleWhat(a.what)} ${tick(a.value)} has more decimals than the currency scale (${a.scale})`,
    help: (a: { scale: number }) => `the engine keeps money to ${a.scale} decimal places (\`rounding ${a.scale}\`): write ${a.scale === 0 ? 'a whole amount' : `at most ${a.scale} decimals`}, or raise the scale`,
  },
  'engine-limit/max-amount': {
    message: (a: { amount: string; most: string }) => `the maximum amount ${tick(a.amount)} is above the largest loan the engine schedules (${a.most})`,
    help: (a: { most: string }) => `every decision on an amount above ${a.most} would fail: lower the maximum`,
  },
  'engine-limit/max-payments': {
    message: (a: { payments: string; most: number }) => `${tick(a.payments)} payments is above the most the engine schedules (${a.most})`,
    help: (a: { most: number }) => `every decision on more than ${a.most} payments would fail: lower the maximum`,
  },
  'engine-limit/every-days-long': {
    message: (a: { days: string; most: number }) => `\`every ${a.days} days\` is longer than the longest period the engine schedules (${a.most} days)`,
    help: () => 'use `monthly`, or a period of at most a year',
  },
  'engine-limit/every-days-short': {
    message: (a: { days: string; rule: string; run: number }) => `\`every ${a.days} days\` is too short for \`business days ${a.rule}\``,
    help: (a: { run: number }) =>
      `Mexican banking holidays and weekends run up to ${a.run} days in a row (Holy Thursday to Easter Sunday), so two due dates would move onto the same business day and the decision fails: use periods of at least ${a.run + 1} days, or \`business days none\``,
  },
  'engine-limit/bullet-term': {
    message: (a: { payments: string; frequency: string }) => `a \`bullet\` loan repays in one payment, but this term allows ${a.payments} payments`,
    help: (a: { frequency: string }) => `write \`payments 1..1 ${a.frequency}\`, or use another method (french, german, flat)`,
  },
  'engine-limit/first-payment-previous': {
    message: (a: { days: string; run: number }) => `a first payment at most ${a.days} days after disbursement can move back onto the disbursement day with \`business days previous\``,
    help: (a: { run: number }) => `non-business days run up to ${a.run} in a row (Holy Thursday to Easter Sunday): allow a first payment at least ${a.run + 1} days out, or use \`business days next\``,
  },
  'engine-limit/rate': {
    message: (a: { rate: string; most: string }) => `the rate \`${a.rate}%\` is above the highest annual rate the engine prices (${a.most})`,
    help: (a: { most: string }) => `every decision at this rate would fail: a nominal annual rate is at most ${a.most} (\`rate 48%\` is 0.48 a year)`,
  },
  'engine-limit/multiple': { message: (a: { multiple: string; most: string }) => `the installment multiple ${tick(a.multiple)} is above ${a.most}` },
  'engine-limit/tax-included-method': {
    message: (a: { methods: readonly string[]; method: string }) => `\`installment includes iva\` levels a ${a.methods.join(' or ')} installment, and ${tick(a.method)} has none`,
    help: (a: { methods: readonly string[] }) => `use \`method ${a.methods[0]}\`, or remove \`installment includes iva\``,
  },
  'engine-limit/grace': {
    message: (a: { what: string; count: string; payments: number; line: number; most: number }) =>
      `\`grace ${a.what} ${a.count}\` leaves no installment to repay a loan of ${a.payments} payment${a.payments === 1 ? '' : 's'}`,
    help: (a: { payments: number; line: number; most: number }) =>
      `the shortest term (${line(a.line)}) has ${a.payments}: grace may cover at most ${a.most} installment${a.most === 1 ? '' : 's'} (all but the last), or raise the minimum payments`,
  },
  'engine-limit/fee-percent': {
    message: (a: { name: string; percent: string; most: string }) => `fee ${tick(a.name)} of \`${a.percent}%\` is above ${a.most} of its base`,
    help: (a: { most: string }) => `the engine charges a fee of at most ${a.most}: write it as a fixed amount, or lower it`,
  },
  'engine-limit/fee-of-installment': {
    message: (a: { name: string; bases: readonly string[] }) => `the engine cannot charge fee ${tick(a.name)} as a percent of the installment`,
    help: (a: { bases: readonly string[] }) =>
      `per-installment percent fees are of the ${a.bases.map(tick).join(' or the ')}: write \`of balance\` or \`of principal\`, or a fixed amount per installment`,
  },
  'engine-limit/signing-fees': {
    message: (a: { smallest: string; names: readonly string[]; taken: string; line: number }) => `fees at signing leave nothing to disburse from the smallest loan (${a.smallest})`,
    help: (a: { smallest: string; names: readonly string[]; taken: string; line: number }) =>
      `${ticks(a.names)} ${a.names.length === 1 ? 'is' : 'are'} charged at signing (deducted or upfront, with IVA where taxed) and take ${a.taken} of a loan of ${a.smallest} (the minimum amount on ${line(a.line)}): every decision on it would fail; lower the fees or raise the minimum amount`,
  },

  // ---------------------------------------------------------------- eligibility
  'rule-duplicate': {
    message: (a: { reason: string; line: number }) => `this condition repeats rule ${tick(a.reason)} on ${line(a.line)}`,
    help: () => 'both fire together: remove one, or give them different conditions',
  },
  'reason-conflict': {
    message: (a: { reason: string; first: string; line: number; outcome: string }) => `reason ${tick(a.reason)} is a ${tick(a.first)} on ${line(a.line)} and a ${tick(a.outcome)} here`,
    help: () => 'a reason code must mean one outcome: use a different code',
  },
  'unguarded-optional': {
    message: (a: { name: string; negated: boolean }) => `${tick(a.name)} is optional: when it is missing, the comparison is false and this rule ${a.negated ? 'fires' : 'does not fire'}`,
    help: (a: { name: string }) => `say what a missing value means: \`${a.name} is present and ...\` or \`${a.name} is missing or ...\``,
  },
  'rule-always-fires': {
    message: (a: { name: string; always: boolean; because: Because | null }) => `rule ${tick(a.name)} fires for every application`,
    help: (a: { always: boolean; because: Because | null }) => `its condition is ${a.always ? 'always' : 'never'} true: ${because(a.because)}`,
  },
  'rule-unreachable': {
    message: (a: { name: string; always: boolean; because: Because | null }) => `rule ${tick(a.name)} can never fire`,
    help: (a: { always: boolean; because: Because | null }) => `its condition is ${a.always ? 'always' : 'never'} true: ${because(a.because)}`,
  },
  // ---------------------------------------------------------------- overpayment
  'invalid-number/overpayment-negative': {
    message: (a: { tolerance: string }) => `the overpayment tolerance ${a.tolerance} is negative`,
    help: () => 'write 0 to refuse any payment above the payoff',
  },
  'invalid-number/overpayment-decimals': {
    message: (a: { tolerance: string; decimals: number }) => `the overpayment tolerance ${a.tolerance} has more decimal places than the product rounds money to (${a.decimals})`,
  },
  'overpayment-too-large': {
    message: (a: { tolerance: string; smallest: string }) => `the overpayment tolerance ${a.tolerance} is not below the smallest loan (${a.smallest})`,
    help: () => 'a tolerance covers a small excess of a payment (rounding, cash); write an amount below the smallest loan',
  },
  'engine-limit/corner': {
    message: (a: { loan: LoanArg; issue: string; remedy: 'period' | 'days' | null }) => `the engine cannot schedule a loan this product allows: ${loan(a.loan)}`,
    // Interest by days: a first period longer than the others (disbursed on the 1st, the first
    // monthly or semimonthly due date is a month away) accrues more than the level installment pays.
    help: (a: { issue: string; remedy: 'period' | 'days' | null }) =>
      `${a.issue}; every decision on such a loan would fail${a.remedy === null ? '' : ': allow fewer payments, a larger minimum amount or a lower rate'}${
        a.remedy === 'days' ? '; with interest by days a long first period weighs most, so `basis period` or a shorter `first payment` window also helps' : ''
      }`,
  },
  // ---------------------------------------------------------------- regulatory lints
  'frequency-wording/quincenal': { message: () => 'the product says quincenal, but `biweekly` is catorcenal: every 14 days', help: () => 'quincenal is `semimonthly` (the 15th and the last day of each month, 24 payments a year); catorcenal is `biweekly` (every 14 days, 26 payments a year): write the frequency the product means, or say it in its name' },
  'frequency-wording/catorcenal': { message: () => 'the product says catorcenal, but `semimonthly` is quincenal: the 15th and the last day of the month', help: () => 'quincenal is `semimonthly` (the 15th and the last day of each month, 24 payments a year); catorcenal is `biweekly` (every 14 days, 26 payments a year): write the frequency the product means, or say it in its name' },
  'rate-high': {
    message: (a: { rate: string; limit: string; config: string }) => `the rate \`${a.rate}%\` is above the ${a.limit} a year the institution flags as usurious`,
    help: (a: { limit: string; config: string }) =>
      `Mexican law sets no rate cap for SOFOMES, but the SCJN's usury doctrine (jurisprudence 1a./J. 46/2014 and 47/2014, unverified) lets a judge cut an excessive rate, and CONDUSEF publishes how each product compares; ${a.limit} is a policy choice (unverified): set \`lints.maxAnnualRate\` in ${a.config}`,
  },
  'moratorium-high/multiple': {
    message: (a: { factor: string; limit: string; config: string }) => `moratorium interest at \`${a.factor}x\` the ordinary rate is above ${a.limit}x`,
    help: (a: { limit: string; config: string }) => `${USURY}; ${a.limit}x is a policy choice (unverified): set \`lints.maxMoratoriumMultiple\` in ${a.config}`,
  },
  'moratorium-high/annual': {
    message: (a: { rate: string; limit: string; config: string }) => `moratorium interest at \`${a.rate}%\` a year is above ${a.limit}`,
    help: (a: { limit: string; config: string }) => `${USURY}; ${a.limit} is a policy choice (unverified): set \`lints.maxMoratoriumAnnualRate\` in ${a.config}`,
  },
  'late-fee-high/percent': {
    message: (a: { percent: string; taxed: boolean; cap: string | null; config: string }) =>
      `a late fee of \`${a.percent}%\`${a.taxed ? ' plus IVA' : ''} of the unpaid amount is above ${capOf(a.cap)} unpaid amount`,
    help: lateFeeRule,
  },
  'late-fee-high/min': {
    message: (a: { min: string; taxed: boolean; cap: string | null; smallest: string; loan: LoanArg; config: string }) =>
      `the late fee's \`min ${a.min}\`${a.taxed ? ' plus IVA' : ''} is above ${capOf(a.cap)} smallest installment (${a.smallest}, on ${loan(a.loan)})`,
    help: lateFeeRule,
  },
  'late-fee-high/fixed': {
    message: (a: { amount: string; taxed: boolean; cap: string | null; smallest: string; loan: LoanArg; config: string }) =>
      `the late fee ${tick(a.amount)}${a.taxed ? ' plus IVA' : ''} is above ${capOf(a.cap)} smallest installment (${a.smallest}, on ${loan(a.loan)})`,
    help: lateFeeRule,
  },
  // ---------------------------------------------------------------- shared
  'invalid-number/rate-negative': { message: (a: { rate: string }) => `the rate \`${a.rate}%\` is negative` },
  'unknown-option': {
    message: (a: { what: OptionKind; name: string; suggestion: string | null; allowed: readonly string[] }) => `unknown ${OPTION_KINDS[a.what]} ${tick(a.name)}`,
    help: (a: { suggestion: string | null; allowed: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `write one of ${ticks(a.allowed)}`),
  },
  'unknown-option/product-kind': {
    message: (a: { kind: string; suggestion: string | null }) => `unknown product kind ${tick(a.kind)}`,
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'write `kind consumer` or `kind business`'),
  },
  'unknown-option/rate-key': {
    message: (a: { key: string; suggestion: string | null }) => `a rate table cannot be keyed by ${tick(a.key)}`,
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'key it by `band`, `payments` and/or `amount`'),
  },
  // ---------------------------------------------------------------- product
  'missing-product': { message: () => 'the file declares no product', help: () => 'start with `product code "Name" { ... }`' },
  'invalid-product-code/empty': { message: () => 'a product code cannot be empty', help: () => 'write the code in lowercase letters, digits and `_`, such as `nomina_quincenal`' },
  'invalid-product-code/too-long': {
    message: (a: { max: number; length: number }) => `a product code has at most ${a.max} characters; this one has ${a.length}`,
    help: () => 'write the code in lowercase letters, digits and `_`, such as `nomina_quincenal`',
  },
  'invalid-product-code/pattern': {
    message: (a: { code: string }) => `${tick(a.code)} is not a product code: lowercase letters, digits and \`_\`, starting with a letter or \`_\``,
    help: () => 'write the code in lowercase letters, digits and `_`, such as `nomina_quincenal`',
  },
  'invalid-product-code/keyword': {
    message: (a: { code: string }) => `${tick(a.code)} is a keyword of the language and cannot name a product`,
    help: () => 'write the code in lowercase letters, digits and `_`, such as `nomina_quincenal`',
  },
  'invalid-product-name/empty': { message: () => 'a product name cannot be empty' },
  'invalid-product-name/control': { message: () => 'a product name is one line of text, without control characters' },
  'missing-product/brace': { message: () => 'the product has no `{`' },
  'missing-currency': { message: (a: { product: string }) => `product ${tick(a.product)} has no currency`, help: () => 'add `currency MXN` inside the product' },
  'invalid-currency': {
    message: (a: { currency: string }) => `${tick(a.currency)} is not an ISO 4217 currency code`,
    help: () => 'write three capital letters, such as `MXN` or `USD`',
  },
  'duplicate-section': {
    message: (a: { keyword: string; line: number }) => `${tick(a.keyword)} appears twice`,
    help: (a: { keyword: string; line: number }) => `merge it into the ${tick(a.keyword)} on ${line(a.line)}`,
  },
  'missing-section': {
    message: (a: { product: string; keyword: 'input' | 'limits' | 'pricing' }) => `product ${tick(a.product)} has no ${tick(a.keyword)} section`,
    help: (a: { keyword: 'input' | 'limits' | 'pricing' }) =>
      ({
        input: 'declare the application data: `input { request.amount: money  request.payments: integer ... }`',
        limits: 'add `limits { amount 1_000..50_000 step 500  payments 6..24 monthly }`',
        pricing: 'add `pricing { method french  rate 48% }`',
      })[a.keyword],
  },
  // ---------------------------------------------------------------- allocation
  'allocation-duplicate': { message: (a: { component: string }) => `${tick(a.component)} is listed twice`, help: () => 'list every component once' },
  'allocation-incomplete': {
    message: (a: { missing: readonly string[]; all: readonly string[] }) => `allocation does not list ${ticks(a.missing)}`,
    help: (a: { all: readonly string[] }) => `a payment must go somewhere: list all of ${a.all.join(', ')}`,
  },
  // ---------------------------------------------------------------- limits
  'missing-amount-limit': { message: () => '`limits` has no amount range', help: () => 'add `amount 1_000..50_000 step 500`' },
  'missing-term': { message: () => '`limits` allows no term', help: () => 'add a line such as `payments 6..24 monthly`' },
  'duplicate-name/frequency': {
    message: (a: { key: string; line: number }) => `frequency ${tick(a.key)} is listed twice`,
    help: (a: { line: number }) => `it already has payments on ${line(a.line)}; keep one line per frequency`,
  },
  'type-mismatch/amount-percent': { message: (a: { value: string }) => 'an amount limit must be money, not a percent', help: (a: { value: string }) => `write ${tick(a.value)} without \`%\`` },
  'range-unbounded/amount': { message: () => 'the amount range needs both a minimum and a maximum', help: () => 'write `amount 1_000..50_000`' },
  'invalid-number/amount-min': { message: (a: { min: string }) => `the minimum amount ${a.min} must be positive` },
  'invalid-range': {
    message: (a: { min: string; max: string }) => 'write the amount range with an inclusive maximum',
    help: (a: { min: string; max: string }) => `write \`${a.min}..${a.max}\` with the largest amount allowed`,
  },
  'range-inverted/amount': { message: (a: { min: string; max: string }) => `the amount range is empty: ${a.min} is above ${a.max}`, help: () => 'write the smaller amount first' },
  'invalid-number/step': { message: (a: { step: string }) => `the step ${a.step} must be positive` },
  'step-mismatch': {
    message: (a: { step: string; min: string; max: string; span: string; stepValue: string; fitted: string }) =>
      `step ${a.step} does not divide the range ${a.min}..${a.max}: ${a.span} is not a multiple of ${a.stepValue}`,
    help: (a: { min: string; fitted: string }) => `make the bounds differ by a multiple of the step, e.g. \`${a.min}..${a.fitted}\``,
  },
  'range-unbounded/whole': { message: (a: { what: WholeWhat }) => `${WHOLE[a.what]} need both a minimum and a maximum`, help: () => 'write `6..24`' },
  'invalid-number/whole': { message: (a: { what: WholeWhat; found: string }) => `${WHOLE[a.what]} must be whole numbers, found ${tick(a.found)}` },
  'invalid-number/whole-least': { message: (a: { what: WholeWhat; least: number; found: string }) => `${WHOLE[a.what]} start at ${a.least}, found ${a.found}` },
  'range-inverted/whole': {
    message: (a: { what: WholeWhat; min: string; max: string }) => `the range of ${WHOLE[a.what]} is empty: ${a.min} is above ${a.max}`,
    help: () => 'write the smaller bound first',
  },
  'invalid-number/every-days': { message: (a: { days: string }) => `\`every ${a.days} days\` needs a whole number of days, at least 1` },




  // ---------------------------------------------------------------- rate table
  'duplicate-name/rate-key': { message: (a: { key: string }) => `${tick(a.key)} is listed twice as a key` },
  'no-scorecard/rate': {
    message: () => 'rates by band need a `scorecard` with bands',
    help: () => 'add a scorecard with `band A when score >= ...`, or key the table by `payments` or `amount`',
  },
  'rate-row-shape': {
    message: (a: { cells: number; keys: readonly string[] }) => `this row has ${a.cells} cell(s) for ${a.keys.length} key(s) (${a.keys.join(', ')})`,
    help: (a: { keys: readonly string[] }) => `write one cell per key, then the rate: \`${a.keys.map((k) => (k === 'band' ? 'A' : '..')).join(', ')}: 40%\``,
  },
  'type-mismatch/rate-band-cell': { message: () => 'this cell must be a band name', help: () => 'write a band such as `A`' },
  'unknown-band': {
    message: (a: { band: string; suggestion: string | null; bands: readonly string[] }) => `unknown band ${tick(a.band)}`,
    help: (a: { suggestion: string | null; bands: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `the bands are ${ticks(a.bands)}`),
  },
  'type-mismatch/rate-range-cell': { message: (a: { key: string }) => `this cell must be a range of ${a.key}`, help: () => 'write `6..12`, `13..` or `..` for any' },
  'type-mismatch/rate-range-percent': { message: (a: { key: string }) => `a range of ${a.key} cannot be in percents` },
  'invalid-number/rate-payments': { message: () => 'payments are whole numbers' },
  'range-inverted/rate-cell': { message: (a: { min: string; max: string }) => `the range ${a.min}..${a.max} is empty`, help: () => 'write the smaller bound first' },
  'rate-gap': {
    message: (a: { key: string; span: string; band: string | null; integer: boolean }) => `${a.key} ${a.span} ${a.band === null ? '' : `for band ${tick(a.band)} `}have no rate`,
    help: (a: { integer: boolean }) => `the limits allow them: add a row covering them${a.integer ? '' : ' (write `..<x` to make rows meet exactly)'}`,
  },
  // ---------------------------------------------------------------- pricing
  'missing-method': { message: () => '`pricing` has no interest method', help: () => 'add `method french` (or german, flat, bullet)' },
  'missing-rate': { message: () => '`pricing` has no rate', help: () => 'add `rate 48%` or a table such as `rate by band { A: 36%, B: 48% }`' },
  'invalid-number/rounding': {
    message: (a: { decimals: string; most: number }) => `rounding scale ${tick(a.decimals)} must be a whole number from 0 to ${a.most}`,
    help: () => 'write `rounding 2 half-even`',
  },
  'invalid-number/multiple': { message: (a: { multiple: string }) => `installment multiple ${tick(a.multiple)} must be positive` },
  'multiple-not-level': {
    message: (a: { method: string; methods: readonly string[] }) => `\`multiple\` rounds a level installment, and ${tick(a.method)} has none`,
    help: (a: { methods: readonly string[] }) => `use \`multiple\` with ${a.methods.map((m) => `\`method ${m}\``).join(' or ')}`,
  },
  'invalid-number/grace': { message: (a: { count: string }) => `grace ${tick(a.count)} must be a whole number of installments` },
  'duplicate-name/grace': { message: (a: { what: string; line: number }) => `\`grace ${a.what}\` is given twice`, help: (a: { line: number }) => `keep the one on ${line(a.line)}` },
  'iva-missing': {
    message: (a: { declared: boolean }) => (a.declared ? 'interest carries no IVA on this consumer product' : 'no IVA on interest for this consumer product'),
    help: () =>
      'interest on loans to individuals is taxed at 16% (LIVA art. 15 exempts only business activity and a few others): write `iva 16% on interest, fees`, or `kind business` if the borrowers have business activity',
  },
  'iva-rate-missing/installment': { message: () => '`installment includes iva` needs an IVA rate', help: () => 'add `iva 16% on interest, fees`' },
  'invalid-number/iva-rate': {
    message: (a: { rate: string; most: string }) => `the IVA rate \`${a.rate}%\` must be between 0% and ${a.most}%`,
    help: () => 'the general rate is `16%`',
  },
  'duplicate-name/iva-target': { message: (a: { name: string }) => `${tick(a.name)} is listed twice` },
  // ---------------------------------------------------------------- fees
  'duplicate-name/fee': { message: (a: { name: string; line: number }) => `fee ${tick(a.name)} is declared twice`, help: (a: { line: number }) => `the first is on ${line(a.line)}; rename or merge them` },
  'invalid-number/fee-negative': { message: (a: { name: string }) => `fee ${tick(a.name)} is negative` },
  'fee-base/fixed': {
    message: (a: { base: string }) => `a fixed fee is not a percent of ${tick(a.base)}`,
    help: (a: { base: string }) => `drop \`of ${a.base}\`, or write a percent such as \`2.5% of ${a.base}\``,
  },
  'invalid-cap': { message: (a: { amount: string }) => `a fixed fee of ${a.amount} cannot have a \`min\` or \`max\``, help: () => 'caps bound percent fees' },
  'invalid-number/fee-cap': { message: (a: { cap: string; name: string }) => `the cap ${a.cap} of fee ${tick(a.name)} is negative` },
  'range-inverted/fee': { message: (a: { name: string; min: string; max: string }) => `fee ${tick(a.name)} has \`min ${a.min}\` above \`max ${a.max}\``, help: () => 'swap them' },
  'fee-base/timing': {
    message: (a: { base: string; timing: string }) => `a fee on the ${tick(a.base)} is charged with each installment, not ${tick(a.timing)}`,
    help: () => 'write `per installment`',
  },
  'iva-rate-missing/fee': {
    message: (a: { name: string }) => `fee ${tick(a.name)} is marked \`iva\` but the pricing declares no IVA rate`,
    help: () => 'add `iva 16% on interest, fees` to `pricing`',
  },
  // ---------------------------------------------------------------- penalties
  'invalid-number/late-fee': { message: () => 'the late fee is negative' },
  'fee-base/late-fee': {
    message: (a: { base: string }) => `a fixed late fee is not a percent of ${tick(a.base)}`,
    help: (a: { base: string }) => `drop \`of ${a.base}\`, or write a percent such as \`5% of ${a.base}\``,
  },
  'range-inverted/late-fee': { message: (a: { min: string; max: string }) => `the late fee has \`min ${a.min}\` above \`max ${a.max}\``, help: () => 'swap them' },
  'invalid-number/grace-days': { message: () => 'grace days must be a whole number' },
  'iva-rate-missing/late-fee': {
    message: () => 'the late fee is marked `iva` but the pricing declares no IVA rate',
    help: () => 'add `iva 16% on interest, fees` to `pricing`',
  },
  'invalid-number/moratorium-multiple': { message: () => 'the moratorium multiple must be positive' },
  'invalid-number/moratorium-rate': { message: () => 'the moratorium rate is negative' },
  'iva-rate-missing/moratorium': {
    message: () => 'moratorium interest is marked `iva` but the pricing declares no IVA rate',
    help: () => 'add `iva 16% on interest, fees` to `pricing`',
  },
  'late-fee-with-moratorium': {
    message: () => 'a late fee together with moratorium interest',
    help: () =>
      'Banxico Circular 22/2010: no late fee may be charged for a period in which moratorium interest is charged; keep one of them, or make sure servicing never charges both for the same installment',
  },

  // ---------------------------------------------------------------- collection
  'offer-outside-stage': {
    message: () => '`offer restructure` on a day is never offered: offers belong to the stage a loan is in',
    help: () => 'move it to a stage line (`from 31 to 90 dpd stage tardia offer restructure`)',
  },
  'invalid-number/at-days': { message: () => '`at` takes a whole number of days' },
  'duplicate-name/stage': { message: (a: { name: string; line: number }) => `stage ${tick(a.name)} is declared twice`, help: (a: { line: number }) => `the first is on ${line(a.line)}` },
  'invalid-number/stage-days': { message: () => 'stages take whole numbers of days past due' },
  'invalid-number/stage-start': {
    message: (a: { from: string }) => `a stage starts at 1 day past due or later, found ${a.from}`,
    help: () => 'use `at N days` for reminders on or before the due date',
  },
  'range-inverted/stage': { message: (a: { name: string; from: string; to: string }) => `stage ${tick(a.name)} runs from ${a.from} to ${a.to} days`, help: () => 'write the smaller day first' },
  'stage-overlap': {
    message: (a: { days: string; first: string; second: string; line: number }) => `days ${a.days} past due are in stages ${tick(a.first)} and ${tick(a.second)}`,
    help: (a: { line: number }) => `the stage on ${line(a.line)} already covers them`,
  },
  'stage-gap': { message: (a: { days: string }) => `days ${a.days} past due are in no stage`, help: () => 'make each stage start the day after the previous one ends' },
  'invalid-number/restructure-payments': {
    message: (a: { most: number; found: string }) => `a restructuring offer takes a whole number of payments from 1 to ${a.most}, found ${tick(a.found)}`,
  },
  'restructure-bullet': {
    message: (a: { payments: string }) => `a bullet product repays in one payment: it cannot restructure into ${a.payments} payments`,
    help: () => 'write `payments 1`, or leave the payments out',
  },
  'invalid-number/restructure-rate': { message: (a: { rate: string; most: string }) => `the rate \`${a.rate}%\` is above ${a.most}%` },
  // ---------------------------------------------------------------- reserves
  'reserves-empty': {
    message: () => '`reserves` has no rows',
    help: () => 'write one rate per range of days past due (`0 dpd 1%`, `1 to 7 dpd 4%`, … `from 181 dpd 100%`), or `expected loss pd ... lgd ...`',
  },
  'reserves-mixed': {
    message: (a: { line: number }) => `\`expected loss\` and a table of rates (from ${line(a.line)}) in one \`reserves\``,
    help: () => 'a reserve is a rate by days past due or pd × lgd: keep one of them',
  },
  'invalid-number/reserve-rate': { message: (a: { rate: string }) => `a reserve rate is from 0% to 100% of the exposure, found \`${a.rate}%\`` },
  'invalid-number/reserve-days': {
    message: (a: { found: string }) => `days past due are whole numbers from 0, found ${tick(a.found)}`,
  },
  'range-inverted/reserve': { message: (a: { from: string; to: string }) => `the row runs from ${a.from} to ${a.to} days past due`, help: () => 'write the smaller day first' },
  'reserve-overlap': {
    message: (a: { days: string; stage: string | null; line: number }) => `days ${a.days} past due${ofStage(a.stage)} have two reserve rates`,
    help: (a: { line: number }) => `the row on ${line(a.line)} already covers them`,
  },
  'reserve-gap': {
    message: (a: { days: string; stage: string | null; open: boolean }) => `days ${a.days} past due${ofStage(a.stage)} have no reserve rate`,
    help: (a: { open: boolean }) =>
      a.open ? 'end the table with an open row, such as `from 181 dpd 100%`' : 'make each row start the day after the previous one ends',
  },
  'reserve-decreasing': {
    message: (a: { from: string; to: string; days: string; stage: string | null; line: number }) =>
      `the reserve rate falls from ${a.from} to ${a.to} at days ${a.days} past due${ofStage(a.stage)}`,
    help: (a: { line: number }) => `a loan further past due is no less likely to be lost: write a rate at least that of the row on ${line(a.line)}`,
  },
  'reserve-row-unreachable': {
    message: () => 'no loan takes this row: the `vigente` and `vencida` rows already rate all its days',
    help: () => 'remove it, or change the rows of a stage',
  },
  'type-mismatch/reserve-fraction': {
    message: (a: { part: 'pd' | 'lgd'; actual: TypeArg }) => `${tick(a.part)} must be a percent or a number from 0 to 1, found ${typeLabel(a.actual)}`,
    help: (a: { part: 'pd' | 'lgd' }) => `${tick(a.part)} is a probability: \`2%\`, \`0.02\`, or a ratio of two amounts such as \`loan.accrued_interest / loan.exposure\``,
  },
  'invalid-number/reserve-fraction': {
    message: (a: { part: 'pd' | 'lgd'; shown: string }) => `${tick(a.part)} ${tick(a.shown)} is outside 0..1 (0%..100%)`,
    help: () => 'a probability is from 0% to 100% (the engine would clamp it)',
  },
  // ---------------------------------------------------------------- input
  'duplicate-name/input': { message: (a: { name: string; line: number }) => `input field ${tick(a.name)} is declared twice`, help: (a: { line: number }) => `it is first declared on ${line(a.line)}` },
  'invalid-enum': { message: (a: { name: string }) => `enum ${tick(a.name)} has no values`, help: () => 'list its values: `enum { CDMX, JAL, other }`' },
  'duplicate-name/enum-value': { message: (a: { value: string }) => `enum value ${tick(a.value)} is listed twice` },
  'bounds-not-allowed': { message: (a: { type: string }) => `a ${tick(a.type)} field cannot have a range`, help: () => 'ranges apply to number, integer, money and percent fields' },
  'type-mismatch/input-bound-percent': { message: (a: { name: string; fix: Localized }) => `the range of percent field ${tick(a.name)} must be written in percents`, help: (a: { fix: Localized }) => L(a.fix) },
  'type-mismatch/input-bound-not-percent': {
    message: (a: { name: string; type: string; fix: Localized | null }) => `the range of ${a.type} field ${tick(a.name)} cannot be a percent`,
    help: (a: { type: string; fix: Localized | null }) => (a.fix ? L(a.fix) : `write the bound as ${a.type === 'money' ? 'an amount' : 'a whole number'}, without \`%\``),
  },
  'type-mismatch/input-bound-integer': { message: (a: { name: string }) => `the range of integer field ${tick(a.name)} must have whole-number bounds` },
  'range-inverted/input': {
    message: (a: { name: string; min: string; max: string }) => `the range of ${tick(a.name)} is empty: ${a.min} is not below ${a.max}`,
    help: () => 'write the smaller bound first',
  },
  'unknown-client-fact': {
    message: (a: { fact: string; suggestion: string | null; facts: readonly string[] }) => `unknown client fact ${tick(a.fact)}`,
    help: (a: { suggestion: string | null; facts: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `an input is filled from one of ${ticks(a.facts)}`),
  },
  'type-mismatch/client-fact': {
    message: (a: { name: string; fact: string; type: string; declared: string }) => `${tick(a.name)} is declared ${tick(a.declared)}, but ${tick(a.fact)} is ${tick(a.type)}`,
    help: (a: { name: string; fact: string; type: string; declared: string }) => `declare the input as ${tick(a.type)} to fill it from ${tick(a.fact)}`,
  },
  'type-mismatch/client-fact-enum': {
    message: (a: { name: string; fact: string; missing: readonly string[] }) => `the enum of ${tick(a.name)} lacks ${ticks(a.missing)}, which ${tick(a.fact)} may be`,
    help: (a: { missing: readonly string[] }) => `add ${ticks(a.missing)} to the enum`,
  },
  'derived-request-input': {
    message: (a: { path: string }) => `${tick(a.path)} cannot come from the client record`,
    help: () => 'what the client asks for (`request.…`) is always typed in the application',
  },
  'missing-input': {
    message: (a: { path: string; type: string }) => `the input schema lacks \`${a.path}: ${a.type}\``,
    help: (a: { path: string; type: string }) => `every product needs \`${a.path}: ${a.type}\`: it is what the client asks for`,
  },
  'type-mismatch/required-input': {
    message: (a: { path: string; type: string; declared: string }) => `${tick(a.path)} must be ${tick(a.type)}, declared ${tick(a.declared)}`,
    help: (a: { path: string; type: string }) => `declare \`${a.path}: ${a.type}\``,
  },
  'required-input-optional': { message: (a: { path: string }) => `${tick(a.path)} cannot be optional`, help: (a: { path: string }) => `every application states ${tick(a.path)}; remove \`optional\`` },
  // ---------------------------------------------------------------- lets
  'duplicate-name/let': { message: (a: { name: string; line: number }) => `${tick(a.name)} is already defined`, help: (a: { name: string; line: number }) => `the first \`let ${a.name}\` is on ${line(a.line)}; rename one` },
  'name-clash': {
    message: (a: { name: string; group: string | null }) => (a.group === null ? `${tick(a.name)} is a built-in name` : `${tick(a.name)} clashes with the input field ${tick(a.group)}`),
    help: () => 'choose another name for the let',
  },
  // ---------------------------------------------------------------- tests
  'duplicate-name/test': { message: (a: { name: string; line: number }) => `test ${tick(a.name)} is declared twice`, help: (a: { line: number }) => `the first is on ${line(a.line)}` },
  'duplicate-name/given': { message: (a: { path: string; line: number }) => `${tick(a.path)} is given twice`, help: (a: { line: number }) => `it is already given on ${line(a.line)}` },
  'test-missing-input': {
    message: (a: { test: string; lacking: readonly string[] }) => `test ${tick(a.test)} does not give ${ticks(a.lacking)}`,
    help: (a: { lacking: readonly string[] }) => `every required input needs a value: add \`${a.lacking[0]} = ...\` to \`given\``,
  },
  'unknown-band/test': {
    message: (a: { band: string; suggestion: string | null; scorecard: boolean }) => `unknown band ${tick(a.band)}`,
    help: (a: { suggestion: string | null; scorecard: boolean }) => (a.suggestion !== null ? mean(a.suggestion) : a.scorecard ? undefined : 'the product has no scorecard'),
  },
  'no-scorecard/test': { message: () => '`expect score` needs a `scorecard` section' },
  'unknown-reason': {
    message: (a: { reason: string; suggestion: string | null }) => `no rule or bin gives reason ${tick(a.reason)}`,
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'reasons come from eligibility rules, scorecard bins and `otherwise`'),
  },
  'unknown-stage': {
    message: (a: { stage: string; suggestion: string | null }) => `unknown collection stage ${tick(a.stage)}`,
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'stages are named in `collection { from ... dpd stage NAME }`'),
  },
  'missing-disburse/state': { message: () => 'a loan-state expectation needs `disburse DATE`', help: () => 'add `disburse 2025-01-06` to the test' },
  'missing-disburse/books': { message: () => 'a books expectation needs `disburse DATE`', help: () => 'add `disburse 2025-01-06` to the test' },
  'missing-disburse/pay': { message: () => '`pay` needs a loan: add `disburse DATE` to the test' },
  'unknown-name/given-let': { message: (a: { path: string }) => `${tick(a.path)} is derived, not an input`, help: () => 'give the inputs it is computed from' },
  'unknown-name/given': {
    message: (a: { path: string; suggestion: string | null }) => `unknown input ${tick(a.path)}`,
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'tests give values to the fields of `input`'),
  },
  'type-mismatch/given': {
    message: (a: { path: string; type: string; shown: string; fix: Localized | null; values: readonly string[] }) => `${tick(a.path)} is ${tick(a.type)}, given ${tick(a.shown)}`,
    help: (a: { type: string; fix: Localized | null; values: readonly string[] }) =>
      a.fix
        ? L(a.fix)
        : `give ${
            ({
              money: 'an amount such as `24_000`',
              number: 'a number',
              integer: 'a whole number',
              percent: 'a percent such as `35%`',
              string: 'a string such as `"texto"`',
              boolean: '`true` or `false`',
              date: 'a date such as `1990-05-17`',
              enum: `one of ${ticks(a.values)}`,
            } as Record<string, string>)[a.type] ?? 'a value of its type'
          }`,
  },
  'unknown-enum-value/given': {
    message: (a: { text: string; path: string; suggestion: string | null; values: readonly string[] }) => `${tick(a.text)} is not a value of ${tick(a.path)}`,
    help: (a: { suggestion: string | null; values: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `give one of ${ticks(a.values)}`),
  },
  'out-of-declared-range': {
    message: (a: { path: string; shown: string; range: string }) => `${tick(a.path)} = ${a.shown} is outside its declared range ${a.range}`,
    help: () => 'an application like this would be rejected before any rule runs: give a value inside the range',
  },

  // ---------------------------------------------------------------- scorecard
  'duplicate-name/characteristic': {
    message: (a: { name: string; line: number }) => `characteristic ${tick(a.name)} is declared twice`,
    help: (a: { line: number }) => `the first is on ${line(a.line)}; merge their bins`,
  },
  'unknown-name/characteristic': {
    message: (a: { name: string; builtin: boolean; suggestion: string | null }) => (a.builtin ? `${tick(a.name)} cannot be a characteristic` : `unknown name ${tick(a.name)}`),
    help: (a: { suggestion: string | null }) => (a.suggestion !== null ? mean(a.suggestion) : 'a characteristic is an input field or a let'),
  },
  'characteristic-type': {
    message: (a: { type: TypeArg }) => `a characteristic cannot be ${typeLabel(a.type)}`,
    help: () => 'derive a number from it with `let`, e.g. `years_between(applicant.birth_date, today)`',
  },
  'bin-gap/no-bins': { message: (a: { name: string }) => `characteristic ${tick(a.name)} has no bins`, help: () => 'add bins such as `..579 -> -60  580.. -> 0`' },
  'duplicate-name/band': { message: (a: { name: string; line: number }) => `band ${tick(a.name)} is declared twice`, help: (a: { line: number }) => `the first is on ${line(a.line)}` },
  'band-order': {
    message: (a: { name: string; cutoff: string; previous: string; previousCutoff: string }) => `band ${tick(a.name)} starts at ${a.cutoff}, not below band ${tick(a.previous)} at ${a.previousCutoff}`,
    help: () => 'list bands from the highest cutoff down: the first band whose cutoff the score reaches wins',
  },
  'band-unreachable/above': {
    message: (a: { name: string; cutoff: string; min: string; max: string }) => `band ${tick(a.name)} needs a score of ${a.cutoff} but the highest reachable score is ${a.max}`,
    help: (a: { min: string; max: string }) => `the score ranges ${a.min}..${a.max} (base plus the lowest and highest bin of each characteristic)`,
  },
  'band-unreachable/below': {
    message: (a: { name: string; min: string; catchAll: string }) => `band ${tick(a.name)} is never reached: every reachable score (at least ${a.min}) falls in band ${tick(a.catchAll)} or above`,
    help: () => 'remove the band or raise the cutoffs above it',
  },
  'band-coverage': {
    message: (a: { min: string; cutoff: string; band: string }) => `scores ${a.min}..<${a.cutoff} fall below the lowest band ${tick(a.band)} and nothing handles them`,
    help: (a: { min: string; band: string }) => `add \`otherwise decline "SCORE_BAJO"\` after the bands, or lower the cutoff of ${tick(a.band)} to ${a.min}`,
  },
  // ---------------------------------------------------------------- offer
  'no-scorecard/offer': { message: () => 'amounts by band need a `scorecard` with bands', help: () => 'add a scorecard, or cap the amount with an expression' },
  'duplicate-name/offer-band': { message: (a: { band: string }) => `band ${tick(a.band)} is listed twice` },
  'invalid-number/offer-band': { message: (a: { band: string }) => `the amount for band ${tick(a.band)} must be a positive amount` },
  'band-missing/offer': { message: (a: { band: string }) => `band ${tick(a.band)} has no maximum amount`, help: (a: { band: string }) => `add \`${a.band}: ...\` to \`by band { ... }\`` },
  'band-missing/rate': { message: (a: { band: string }) => `band ${tick(a.band)} has no rate`, help: (a: { band: string }) => `add a row for band ${tick(a.band)}` },



  // ---------------------------------------------------------------- plazo.config.json
  'lint-config/not-object': { message: (a: { got: string }) => `must be a JSON object such as { "lints": { "maxAnnualRate": "200%" } }, got ${a.got}` },
  'lint-config/unknown-field': {
    message: (a: { key: string; suggestion: string | null; known: readonly string[] }) => `unknown field ${tick(a.key)}${a.suggestion !== null ? `: ${mean(a.suggestion)}` : ` (known: ${ticks(a.known)})`}`,
  },
  'lint-config/lints-not-object': { message: (a: { got: string }) => `must be an object such as { "maxAnnualRate": "200%" }, got ${a.got}` },
  'lint-config/unknown-threshold': {
    message: (a: { key: string; suggestion: string | null; known: readonly string[] }) => `unknown lint threshold ${tick(a.key)}${a.suggestion !== null ? `: ${mean(a.suggestion)}` : ` (known: ${ticks(a.known)})`}`,
  },
  'lint-config/number': {
    message: (a: { example: string; value: string; written: string }) => `must be a string such as ${a.example} (or false to turn the lint off), got the number ${a.value}: write ${a.written} if that is what you mean`,
  },
  'lint-config/not-string': { message: (a: { example: string; got: string }) => `must be a string such as ${a.example}, or false to turn the lint off, got ${a.got}` },
  'lint-config/notation': {
    message: (a: { notation: 'percent' | 'multiple'; example: string; got: string; fraction: { text: string; scaled: string } | null }) =>
      `must be ${a.notation === 'percent' ? 'a percent' : 'a multiple'} such as ${a.example}, got ${a.got}${
        a.fraction ? `: write the percent sign, "${a.fraction.text}%" (or "${a.fraction.scaled}%" if "${a.fraction.text}" is a fraction)` : ''
      }`,
  },
  'lint-config/not-positive': { message: (a: { got: string }) => `must be above zero, got ${a.got} (write false to turn the lint off)` },
  // ---- PLD policy documents (policy/…)
  'policy-syntax': { message: (a: { expected: Localized; found: Found }) => `expected ${L(a.expected)}, found ${found(a.found)}` },
  'unknown-name/fact': {
    message: (a: { name: string; suggestion: string | null; facts: readonly string[] }) => `unknown fact ${tick(a.name)}`,
    help: (a: { suggestion: string | null; facts: readonly string[] }) => (a.suggestion !== null ? mean(a.suggestion) : `the facts here are ${ticks(a.facts)}`),
  },
  'policy-grade': { message: (a: { name: string }) => `unknown risk grade ${tick(a.name)}`, help: () => 'the grades are `high`, `medium` and `low`' },
  'policy-grade-order': {
    message: (a: { grade: string; points: string; above: string; abovePoints: string }) => `${tick(a.grade)} from ${a.points} points must be below ${tick(a.above)} from ${a.abovePoints}`,
    help: () => 'write the cut-offs from the highest grade down, each below the one before',
  },
  'policy-grade-missing': { message: () => '`risk grade` needs at least one cut-off', help: () => 'e.g. `high when points >= 50` and `otherwise low`' },
  'policy-bin-type': {
    message: (a: { fact: string; type: string }) => `${tick(a.fact)} is ${tick(a.type)}: this bin cannot match it`,
    help: (a: { type: string }) => (a.type === 'integer' || a.type === 'money' ? 'use ranges such as `..<25` or `65..`' : 'list values such as `"cambista", "comerciante"`'),
  },
  'policy-bin-value': {
    message: (a: { fact: string; value: string; values: readonly string[] }) => `${tick(a.fact)} is never ${tick(a.value)}`,
    help: (a: { values: readonly string[] }) => `its values are ${ticks(a.values)}`,
  },
  'duplicate-name/policy': { message: (a: { what: Localized; name: string; line: number }) => `${L(a.what)} ${tick(a.name)} is already declared on ${line(a.line)}` },
  'policy-missing': { message: () => 'a policy file holds `policy CODE "Name" { ... }`' },
  'policy-risk-missing': { message: () => 'the policy has no `risk grade { ... }`', help: () => 'add the matrix: `risk grade { factor client.pep { true -> 50 } high when points >= 50 otherwise low }`' },
} satisfies Record<string, EntryShape>;

