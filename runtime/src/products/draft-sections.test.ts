// The parts of a product text and the changes outside the editable ones, on the real examples
// parsed by the real dsl.
import { readFileSync, readdirSync } from 'node:fs';
import { format, parse } from '@plazo/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange, draftParts, lockedChanges, type PartKind } from './draft-sections.ts';

const examples = new URL('../../../examples/', import.meta.url);
const NOMINA = readFileSync(new URL('nomina.plazo', examples), 'utf8');
const ANALYST = new Set<PartKind>(['eligibility', 'scorecard', 'test']);

const parts = (text: string) => ({ text, parts: draftParts(text, parse(text)) });
const changes = (before: string, after: string, editable = ANALYST) => lockedChanges(parts(before), parts(after), editable);

describe('draftParts', () => {
  it('splits a product into its header and its top-level sections, keyed by kind and name', () => {
    const keys = draftParts(NOMINA, parse(NOMINA)).map((p) => p.key);
    expect(keys.slice(0, 15)).toEqual([
      'product',
      'input',
      'let age',
      'let capacity',
      'let dti',
      'limits',
      'pricing',
      'fee apertura',
      'eligibility',
      'scorecard',
      'offer',
      'penalties',
      'collection',
      'allocation',
      'prepayment',
    ]);
    expect(keys).toContain('test "sin historial de buró"');
  });

  it('gives a section the `///` lines right above it, and the header what no section holds', () => {
    const all = draftParts(NOMINA, parse(NOMINA));
    const capacity = all.find((p) => p.key === 'let capacity')!;
    expect(capacity.tokens[0]!.text).toMatch(/^\/\/\/ Capacidad de descuento/);
    const header = all.find((p) => p.key === 'product')!.tokens.map((t) => t.text);
    expect(header.slice(0, 5)).toEqual([expect.stringMatching(/^\/\/\/ Crédito de nómina/), 'product', 'nomina', '"Crédito de Nómina"', '{']);
    expect(header).toContain('MXN');
    expect(header.at(-1)).toBe('}');
    expect(header).not.toContain('pricing');
  });

  it('numbers repeated keys so that each part is compared with its namesake', () => {
    const text = 'product p "P" {\n  currency MXN\n  let a = 1\n  let a = 2\n}\n';
    expect(draftParts(text, parse(text)).map((p) => p.key)).toEqual(['product', 'let a', 'let a (2)']);
  });
});

describe('lockedChanges', () => {
  it('finds nothing when only editable sections change', () => {
    expect(changes(NOMINA, NOMINA.replace('+60', '+65'))).toEqual([]);
    expect(changes(NOMINA, NOMINA.replace('expect score 730', 'expect score 735'))).toEqual([]);
    const withRule = NOMINA.replace('eligibility {', 'eligibility {\n    decline "NUEVA" when payroll.net_pay < 1_000');
    expect(changes(NOMINA, withRule)).toEqual([]);
  });

  it('names a changed locked section and the line of the change, in both texts', () => {
    const found = changes(NOMINA, NOMINA.replace('A, 6..24: 26%', 'A, 6..24: 27%'));
    const line = NOMINA.split('\n').findIndex((l) => l.includes('A, 6..24: 26%'));
    expect(found).toEqual([
      {
        part: 'pricing',
        kind: 'pricing',
        change: 'changed',
        range: { start: { line, column: expect.any(Number), offset: expect.any(Number) }, end: { line, column: expect.any(Number), offset: expect.any(Number) } },
        previousRange: { start: expect.objectContaining({ line }), end: expect.objectContaining({ line }) },
      },
    ]);
    expect(describeChange(found[0]!)).toBe(`pricing (line ${line + 1})`);
    const r = found[0]!.range!;
    expect(NOMINA.replace('26%', '27%').slice(r.start.offset, r.end.offset)).toBe('27%');
  });

  it('sees the header, a removed fee, an added section and a doc comment', () => {
    expect(changes(NOMINA, NOMINA.replace('currency MXN', 'currency USD')).map(describeChange)).toEqual([
      `the product header (code, name, currency, kind, doc) (line ${NOMINA.split('\n').findIndex((l) => l.includes('currency MXN')) + 1})`,
    ]);
    const noFee = changes(NOMINA, NOMINA.replace(/\n {2}\/\/\/[^\n]*\n {2}fee apertura[^\n]*/, ''));
    expect(noFee.map((c) => [c.part, c.change])).toEqual([['fee apertura', 'removed']]);
    const extra = changes(NOMINA, NOMINA.replace('  eligibility {', '  fee extra 100 upfront\n\n  eligibility {'));
    expect(extra.map((c) => [c.part, c.change, c.range!.start.line])).toEqual([['fee extra', 'added', NOMINA.split('\n').findIndex((l) => l.startsWith('  eligibility {'))]]);
    expect(changes(NOMINA, NOMINA.replace('/// Capacidad de descuento', '/// Capacidad de pago')).map((c) => c.part)).toEqual(['let capacity']);
  });

  it('ignores whitespace, `//` comments and the order of sections; the formatter changes nothing', () => {
    expect(changes(NOMINA, NOMINA.replace('  pricing {', '  pricing { // revisar con finanzas'))).toEqual([]);
    expect(changes(NOMINA, NOMINA.replace(/\n {4}/g, '\n\t\t'))).toEqual([]);
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

  it('sees spacing that changes tokens: `< =` is not `<=`', () => {
    const text = NOMINA.replace('installment <= capacity', 'installment < = capacity');
    expect(text).not.toBe(NOMINA);
    expect(changes(NOMINA, text).map((c) => c.part)).toEqual(['offer']);
  });

  it('finds every one-character change of a locked token (property)', () => {
    const all = draftParts(NOMINA, parse(NOMINA));
    const locked = all.filter((p) => !ANALYST.has(p.kind)).flatMap((p) => p.tokens.filter((t) => /\d/.test(t.text)).map((t) => ({ part: p.key, token: t })));
    expect(locked.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: locked.length - 1 }), fc.integer({ min: 0, max: 9 }), (i, digit) => {
        const { part, token } = locked[i]!;
        const at = token.start + token.text.search(/\d/);
        if (NOMINA[at] === String(digit)) return;
        const changed = NOMINA.slice(0, at) + String(digit) + NOMINA.slice(at + 1);
        const found = changes(NOMINA, changed);
        expect(found.map((c) => c.part)).toEqual([part]);
        expect(found[0]!.range!.start.offset).toBeLessThanOrEqual(at);
        expect(found[0]!.range!.end.offset).toBeGreaterThan(at);
      }),
    );
  });

  it('reports nothing for a role that may change every part', () => {
    const everything = new Set<PartKind>(['product', 'input', 'let', 'limits', 'pricing', 'fee', 'eligibility', 'scorecard', 'offer', 'penalties', 'collection', 'allocation', 'prepayment', 'overpayment', 'test']);
    expect(changes(NOMINA, 'product otro "Otro" { currency USD }', everything)).toEqual([]);
  });
});
