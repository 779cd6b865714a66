import jsonLogic from 'json-logic-js';
import { benchRules } from '../bench/expressions.bench.ts';
import { compileExpression, validateApplication } from '../src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
jsonLogic.add_operation('decimal', (s: string) => parseFloat(s));
jsonLogic.add_operation('today', () => '2025-01-06');
jsonLogic.add_operation('years_between', (a: string, b: string) => 0);
const raw = {
  applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' },
  employment: { months: 30, employer_in_agreement: true, type: 'formal' },
  bureau: { score: 710, monthly_debt: 2400 },
  request: { amount: 20000, payments: 24 },
};
const scope = { ...raw, capacity: 3600, dti: 0.1 };
const validated = { ...validateApplication(payrollProduct, goodApplicant).values, capacity: 3600, dti: 0.1 };
const compiled = benchRules.map((r) => compileExpression(r));
function ns(f: () => void, n = 2_000_000) { for (let i = 0; i < 200000; i++) f(); const t = process.hrtime.bigint(); for (let i = 0; i < n; i++) f(); return Number(process.hrtime.bigint() - t) / n; }
let sink: unknown;
compiled.forEach((f, i) => {
  const a = ns(() => { sink = f(scope, '2025-01-06'); });
  const b = ns(() => { sink = f(validated, '2025-01-06'); });
  const r = benchRules[i] as any;
  const c = ns(() => { sink = jsonLogic.apply(r, scope); }, 300000);
  console.log(i, a.toFixed(1), b.toFixed(1), c.toFixed(0), JSON.stringify(r).slice(0, 80));
});
