import jsonLogic from 'json-logic-js';
import { compileExpression } from '../src/index.ts';
import { benchRules } from './expressions.bench.ts';
import { compare } from './measure.ts';
jsonLogic.add_operation('decimal', (s: string) => parseFloat(s));
jsonLogic.add_operation('today', () => '2025-01-06');
jsonLogic.add_operation('years_between', (a: string, b: string) => { const x = new Date(`${a}T00:00:00Z`); const y = new Date(`${b}T00:00:00Z`); return y.getUTCFullYear() - x.getUTCFullYear(); });
const scope = { applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' }, employment: { months: 30, employer_in_agreement: true, type: 'formal' }, bureau: { score: 710, monthly_debt: 2400 }, request: { amount: 20000, payments: 24 }, capacity: 3600, dti: 0.1 };
for (const rule of benchRules) {
  const f = compileExpression(rule);
  const r = compare({ ours: () => f(scope, '2025-01-06'), theirs: () => jsonLogic.apply(rule as any, scope) }, 2, 200);
  console.log((r.ours/1e6).toFixed(1), 'M/s', (r.theirs/1e6).toFixed(2), 'M/s', (r.ours / r.theirs).toFixed(1) + 'x', JSON.stringify(rule).slice(0, 90));
}
