import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keywords, parse } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import { completionsAt } from './completion.ts';
import { symbolIndex } from './symbols.ts';

const nomina = readFileSync(join(import.meta.dirname, '../../../../examples/nomina.plazo'), 'utf8');
const index = symbolIndex(parse(nomina).file);

/** `<|>` marks the cursor: the line's text before it is the prefix. */
function at(lineWithCursor: string) {
  const prefix = lineWithCursor.slice(0, lineWithCursor.indexOf('<|>'));
  return completionsAt(index, prefix, 'es');
}

describe('completion from the parsed product', () => {
  it('offers the input fields with their type and `///` doc', () => {
    const result = at('    decline "X" when payroll.ne<|>');
    const field = result.entries.find((e) => e.label === 'payroll.net_pay');
    expect(field).toMatchObject({ kind: 'field', detail: 'money 1..1000000', insertText: 'payroll.net_pay' });
    expect(field?.documentation).toContain('Sueldo neto por quincena');
    expect(result.wordStart).toBe('    decline "X" when '.length);
  });

  it('offers derived values, bands, enum values and every keyword with its doc', () => {
    const { entries } = at('  let x = <|>');
    expect(entries.find((e) => e.label === 'capacity')).toMatchObject({ kind: 'value', documentation: expect.stringContaining('Capacidad de descuento') });
    expect(entries.find((e) => e.label === 'A')).toMatchObject({ kind: 'band', detail: 'score >= 680' });
    expect(entries.find((e) => e.label === 'planta')).toMatchObject({ kind: 'enum-value', detail: 'employment.contract' });
    const offered = entries.filter((e) => e.kind === 'keyword').map((e) => e.label);
    expect(offered).toEqual([...keywords]);
    expect(entries.find((e) => e.label === 'amortization')).toBeUndefined();
    expect(entries.find((e) => e.label === 'pricing')?.documentation).toContain('intereses');
    // The product's names sort before keywords.
    const sorted = [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(sorted[0]?.kind).not.toBe('keyword');
    expect(sorted[sorted.length - 1]?.kind).toBe('keyword');
  });

  it('offers only the values of an enum field after `in {` or `=`', () => {
    const inSet = at('    refer "X" when employment.contract in { temporal, <|>');
    expect(inSet.entries.map((e) => e.label)).toEqual(['planta', 'confianza', 'temporal']);
    const equals = at('    given employment.contract = pl<|>');
    expect(equals.entries.map((e) => e.label)).toEqual(['planta', 'confianza', 'temporal']);
    expect(equals.wordStart).toBe('    given employment.contract = '.length);
    // Monaco orders by sortText: the field's own order, not the alphabet.
    const bySort = [...equals.entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((e) => e.label);
    expect(bySort).toEqual(['planta', 'confianza', 'temporal']);
  });

  it('offers nothing inside comments and strings', () => {
    expect(at('  // payroll.<|>').entries).toEqual([]);
    expect(at('    decline "payroll.<|>').entries).toEqual([]);
    expect(at('    decline "X" when a message "fin" and pay<|>').entries.length).toBeGreaterThan(0);
  });

  it('reads a partial product after a syntax error', () => {
    const broken = symbolIndex(parse('product p "P" {\n  input {\n    applicant.age: integer 18..99\n    applicant.\n').file);
    expect(completionsAt(broken, '    applicant.', 'en').entries.some((e) => e.label === 'applicant.age')).toBe(true);
  });

  it('gives English docs in the English interface', () => {
    expect(completionsAt(index, 'pri', 'en').entries.find((e) => e.label === 'pricing')?.documentation).toContain('interest');
  });
});
