import { compileText, parse, type Diagnostic } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import { fromMonacoPosition, toMarker, toMonacoRange } from './markers.ts';

const at = (line: number, column: number, offset = 0) => ({ line, column, offset });

describe('dsl diagnostics as Monaco markers', () => {
  it('moves 0-based lines and columns to 1-based', () => {
    const d: Diagnostic = { severity: 'error', code: 'unknown-name', message: 'unknown name `x`', range: { start: at(0, 0), end: at(0, 3) } };
    expect(toMarker(d, 'en')).toEqual({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 4, severity: 8, code: 'unknown-name', source: 'plazo', message: 'unknown name `x`' });
  });

  it('maps severities to Monaco values and appends the help', () => {
    const range = { start: at(4, 2), end: at(5, 0) };
    expect(toMarker({ severity: 'warning', code: 'w', message: 'm', range }, 'es').severity).toBe(4);
    expect(toMarker({ severity: 'info', code: 'i', message: 'm', range }, 'es').severity).toBe(2);
    expect(toMarker({ severity: 'error', code: 'e', message: 'm', help: 'do this', range }, 'es').message).toBe('m\ndo this');
    expect(toMonacoRange(range)).toEqual({ startLineNumber: 5, startColumn: 3, endLineNumber: 6, endColumn: 1 });
  });

  it('widens an empty range to one character so the squiggle shows', () => {
    expect(toMonacoRange({ start: at(9, 4), end: at(9, 4) })).toEqual({ startLineNumber: 10, startColumn: 5, endLineNumber: 10, endColumn: 6 });
  });

  it('puts a real parser error on the line and column Monaco shows', () => {
    const text = 'product p "P" {\n  currency MXN\n  limits { amount 1..2 ) }\n}\n';
    const { diagnostics } = parse(text);
    const first = diagnostics[0];
    expect(first).toBeDefined();
    const marker = toMarker(first!, 'en');
    expect(marker.startLineNumber).toBe(3);
    expect(text.split('\n')[2]?.slice(marker.startColumn - 1, marker.endColumn - 1)).toBe(')');
  });

  it('writes a checker diagnostic in Spanish or English, with its help, at the same place and code', () => {
    const text = 'product p "P" {\n  currency MXN\n  eligibility { decline "X" when applicant.ages > 1 }\n}\n';
    const { diagnostics } = compileText(text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-name')!;
    const es = toMarker(unknown, 'es');
    const en = toMarker(unknown, 'en');
    expect(es.message).toBe('nombre desconocido `applicant.ages`\ndecláralo como campo en `input { ... }` o con `let`');
    expect(en.message).toBe('unknown name `applicant.ages`\ndeclare it as an input field in `input { ... }` or with `let`');
    expect({ ...es, message: '' }).toEqual({ ...en, message: '' });
  });

  it('writes a syntax error in Spanish', () => {
    const { diagnostics } = parse('product p "P" {\n  currency MXN\n  limits { amount 1..2 ) }\n}\n');
    expect(toMarker(diagnostics[0]!, 'es').message).toMatch(/^se esperaba .*, se encontró `\)`/);
  });

  it('converts a Monaco position back to 0-based', () => {
    expect(fromMonacoPosition({ lineNumber: 1, column: 1 })).toEqual({ line: 0, column: 0 });
  });
});
