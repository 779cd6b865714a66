import { describe, expect, it } from 'vitest';
import { agingBars, barLayout, cashFlowWeeks, linePoints, niceMax, overallRisk, percent, queueTotals, stageTotals, sumMoney, vintageCurves } from './series.ts';

describe('portfolio series', () => {
  it('adds money exactly', () => {
    expect(sumMoney(['0.10', '0.20', '1000000.5', null])).toBe('1000000.80');
    expect(sumMoney([])).toBe('0.00');
    expect(sumMoney(['-1.25', '1'])).toBe('-0.25');
  });

  it('totals the summary by stage, al corriente first', () => {
    const rows = [
      { product: 'nomina', stage: 'al corriente', loans: 2, principal_outstanding: '100.10', total_outstanding: '120.00' },
      { product: 'grupal', stage: 'temprana', loans: 1, principal_outstanding: '50', total_outstanding: '55.5' },
      { product: 'grupal', stage: 'al corriente', loans: 3, principal_outstanding: '0.90', total_outstanding: '1' },
    ];
    expect(stageTotals({ rows })).toEqual([
      { stage: 'al corriente', loans: 5, principal: '101.00', total: '121.00' },
      { stage: 'temprana', loans: 1, principal: '50.00', total: '55.50' },
    ]);
  });

  it('reads the overall risk row, null for an empty portfolio', () => {
    const rows = [
      { product: 'nomina', loans: 2, principal_outstanding: '10', par30: '0.5', par60: '0', par90: '0', cartera_vencida: '0', indice_morosidad: '0' },
      { product: '*', loans: 3, principal_outstanding: '20', par30: '0.250000', par60: '0.100000', par90: '0.05', cartera_vencida: '1.00', indice_morosidad: '0.050000' },
    ];
    expect(overallRisk({ rows })).toEqual({ loans: 3, principal: '20', par30: 0.25, par60: 0.1, par90: 0.05, morosidad: 0.05, carteraVencida: '1.00' });
    expect(overallRisk({ rows: [] })).toBeNull();
    expect(percent(0.123456)).toBe('12.35%');
  });

  it('fills the five aging buckets in order', () => {
    const bars = agingBars({ rows: [{ bucket: '31-60', loans: 1, principal_outstanding: '500.00' }, { bucket: 'current', loans: 4, principal_outstanding: '2000.00' }] });
    expect(bars.map((b) => [b.key, b.loans, b.principal, b.value])).toEqual([
      ['current', 4, '2000.00', 2000],
      ['1-30', 0, '0.00', 0],
      ['31-60', 1, '500.00', 500],
      ['61-90', 0, '0.00', 0],
      ['91+', 0, '0.00', 0],
    ]);
  });

  it('weights vintages by principal across products, one line per measure', () => {
    const { months, series } = vintageCurves({
      rows: [
        { vintage: '2025-02', product: 'a', loans: 1, principal: '100', ever_30: '0', ever_60: '0', ever_90: '0', now_30: '0' },
        { vintage: '2025-01', product: 'a', loans: 1, principal: '300', ever_30: '1', ever_60: '0', ever_90: '0', now_30: '1' },
        { vintage: '2025-01', product: 'b', loans: 2, principal: '100', ever_30: '0', ever_60: '0', ever_90: '0', now_30: '0' },
      ],
    });
    expect(months.map((m) => [m.vintage, m.loans, m.ever30])).toEqual([['2025-01', 3, 0.75], ['2025-02', 1, 0]]);
    expect(series.map((s) => s.key)).toEqual(['ever30', 'ever60', 'ever90', 'now30']);
    expect(series[0]!.points).toEqual([{ x: '2025-01', y: 0.75 }, { x: '2025-02', y: 0 }]);
  });

  it('orders cash flow by week', () => {
    const weeks = cashFlowWeeks({ rows: [{ week: '2025-W03', week_start: '2025-01-13', installments: 2, expected: '10.50' }, { week: '2025-W02', week_start: '2025-01-06', installments: 1, expected: '3' }] });
    expect(weeks.map((w) => [w.week, w.value])).toEqual([['2025-W02', 3], ['2025-W03', 10.5]]);
  });

  it('puts the overdue line of the cash flow first, marked as such', () => {
    const weeks = cashFlowWeeks({
      rows: [
        { week: '2025-W02', week_start: '2025-01-06', installments: 1, expected: '3' },
        { week: 'overdue', week_start: '2025-01-06', installments: 4, expected: '40.00' },
      ],
    });
    expect(weeks.map((w) => [w.week, w.overdue])).toEqual([['overdue', true], ['2025-W02', false]]);
  });

  it('totals queues across stages', () => {
    const q = (queue: string, stage: string, loans: number, overdue: string, max_dpd: number) => ({ queue, stage, loans, overdue, outstanding: '100.00', avg_dpd: '1', max_dpd, assigned: 0 });
    expect(queueTotals([q('temprana', 'a', 1, '1.10', 5), q('tardia', 'b', 3, '9', 60), q('temprana', 'c', 1, '0.90', 20)])).toEqual([
      { queue: 'tardia', stages: ['b'], loans: 3, overdue: '9.00', outstanding: '100.00', maxDpd: 60, assigned: 0, writtenOff: 0, writeOffStages: [] },
      { queue: 'temprana', stages: ['a', 'c'], loans: 2, overdue: '2.00', outstanding: '200.00', maxDpd: 20, assigned: 0, writtenOff: 0, writeOffStages: [] },
    ]);
  });

  it('keeps castigo visible: written-off loans and stages without a queue, the latter last', () => {
    const rows = [
      { queue: null, stage: 'castigo', loans: 7, written_off: 2, overdue: '1', outstanding: '1', avg_dpd: '120', max_dpd: 150, assigned: 0, write_off_stage: true },
      { queue: 'juridico', stage: 'judicial', loans: 2, written_off: 1, overdue: '1', outstanding: '1', avg_dpd: '95', max_dpd: 99, assigned: 1, write_off_stage: true },
    ];
    expect(queueTotals(rows).map((q) => [q.queue, q.loans, q.writtenOff, q.writeOffStages])).toEqual([
      ['juridico', 2, 1, ['judicial']],
      [null, 7, 2, ['castigo']],
    ]);
  });

  it('lays out bars and lines', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(730)).toBe(1000);
    expect(niceMax(0.12)).toBeCloseTo(0.2);
    expect(niceMax(2400)).toBe(2500);
    const bars = barLayout([50, 100], 200, 100, 100, 0.5);
    expect(bars).toEqual([{ x: 25, y: 50, width: 50, height: 50 }, { x: 125, y: 0, width: 50, height: 100 }]);
    expect(linePoints([0, 0.5, 1], 100, 50, 1)).toBe('0,50 50,25 100,0');
    expect(linePoints([0.5], 100, 50, 1)).toBe('50,25');
  });
});
