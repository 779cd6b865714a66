// `plazo backtest` in-process through runCli on the German credit data (../shared/datasets): the
// report's figures (checked against examples/tools/german-credit-woe.ts's table), --against with the
// flip matrix, --json, unmappable rows, bad usage or input, and the automatic map without --map
// (columns named like the input paths, ignoring case).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = '../shared/datasets/german-credit/applications.csv';
const MAP = 'examples/german_credit.map.json';

function capture(cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('plazo backtest', () => {
  it('prints the German credit report: the WoE tool’s figures (46% approved incl. refers, cost 474, KS 47.9%, Gini 62.6%)', async () => {
    const c = capture();
    expect(await runCli(['backtest', 'examples/german_credit.plazo', '--data', DATA, '--map', MAP], c.io)).toBe(0);
    const out = c.out();
    expect(out).toContain('rows 1000   decided 1000   unmappable 0   goods 700   bads 300 (30.0%)');
    // 447 approved + 13 referred (co-applicants) = the 460 at score ≥ 620 of the WoE table.
    expect(out).toMatch(/^approve\s+447\s+44\.7%\s+37\s+8\.3%$/m);
    expect(out).toMatch(/^refer\s+13\s+1\.3%\s+2\s+15\.4%$/m);
    expect(out).toContain('KS 47.9% (at score 596)   AUC 0.813   Gini 62.6%');
    expect(out).toContain(': 474 = 0.4740 per application');
    expect(out).toMatch(/^A\s+168\s+163\s+5\s+0\s+6\s+3\.6%$/m);
    expect(out).toMatch(/^C\s+155\s+149\s+6\s+0\s+21\s+13\.5%$/m);
    expect(out).toMatch(/^SCORE_BAJO\s+540\s+54\.0%$/m);
  });

  it('--against prints the flip matrix between two versions (cutoff 620 → 630: 59 decisions change)', async () => {
    const c = capture();
    expect(await runCli(['backtest', 'examples/german_credit.plazo', '--data', DATA, '--map', MAP, '--against', 'examples/variants/german_credit_cutoff_630.plazo', '--json'], c.io)).toBe(0);
    const doc = JSON.parse(c.out());
    expect(doc.comparison.matched).toBe(1000);
    // Scores 620..629 (59 rows in the WoE table, 8 bad) leave band C: 58 approved and 1 referred become declined.
    expect(doc.comparison.changed).toBe(59);
    expect(doc.comparison.matrix.approve.decline.count + doc.comparison.matrix.refer.decline.count).toBe(59);
    expect(doc.comparison.matrix.approve.decline.bads + doc.comparison.matrix.refer.decline.bads).toBe(8);
    expect(doc.comparison.matrix.decline.approve.count).toBe(0);
    expect(doc.against.report.cost.total).toBe('485');
    expect(doc.report.decisions).toBeUndefined();
  });

  it('counts and lists rows it cannot read, and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-bt-'));
    const lines = readFileSync(join(root, DATA), 'utf8').split('\n').slice(0, 4);
    lines[2] = lines[2]!.replace(/^A12,48,/, 'A12,cuarenta,');
    writeFileSync(join(dir, 'few.csv'), lines.join('\n') + '\n');
    const c = capture();
    expect(await runCli(['backtest', 'examples/german_credit.plazo', '--data', join(dir, 'few.csv'), '--map', MAP], c.io)).toBe(0);
    expect(c.out()).toContain('rows 3   decided 2   unmappable 1');
    expect(c.out()).toContain('  row 2 (line 3): request.payments: column `duration_months`: "cuarenta" is not a number');
  });

  it('exits 2 naming the map file for an invalid map, and on bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-bt-'));
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ fields: { 'applicant.age': 'edad' }, outcome: { column: 'outcome', bad: ['bad'], good: ['good'] } }));
    const c = capture();
    expect(await runCli(['backtest', 'examples/german_credit.plazo', '--data', DATA, '--map', join(dir, 'map.json')], c.io)).toBe(2);
    expect(c.err()).toContain('map.json: fields.applicant.age: no column "edad" in the data');
    const noData = capture();
    expect(await runCli(['backtest', 'examples/german_credit.plazo'], noData.io)).toBe(2);
    expect(noData.err()).toContain('missing --data CSV');
    const badCost = capture();
    expect(await runCli(['backtest', 'examples/german_credit.plazo', '--data', DATA, '--cost', '5-1'], badCost.io)).toBe(2);
    expect(badCost.err()).toContain('--cost must be BAD_APPROVED:GOOD_DECLINED');
  });

  describe('without --map (columns named like the input paths, ignoring case)', () => {
    const HEADER = [
      'Applicant.Birth_Date', 'PAYROLL.NET_PAY', 'payroll.existing_deductions', 'employment.months', 'employment.contract',
      'employment.employer_in_agreement', 'bureau.score', 'bureau.monthly_payments', 'request.amount', 'request.payments', 'Outcome', 'sucursal',
    ];
    const ROWS = ['1985-05-10,18000,0,48,planta,true,720,3000,60000,24,good,Centro', '1990-01-20,9000,500,6,temporal,true,,0,20000,12,bad,Norte'];
    const write = (header: readonly string[], rows: readonly string[]) => {
      const dir = mkdtempSync(join(tmpdir(), 'plazo-bt-'));
      writeFileSync(join(dir, 'apps.csv'), [header.join(','), ...rows].join('\n') + '\n');
      return join(dir, 'apps.csv');
    };

    it('reads every column whose name is an input path, notes the column that matches nothing', async () => {
      const c = capture();
      expect(await runCli(['backtest', 'examples/nomina.plazo', '--data', write(HEADER, ROWS), '--json'], c.io)).toBe(0);
      const doc = JSON.parse(c.out());
      expect(doc.report.rows).toBe(2);
      expect(doc.report.decided).toBe(2);
      expect(doc.report.unmappable.count).toBe(0);
      expect(doc.report.bads).toBe(1);
      expect(c.err()).toContain('column `sucursal` is no input of the product (nor `outcome`): ignored');
      // The optional input without a column (bureau.worst_dpd_12m) is simply absent; no other note.
      expect(c.err().match(/^note:/gm)).toHaveLength(1);
    });

    it('exits 2 naming a required input no column matches', async () => {
      const c = capture();
      const header = HEADER.map((h) => (h === 'employment.months' ? 'antiguedad' : h));
      expect(await runCli(['backtest', 'examples/nomina.plazo', '--data', write(header, ROWS)], c.io)).toBe(2);
      expect(c.err()).toContain('apps.csv: employment.months: required input: no column named `employment.months` in the data');
      expect(c.out()).toBe('');
    });
  });
});
