// The parts of a product and the changes outside the editable ones, on the real examples parsed and
// compiled by the real dsl: what the runtime refuses a risk analyst and the studio locks.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Section } from '../ast/nodes.ts';
import { compileText } from '../compile/compile.ts';
import { format } from '../format/format.ts';
import { parse } from '../parse.ts';
import { lockedChanges } from './locked-changes.ts';
import { describeChange, PART_KINDS, productParts, sectionSpans, type PartKind } from './product-parts.ts';

const examples = new URL('../../../examples/', import.meta.url);
const NOMINA = readFileSync(new URL('nomina.plazo', examples), 'utf8');
const ANALYST: PartKind[] = ['eligibility', 'scorecard', 'test'];
const changes = (before: string, after: string, editable: PartKind[] = ANALYST) => lockedChanges(before, after, editable);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('productParts and sectionSpans', () => {
  it('splits a product into its header and its top-level sections, keyed by kind and name', () => {
    const keys = productParts(parse(NOMINA).file).map((p) => p.key);
    expect(keys.slice(0, 16)).toEqual(['product', 'input', 'let age', 'let capacity', 'let dti', 'limits', 'pricing', 'fee apertura', 'eligibility', 'scorecard', 'offer', 'penalties', 'collection', 'reserves', 'allocation', 'prepayment']);
    expect(keys).toContain('test "sin historial de buró"');
  });

  it("starts a section at the `///` lines the parser attaches to it, and no earlier", () => {
    const text = 'product p "P" {\n  currency MXN\n  /// Capacidad\n  /// de pago\n  let a = 1\n\n  /// Tasa\n  // nota\n  pricing { rate 10% }\n  let b = 2 /// al final, no es doc\n  let c = 3\n}\n';
    const spans = sectionSpans(parse(text).file);
    expect(spans.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['let', '/// Capacidad\n  /// de pago\n  let a = 1'],
      ['pricing', '/// Tasa\n  // nota\n  pricing { rate 10% }'],
      ['let', 'let b = 2'],
      ['let', 'let c = 3'],
    ]);
    const parts = productParts(parse(text).file);
    expect(parts.map((p) => p.key)).toEqual(['product', 'let a', 'pricing', 'let b', 'let c']);
    expect((parts[2]!.node as Section).doc).toBe('Tasa');
  });

  it('numbers repeated keys so that each part is compared with its namesake', () => {
    const text = 'product p "P" {\n  currency MXN\n  let a = 1\n  let a = 2\n}\n';
    expect(productParts(parse(text).file).map((p) => p.key)).toEqual(['product', 'let a', 'let a (2)']);
  });

  it('lists every part kind', () => {
    // nómina states no overpayment tolerance (the default, 0): the clause is added here.
    const withTolerance = NOMINA.replace(/\n\s*prepayment [^\n]*\n/, (line) => `${line}  overpayment tolerance 0\n`);
    expect(withTolerance).not.toBe(NOMINA);
    expect(new Set(productParts(parse(withTolerance).file).map((p) => p.kind))).toEqual(new Set(PART_KINDS));
  });
});

