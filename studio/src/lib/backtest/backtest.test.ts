import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { formFields } from '../simulator/form.ts';
import { compiledExample, exampleText } from '../testing/examples.ts';
import { runBacktest } from '../worker/requests.ts';
import { columnValues, initialMapping, toDataMap } from './mapping.ts';

const csv = readFileSync(join(import.meta.dirname, '../../../../../shared/datasets/german-credit/applications.csv'), 'utf8');
const preset = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples/german_credit.map.json'), 'utf8')) as unknown;
const ir = compiledExample('german_credit');
const fields = formFields(ir);
const table = parseCsv(csv);

describe('backtest column mapping', () => {
  it('is pre-filled from the product\'s map file, constants included', () => {
    const m = initialMapping(fields, table.header, preset);
    expect(m.fields['account.checking_status']).toEqual({ kind: 'column', column: 'checking_status' });
    expect(m.fields['request.payments']).toEqual({ kind: 'column', column: 'duration_months' });
    expect(m.fields['request.frequency']).toEqual({ kind: 'constant', value: 'monthly' });
    expect(m.outcome).toEqual({ column: 'outcome', bad: ['bad'], good: ['good'] });
  });

  it('matches columns by field name without a map file', () => {
    const m = initialMapping(fields, table.header);
    expect(m.fields['applicant.age']).toEqual({ kind: 'column', column: 'age' });
    expect(m.fields['request.payments']).toEqual({ kind: 'none' });
    expect(m.outcome.column).toBe('outcome');
  });

  it('lists a column\'s values, most frequent first', () => {
    expect(columnValues(table.header, table.records, 'outcome')).toEqual(['good', 'bad']);
  });
});

describe('backtest in the worker', () => {
  it('gives approval and bad rates per band, KS/Gini, progress, and the flip matrix against another version', () => {
    const map = toDataMap(fields, initialMapping(fields, table.header, preset));
    const stricter = exampleText('german_credit').replace('band C when score >= 620', 'band C when score >= 635');
    const progress: number[] = [];
    const result = runBacktest({ text: stricter }, csv, map, { ir }, (p) => progress.push(p.done));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.report.decided).toBe(1000);
    expect(result.report.bands.length).toBeGreaterThan(0);
    expect(result.report.separation?.gini).toBeGreaterThan(0.3);
    expect(progress.at(-1)).toBe(1000);
    expect(result.comparison?.matched).toBe(1000);
    expect(result.comparison?.changed).toBeGreaterThan(0);
    expect(result.comparison?.matrix.approve.decline.count).toBeGreaterThan(0);
  });

  it('reports an unusable map as issues, not a crash', () => {
    const result = runBacktest({ ir }, csv, { fields: { 'applicant.age': 'no_such_column' }, outcome: { column: 'outcome', bad: ['bad'], good: ['good'] } }, undefined, () => {});
    expect(result.ok).toBe(false);
  });
});
