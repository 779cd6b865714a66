import { describe, expect, it } from 'vitest';
import { parse } from '../parse.ts';
import type { FeeDecl, InputSection, LetDecl, PricingSection, ScorecardSection, TestDecl } from './nodes.ts';

/** Marks `<|...|>` in test text: returns the text without marks and the [start, end) offsets of each. */
function marked(source: string): { text: string; spans: [number, number][] } {
  const spans: [number, number][] = [];
  let text = '';
  const re = /<\||\|>/g;
  let last = 0;
  let open = -1;
  for (const m of source.matchAll(re)) {
    text += source.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '<|') open = text.length;
    else spans.push([open, text.length]);
  }
  return { text: text + source.slice(last), spans };
}

describe('AST builder', () => {
  it('gives every name and literal its own range (0-based line/column, offsets)', () => {
    const { text, spans } = marked('product p "P" {\n  input {\n    <|applicant.age|>: integer <|18..99|>\n  }\n  let <|cap|> = <|applicant.net_income * 30%|>\n}');
    const { file, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    const input = file.product!.sections[0] as InputSection;
    const field = input.fields[0]!;
    const let_ = file.product!.sections[1] as LetDecl;
    const got = [field.name.range, field.bounds!.range, let_.name.range, let_.value.range].map((r) => [r.start.offset, r.end.offset]);
    expect(got).toEqual(spans);
    expect(field.name.range.start).toEqual({ line: 2, column: 4, offset: spans[0]![0] });
  });

  it('normalizes numbers and percents exactly, keeping signs as written', () => {
    const { file } = parse('product p "P" {\n fee f 2.5% of amount min 1_500.50\n scorecard { characteristic x { ..-1 -> -40  0.. -> +50 } } }');
    const fee = file.product!.sections[0] as FeeDecl;
    expect(fee.amount).toMatchObject({ kind: 'PercentLiteral', value: '2.5', fraction: '0.025' });
    expect(fee.min?.value).toBe('1500.50');
    const bins = (file.product!.sections[1] as ScorecardSection).characteristics[0]!.bins;
    expect(bins.map((b) => b.points.value)).toEqual(['-40', '+50']);
    expect(bins[0]!.match).toMatchObject({ kind: 'range', value: { max: { value: '-1' } } });
  });

  it('attaches own-line `///` comments as docs, not trailing ones', () => {
    const text = [
      '/// Nómina',
      '/// segunda línea',
      'product p "P" {',
      '  let a = 1 /// trailing, not a doc',
      '  // a plain comment',
      '  /// Capacidad',
      '  let b = 2',
      '  let c = 3',
      '}',
    ].join('\n');
    const { file } = parse(text);
    expect(file.product!.doc).toBe('Nómina\nsegunda línea');
    const lets = file.product!.sections as LetDecl[];
    expect(lets.map((l) => l.doc)).toEqual([undefined, 'Capacidad', undefined]);
  });

  it('unescapes strings and reports an invalid escape', () => {
    const { file, diagnostics } = parse('product p "Cr\\"é\\\\dito" { doc "a\\qb" }');
    expect(file.product!.name!.value).toBe('Cr"é\\dito');
    expect(diagnostics.map((d) => [d.code, d.message, d.range.start.column])).toEqual([['invalid-escape', 'invalid escape `\\q` in a string', 32]]);
  });

  it('reports a setting written twice and keeps the first', () => {
    const { file, diagnostics } = parse('product p "P" {\n pricing { method french\n method german }\n}');
    expect(diagnostics.map((d) => [d.code, d.message, d.range.start.line])).toEqual([
      ['duplicate-setting', '`method` is set twice in `pricing`', 2],
    ]);
    expect((file.product!.sections[0] as PricingSection).method?.name).toBe('french');
  });

  it('builds rate tables, tests and penalties as in the README', () => {
    const { file, diagnostics } = parse(`product p "P" {
      pricing { rate by band, payments { A, 6..24: 36%  B, ..: 48% } iva 16% on interest, fees, penalties }
      penalties { late fee 150 grace 3 days iva  moratorium 90% annual on overdue installment no iva }
      test "t" { given a = -5, b = CDMX, c = 2025-01-06, d = 35% today 2025-02-01 expect approve band A
        expect on 2025-02-10 dpd 10 late fees 150 }
    }`);
    expect(diagnostics).toEqual([]);
    const [pricing, penalties, test] = file.product!.sections as [PricingSection, Extract<typeof file.product, object>['sections'][number], TestDecl];
    expect(pricing.rate).toMatchObject({ kind: 'RateTable', keys: [{ name: 'band' }, { name: 'payments' }] });
    expect(pricing.rate?.kind === 'RateTable' && pricing.rate.rows.map((r) => r.cells.length)).toEqual([2, 2]);
    expect(pricing.iva?.on.map((o) => o.name)).toEqual(['interest', 'fees', 'penalties']);
    expect(penalties).toMatchObject({
      lateFee: { amount: { value: '150' }, graceDays: { value: '3' }, taxable: true },
      moratorium: { rate: { kind: 'annual', rate: { fraction: '0.9' } }, on: 'overdue-installment', taxable: false },
    });
    expect(test.given.map((g) => g.value.kind)).toEqual(['NumberLiteral', 'Identifier', 'DateLiteral', 'PercentLiteral']);
    expect(test.today?.value).toBe('2025-02-01');
    expect(test.expects.map((e) => e.kind)).toEqual(['outcome', 'band', 'state']);
  });

  it('keeps what was parsed of a broken statement', () => {
    const { file, diagnostics } = parse('product p "P" {\n eligibility {\n  decline "X" when\n  refer "Y" when b\n }\n}');
    expect(diagnostics).toHaveLength(1);
    const section = file.product!.sections[0]!;
    expect(section.kind === 'EligibilitySection' && section.rules.map((r) => [r.reason.value, r.condition.kind])).toEqual([
      ['X', 'ErrorExpr'],
      ['Y', 'NameRef'],
    ]);
  });
});