describe('lockedChanges', () => {
  it('finds nothing when only editable sections change', () => {
    expect(changes(NOMINA, NOMINA.replace('+60', '+65'))).toEqual([]);
    expect(changes(NOMINA, NOMINA.replace('expect score 730', 'expect score 735'))).toEqual([]);
    expect(changes(NOMINA, NOMINA.replace('eligibility {', 'eligibility {\n    decline "NUEVA" when payroll.net_pay < 1_000'))).toEqual([]);
  });

  it('names a changed locked section and the place of the change, in both texts', () => {
    const line = lineOf(NOMINA, 'A, 6..24: 26%');
    const changed = NOMINA.replace('A, 6..24: 26%', 'A, 6..24: 27%');
    const found = changes(NOMINA, changed);
    expect(found).toEqual([
      {
        part: 'pricing',
        kind: 'pricing',
        change: 'changed',
        range: { start: expect.objectContaining({ line }), end: expect.objectContaining({ line }) },
        previousRange: { start: expect.objectContaining({ line }), end: expect.objectContaining({ line }) },
      },
    ]);
    expect(describeChange(found[0]!)).toBe(`pricing (line ${line + 1})`);
    expect(changed.slice(found[0]!.range!.start.offset, found[0]!.range!.end.offset)).toBe('27%');
    expect(NOMINA.slice(found[0]!.previousRange!.start.offset, found[0]!.previousRange!.end.offset)).toBe('26%');
  });

  it('sees the header, a removed fee, an added section and a doc comment', () => {
    expect(changes(NOMINA, NOMINA.replace('currency MXN', 'currency USD')).map(describeChange)).toEqual([
      `the product header (code, name, currency, kind, doc) (line ${lineOf(NOMINA, 'currency MXN') + 1})`,
    ]);
    const noFee = changes(NOMINA, NOMINA.replace(/\n {2}\/\/\/[^\n]*\n {2}fee apertura[^\n]*/, ''));
    expect(noFee.map((c) => [c.part, c.change])).toEqual([['fee apertura', 'removed']]);
    const extra = changes(NOMINA, NOMINA.replace('  eligibility {', '  fee extra 100 upfront\n\n  eligibility {'));
    expect(extra.map((c) => [c.part, c.change, c.range!.start.line])).toEqual([['fee extra', 'added', lineOf(NOMINA, '  eligibility {')]]);
    const doc = changes(NOMINA, NOMINA.replace('/// Capacidad de descuento', '/// Capacidad de pago'));
    expect(doc.map((c) => [c.part, c.range!.start.line])).toEqual([['let capacity', lineOf(NOMINA, '/// Capacidad de descuento')]]);
  });

  it('ignores whitespace, `//` comments, how a number is written and the order of sections; the formatter changes nothing', () => {
    expect(changes(NOMINA, NOMINA.replace('  pricing {', '  pricing { // revisar con finanzas'))).toEqual([]);
    expect(changes(NOMINA, NOMINA.replace(/\n {4}/g, '\n\t\t'))).toEqual([]);
    expect(changes(NOMINA, NOMINA.replace(/\n/g, '\r\n'))).toEqual([]);
    const offer = /\n {2}offer \{[\s\S]*?\n {2}\}/.exec(NOMINA)![0];
    const moved = NOMINA.replace(offer, '').replace(/\n\}\s*$/, `${offer}\n}\n`);
    expect(moved).not.toBe(NOMINA);
    expect(changes(NOMINA, moved)).toEqual([]);
    for (const file of readdirSync(examples).filter((f) => f.endsWith('.plazo'))) {
      const text = readFileSync(new URL(file, examples), 'utf8');
      const messy = text.replace(/\n +/g, '\n      ').replace(/\{\n/g, '{   \n\n');
      expect(changes(text, messy), file).toEqual([]);
      expect(changes(text, format(messy).text), file).toEqual([]);
    }
  });

  it('keeps the sections after an editable one in place while it is half typed', () => {
    const at = NOMINA.indexOf('scorecard {') + 'scorecard {'.length;
    for (const typing of ['\n    bin ', '\n    characteristic x { bin 1..2 -> ', '\n    "sin cerrar', '\n    band Z when score >= ']) {
      expect(changes(NOMINA, NOMINA.slice(0, at) + typing + NOMINA.slice(at)), typing).toEqual([]);
    }
  });

  it('sees spacing that changes what the parser reads: `< =` is not `<=`', () => {
    const text = NOMINA.replace('installment <= capacity', 'installment < = capacity');
    expect(text).not.toBe(NOMINA);
    expect(changes(NOMINA, text).map((c) => c.part)).toEqual(['offer']);
  });

  it('sees a rate row hidden after a `//` comment ended by a lone `\\r`, as the lexer ends it', () => {
    const row = 'A, 6..24: 26%';
    const hidden = NOMINA.replace(row, `// nota\r      A, 6..24: 5%\n      ${row}`);
    expect(compileText(hidden).ir!.pricing).not.toEqual(compileText(NOMINA).ir!.pricing);
    const found = changes(NOMINA, hidden);
    expect(found.map((c) => [c.part, c.change])).toEqual([['pricing', 'changed']]);
    expect(hidden.slice(found[0]!.range!.start.offset, found[0]!.range!.end.offset)).toContain('5%');
    // The line the 403 names is the lexer's: a lone `\r` ends one.
    expect(describeChange(found[0]!)).toMatch(new RegExp(`^pricing \\(lines? ${lineOf(NOMINA, row) + 2}\\b`));
  });

  it('finds every change of a number in a locked part (property)', () => {
    const literals: { part: string; start: number; end: number }[] = [];
    const visit = (node: unknown, part: string): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as { kind?: string; range?: { start: { offset: number }; end: { offset: number } } };
      if ((n.kind === 'NumberLiteral' || n.kind === 'PercentLiteral') && n.range) literals.push({ part, start: n.range.start.offset, end: n.range.end.offset });
      for (const v of Object.values(node)) visit(v, part);
    };
    for (const p of productParts(parse(NOMINA).file)) if (!ANALYST.includes(p.kind)) visit(p.node, p.key);
    expect(literals.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: literals.length - 1 }), fc.integer({ min: 1, max: 9 }), (i, add) => {
        const { part, start, end } = literals[i]!;
        const digits = [...NOMINA.slice(start, end)].flatMap((c, j) => (/\d/.test(c) ? [start + j] : []));
        const at = digits[digits.length - 1]!;
        const changed = NOMINA.slice(0, at) + String((Number(NOMINA[at]) + add) % 10) + NOMINA.slice(at + 1);
        const found = changes(NOMINA, changed);
        expect(found.map((c) => c.part)).toEqual([part]);
        expect(found[0]!.range!.start.offset).toBeLessThanOrEqual(at);
        expect(found[0]!.range!.end.offset).toBeGreaterThan(at);
      }),
    );
  });

  it('reports nothing for a role that may change every part', () => {
    expect(changes(NOMINA, 'product otro "Otro" { currency USD }', [...PART_KINDS])).toEqual([]);
  });
});

