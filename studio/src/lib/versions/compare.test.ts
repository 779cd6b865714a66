import { describe, expect, it } from 'vitest';
import { compiledExample, exampleText } from '../testing/examples.ts';
import { compareVersions } from './compare.ts';

describe('what changes between two versions', () => {
  const v1 = compiledExample('nomina');
  const v2 = compiledExample('nomina', exampleText('nomina').replace('A, 6..24: 26%', 'A, 6..24: 27%'));

  it('shows the preview loan before and after: a higher rate, a higher CAT and installment', () => {
    const c = compareVersions(v1, v2, { disbursementDate: '2025-03-03', band: 'A', payments: 24, amount: '60000' });
    expect(c.schedule.before?.annualRate).toBe('0.26');
    expect(c.schedule.after?.annualRate).toBe('0.27');
    expect(Number(c.schedule.after!.cat)).toBeGreaterThan(Number(c.schedule.before!.cat));
    expect(Number(c.schedule.after!.installment)).toBeGreaterThan(Number(c.schedule.before!.installment));
  });

  it('without a chosen loan, compares the first test applicant\'s request', () => {
    const c = compareVersions(v1, v2, { disbursementDate: '2025-03-03' });
    expect(c.schedule).toMatchObject({ amount: '60000', payments: 24 });
    expect(c.schedule.after?.annualRate).toBe('0.27');
  });

  it('runs the product\'s test applicants under both: the same version flips nobody', () => {
    const same = compareVersions(v1, v1, { disbursementDate: '2025-03-03' });
    expect(same.decisions.length).toBe(v1.tests.length);
    expect(same.changedDecisions).toBe(0);
  });

  it('a stricter cutoff flips applicants', () => {
    const strict = compiledExample('nomina', exampleText('nomina').replace(/employment\.months < 6/, 'employment.months < 60'));
    const c = compareVersions(v1, strict, { disbursementDate: '2025-03-03' });
    expect(c.changedDecisions).toBeGreaterThan(0);
    expect(c.decisions.find((d) => d.changed)?.after.outcome).not.toBe(c.decisions.find((d) => d.changed)?.before.outcome);
  });
});
