import { benchRules } from '../bench/expressions.bench.ts';
import { compileExpression, validateApplication } from '../src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
const raw = {
  applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' },
  employment: { months: 30, employer_in_agreement: true, type: 'formal' },
  bureau: { score: 710, monthly_debt: 2400 },
  request: { amount: 20000, payments: 24 },
};
const scope = { ...raw, capacity: 3600, dti: 0.1 };
const validated = { ...validateApplication(payrollProduct, goodApplicant).values, capacity: 3600, dti: 0.1 };
const compiled = benchRules.map((r) => compileExpression(r));
const which = process.argv[2] === 'v' ? validated : scope;
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 4000) { for (let i = 0; i < 1000; i++) for (const f of compiled) f(which, '2025-01-06'); n += 1000; }
console.log('rules/s', (n * 12 / 4).toFixed(0));