describe('lockedChanges against what the compiler sees (property)', () => {
  const LOCKED_IR = ['irVersion', 'code', 'name', 'currency', 'description', 'kind', 'inputs', 'derived', 'limits', 'pricing', 'fees', 'offer', 'penalties', 'collection', 'allocation', 'prepayment'] as const;
  /** The IR of the parts an analyst may not change, as the engine would run it; null when the text does not compile. */
  const lockedIr = (text: string): string | null => {
    const { ir } = compileText(text);
    return ir ? JSON.stringify(LOCKED_IR.map((k) => ir[k])) : null;
  };
  const reference = lockedIr(NOMINA)!;

  // Places in the locked parts to edit: the start of each of their lines, and the places where
  // a hidden line would compile — a rate-table row, the penalties, between top-level sections.
  const lockedParts = productParts(parse(NOMINA).file).filter((p) => !ANALYST.includes(p.kind));
  const lockedSpans = lockedParts.map((p) => ({ start: p.kind === 'product' ? 0 : p.range.start.offset, end: p.kind === 'product' ? NOMINA.indexOf('\n  input') : p.range.end.offset }));
  const linesIn = (start: number, end: number) => [...NOMINA.slice(start, end).matchAll(/\n/g)].map((m) => start + m.index + 1);
  const lineStarts = lockedSpans.flatMap(({ start, end }) => linesIn(start, end));
  const table = NOMINA.indexOf('rate by band, payments {');
  const rowStarts = linesIn(table, NOMINA.indexOf('}', table) - 5);
  const penalties = NOMINA.indexOf('  penalties {');
  const topStarts = lockedParts.filter((p) => p.kind !== 'product').map((p) => p.range.start.offset - p.range.start.column);

  const separator = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('\r', '\r\n') },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\u2028', '\u2029', '\u0085', '\u00a0', '\u3000', '\ufeff', '\t', ' ') },
  );
  const hideBehind = fc.oneof({ weight: 3, arbitrary: fc.constant('// nota') }, { weight: 2, arbitrary: fc.constantFrom('/// nota', '/* nota */', '', '"', '#') });
  const placed = fc.oneof(
    fc.record({ at: fc.constantFrom(...rowStarts), text: fc.constantFrom('A, 6..24: 5%', 'C, ..: 1%', 'B, 25..48: 2%') }),
    fc.record({ at: fc.constant(penalties + '  penalties {\n'.length), text: fc.constantFrom('late fee 150', 'late fee 5% of overdue') }),
    fc.record({ at: fc.constantFrom(...topStarts), text: fc.constantFrom('fee oculta 900 upfront', 'let extra = 1', 'prepayment not allowed') }),
    fc.record({
      at: fc.constantFrom(...lineStarts),
      text: fc.constantFrom('rate 1%', 'amount 1..9_000_000 step 1', 'moratorium 9x ordinary on overdue principal', 'max 1_000_000', 'currency USD', 'let capacity = 1'),
    }),
  );
  const edit = fc.oneof(
    // A line hidden (or not) behind a comment and an unusual line ending.
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), place: placed, hide: hideBehind, sep: separator, sep2: separator }) },
    // A digit changed somewhere in a locked line.
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('digit' as const), line: fc.constantFrom(...lineStarts), nth: fc.nat(20), to: fc.integer({ min: 0, max: 9 }) }) },
    // Two locked sections swapped.
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: fc.nat(lockedSpans.length - 2), b: fc.nat(lockedSpans.length - 2) }) },
  );
  type Span = (typeof lockedSpans)[number];
  type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
  const apply = (e: Edit): string => {
    if (e.kind === 'insert') return `${NOMINA.slice(0, e.place.at)}      ${e.hide}${e.sep}${e.place.text}${e.sep2}${NOMINA.slice(e.place.at)}`;
    if (e.kind === 'digit') {
      const lineEnd = NOMINA.indexOf('\n', e.line);
      const digits = [...NOMINA.slice(e.line, lineEnd)].flatMap((c, j) => (/\d/.test(c) ? [e.line + j] : []));
      if (digits.length === 0) return NOMINA;
      const at = digits[e.nth % digits.length]!;
      return NOMINA.slice(0, at) + String(e.to) + NOMINA.slice(at + 1);
    }
    const [x, y] = [lockedSpans[1 + e.a]!, lockedSpans[1 + e.b]!].sort((p, q) => p.start - q.start) as [Span, Span];
    if (x === y) return NOMINA;
    return NOMINA.slice(0, x.start) + NOMINA.slice(y.start, y.end) + NOMINA.slice(x.end, y.start) + NOMINA.slice(x.start, x.end) + NOMINA.slice(y.end);
  };

  it('refuses every edit outside eligibility, scorecard and tests that changes the compiled product', () => {
    let compiled = 0;
    let changedIr = 0;
    fc.assert(
      fc.property(edit, (e) => {
        const text = apply(e);
        const refused = changes(NOMINA, text).length > 0;
        const ir = lockedIr(text);
        // A text that does not compile has no IR and cannot be published until someone fixes it.
        if (ir !== null) compiled++;
        if (ir !== null && ir !== reference) {
          changedIr++;
          expect(refused, JSON.stringify(e)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    // The generator reaches both kinds of edit the property is about.
    expect(compiled).toBeGreaterThan(50);
    expect(changedIr).toBeGreaterThan(30);
  });
});

