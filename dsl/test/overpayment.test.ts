// `overpayment tolerance N` on real text: parsed, checked (money: not negative, at the product's
// scale, below the smallest loan, once), formatted in its canonical place and compiled to the IR's
// `overpaymentTolerance` — only when written, so the hash of a product without it does not move.
import { describe, expect, it } from 'vitest';
import { compileText } from '../src/compile/compile.ts';
import { format } from '../src/format/format.ts';
import { parse } from '../src/parse.ts';
import { PRODUCT, diagnose, found, mutate, positionOf } from './check-helpers.ts';

const WITH = mutate('  prepayment reduce term\n', '  prepayment reduce term\n  overpayment tolerance 5.00\n');

describe('overpayment tolerance', () => {
  it('parses into its own statement', () => {
    const { file, diagnostics } = parse(WITH);
    expect(diagnostics).toEqual([]);
    const decl = file.product!.sections.find((s) => s.kind === 'OverpaymentDecl');
    expect(decl).toMatchObject({ kind: 'OverpaymentDecl', tolerance: { kind: 'NumberLiteral', value: '5.00' } });
  });

  it('compiles to overpaymentTolerance, normalized; absent when not written (same hash as before)', () => {
    const without = compileText(PRODUCT).ir!;
    expect(without).not.toHaveProperty('overpaymentTolerance');
    const ir = compileText(WITH).ir!;
    expect(ir.overpaymentTolerance).toBe('5');
    expect(ir.hash).not.toBe(without.hash);
    const { hash: _a, overpaymentTolerance: _b, ...rest } = ir;
    const { hash: _c, ...restWithout } = without;
    expect(rest).toEqual(restWithout);
    expect(compileText(mutate('5.00', '+0_5', WITH)).ir!.overpaymentTolerance).toBe('5');
    expect(compileText(mutate('5.00', '0', WITH)).ir!.overpaymentTolerance).toBe('0');
  });

  it('is formatted after prepayment, before the tests, and the formatting is stable', () => {
    const moved = mutate('  overpayment tolerance 5.00\n', '', WITH).replace('  prepayment reduce term', '  overpayment   tolerance 5.00\n  prepayment reduce term');
    const { text } = format(moved);
    expect(text).toContain('  prepayment reduce term\n  overpayment tolerance 5.00\n');
    expect(format(text).text).toBe(text);
    expect(compileText(text).ir!.hash).toBe(compileText(WITH).ir!.hash);
  });

  it('reports a negative tolerance, too many decimals, one not below the smallest loan, and a second line', () => {
    const negative = mutate('5.00', '-5', WITH);
    expect(found(diagnose(negative), 'invalid-number')).toEqual([`${positionOf(negative, '-5')} invalid-number the overpayment tolerance -5 is negative`]);
    const fine = mutate('5.00', '5.005', WITH);
    expect(found(diagnose(fine), 'invalid-number')).toEqual([`${positionOf(fine, '5.005')} invalid-number the overpayment tolerance 5.005 has more decimal places than the product rounds money to (2)`]);
    const large = mutate('5.00', '5_000', WITH);
    expect(found(diagnose(large), 'overpayment-too-large')).toEqual([`${positionOf(large, '5_000\n')} overpayment-too-large the overpayment tolerance 5000 is not below the smallest loan (5000)`]);
    expect(compileText(large).ir).toBeUndefined();
    const twice = mutate('  overpayment tolerance 5.00\n', '  overpayment tolerance 5.00\n  overpayment tolerance 1\n', WITH);
    expect(found(diagnose(twice), 'duplicate-section')).toEqual([`${positionOf(twice, 'overpayment tolerance 1')} duplicate-section \`overpayment\` appears twice`]);
  });

  it('reports a missing amount where it is missing, and the rest of the file is still read', () => {
    const missing = mutate('overpayment tolerance 5.00', 'overpayment tolerance', WITH);
    const { file, diagnostics } = parse(missing);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.range.start.line + 1).toBe(Number(positionOf(missing, '  test "empleado').split(':')[0]));
    expect(file.product!.sections.filter((s) => s.kind === 'TestDecl').length).toBeGreaterThan(0);
  });

  it('keeps `tolerance` usable as a name', () => {
    const text = mutate('let capacity = applicant.net_income * 30% / 2', 'let tolerance = applicant.net_income * 30% / 2\n  let capacity = tolerance');
    expect(found(diagnose(text))).toEqual([]);
  });
});
