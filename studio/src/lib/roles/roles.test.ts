// The ranges a risk analyst may edit in the nómina example: sections from the real dsl parse,
// editable spans, the locked rest, the lines to shade and which cursors may type.
import { parse, sectionSpans } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import { exampleText } from '../testing/examples.ts';
import { editableSpans, lockedFingerprint, lockedLines, lockedSpans, selectionsEditable } from './editable-ranges.ts';

const NOMINA = exampleText('nomina');
const ANALYST = ['eligibility', 'scorecard', 'test'] as const;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const at = (needle: string, delta = 0) => NOMINA.indexOf(needle) + delta;

describe('sectionSpans', () => {
  it('lists the top-level sections with their `///` lines', () => {
    const spans = sectionSpans(parse(NOMINA).file);
    expect(spans.map((s) => s.kind).slice(0, 14)).toEqual(['input', 'let', 'let', 'let', 'limits', 'pricing', 'fee', 'eligibility', 'scorecard', 'offer', 'penalties', 'collection', 'reserves', 'allocation']);
    const fee = spans.find((s) => s.kind === 'fee')!;
    expect(NOMINA.slice(fee.start, fee.end)).toMatch(/^\/\/\/ Comisión por apertura[^\n]*\n {2}fee apertura .* iva$/);
    const pricing = spans.find((s) => s.kind === 'pricing')!;
    expect(NOMINA.slice(pricing.start, pricing.end)).toMatch(/^pricing \{[\s\S]*\n {2}\}$/);
  });
});

describe('editable and locked spans of a risk analyst', () => {
  const sections = sectionSpans(parse(NOMINA).file);
  const editable = editableSpans(NOMINA, sections, ANALYST);
  const locked = lockedSpans(NOMINA.length, editable);

  it('covers eligibility and scorecard (one span: they follow each other) and the tests', () => {
    expect(NOMINA.slice(editable[0]!.start, editable[0]!.start + 13)).toBe('eligibility {');
    expect(NOMINA.slice(editable[0]!.end, editable[0]!.end + 7)).toBe('offer {');
    const tests = editable.slice(1);
    expect(NOMINA.slice(tests[0]!.start).startsWith('/// Buró 735')).toBe(true);
    // Through the blank space after the last test, up to the product's closing brace.
    expect(NOMINA.slice(editable.at(-1)!.end)).toBe('}\n');
  });

  it('locks the rest, which together with the editable spans is the whole text', () => {
    const all = [...editable, ...locked].sort((a, b) => a.start - b.start);
    expect(all[0]!.start).toBe(0);
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBe(all[i - 1]!.end);
    expect(all.at(-1)!.end).toBe(NOMINA.length);
    expect(NOMINA.slice(locked[0]!.start, locked[0]!.end)).toContain('pricing {');
  });

  it('lets the cursor type inside the editable spans only', () => {
    const cursor = (offset: number) => [{ start: offset, end: offset }];
    expect(selectionsEditable(cursor(at('+60')), editable)).toBe(true);
    expect(selectionsEditable(cursor(at('payroll.net_pay < 4_000')), editable)).toBe(true);
    expect(selectionsEditable(cursor(at('expect score 730')), editable)).toBe(true);
    expect(selectionsEditable(cursor(at('A, 6..24: 26%')), editable)).toBe(false);
    expect(selectionsEditable(cursor(at('currency MXN')), editable)).toBe(false);
    // Not on the first character of a section (typing there would change what is before it).
    expect(selectionsEditable(cursor(at('eligibility {')), editable)).toBe(false);
    expect(selectionsEditable(cursor(at('eligibility {', 1)), editable)).toBe(true);
    // A selection from the scorecard into the offer is refused; one inside the scorecard is not.
    expect(selectionsEditable([{ start: at('+60'), end: at('installment <=') }], editable)).toBe(false);
    expect(selectionsEditable([{ start: at('+60'), end: at('+60', 3) }], editable)).toBe(true);
    // Every cursor must be allowed.
    expect(selectionsEditable([...cursor(at('+60')), ...cursor(at('26%'))], editable)).toBe(false);
  });

  it('shades the lines of the locked sections and not the editable ones', () => {
    const shaded = lockedLines(NOMINA, locked);
    const isShaded = (line: number) => shaded.some((r) => r.first <= line && line <= r.last);
    expect(isShaded(lineOf(NOMINA, 'A, 6..24: 26%'))).toBe(true);
    expect(isShaded(lineOf(NOMINA, 'currency MXN'))).toBe(true);
    expect(isShaded(lineOf(NOMINA, 'fee apertura'))).toBe(true);
    expect(isShaded(lineOf(NOMINA, 'payroll.net_pay < 4_000'))).toBe(false);
    expect(isShaded(lineOf(NOMINA, 'expect score 730'))).toBe(false);
    expect(isShaded(lineOf(NOMINA, 'scorecard {'))).toBe(false);
    // The blank line between pricing and the fee's doc is inside the lock.
    const pricingEnd = NOMINA.split('\n').findIndex((l, i) => i > lineOf(NOMINA, 'pricing {') && l === '  }') + 1;
    expect(isShaded(pricingEnd + 1)).toBe(true);
  });

  it('sees a change to locked text but not to whitespace or editable text', () => {
    const print = (text: string) => {
      const e = editableSpans(text, sectionSpans(parse(text).file), ANALYST);
      return lockedFingerprint(text, lockedSpans(text.length, e));
    };
    expect(print(NOMINA.replace('+60', '+65'))).toBe(print(NOMINA));
    expect(print(NOMINA.replace('  pricing {', '    pricing   {'))).toBe(print(NOMINA));
    expect(print(NOMINA.replace('26%', '29%'))).not.toBe(print(NOMINA));
  });

  it('locks everything for a role that may change nothing', () => {
    expect(editableSpans(NOMINA, sections, [])).toEqual([]);
    expect(lockedSpans(NOMINA.length, [])).toEqual([{ start: 0, end: NOMINA.length }]);
    expect(selectionsEditable([{ start: at('+60'), end: at('+60') }], [])).toBe(false);
  });
});
