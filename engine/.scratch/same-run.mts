import jsonLogic from 'json-logic-js';
import { benchRules } from '../bench/expressions.bench.ts';
import { compareRates } from '../bench/measure.ts';
import { compileExpression, validateApplication } from '../src/index.ts';
import { compileExpression as compileOld } from '/tmp/scratch/old/engine/src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
jsonLogic.add_operation('decimal', (s: string) => parseFloat(s));
jsonLogic.add_operation('today', () => '2025-01-06');
jsonLogic.add_operation('years_between', (a: string, b: string) => {
  const x = new Date(`${a}T00:00:00Z`); const y = new Date(`${b}T00:00:00Z`);
  const md = (t: Date) => t.getUTCMonth() * 100 + t.getUTCDate();
  return y.getUTCFullYear() - x.getUTCFullYear() - (md(y) < md(x) ? 1 : 0);
});
const raw = { applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' }, employment: { months: 30, employer_in_agreement: true, type: 'formal' }, bureau: { score: 710, monthly_debt: 2400 }, request: { amount: 20000, payments: 24 } };
const scope = { ...raw, capacity: 3600, dti: 0.1 };
const validated = { ...validateApplication(payrollProduct, goodApplicant).values, capacity: 3600, dti: 0.1 };
const nw = benchRules.map((r) => compileExpression(r));
const old = benchRules.map((r) => compileOld(r));
const r = compareRates({
  oldRaw: () => { for (const f of old) f(scope, '2025-01-06'); },
  newRaw: () => { for (const f of nw) f(scope, '2025-01-06'); },
  oldVal: () => { for (const f of old) f(validated, '2025-01-06'); },
  newVal: () => { for (const f of nw) f(validated, '2025-01-06'); },
  theirs: () => { for (const x of benchRules) jsonLogic.apply(x as any, scope); },
}, 6, 400);
for (const [k, v] of Object.entries(r)) console.log(k.padEnd(8), Math.round(v.wall * 12).toLocaleString().padStart(12), Math.round(v.cpu * 12).toLocaleString().padStart(12), (v.wall / r.theirs.wall).toFixed(1) + '×', (v.cpu / r.theirs.cpu).toFixed(1) + '×');
