import { compileExpression } from '../src/index.ts';
import { benchRules } from './expressions.bench.ts';
const compiled = benchRules.map((r) => compileExpression(r));
const scope = { applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' }, employment: { months: 30, employer_in_agreement: true, type: 'formal' }, bureau: { score: 710, monthly_debt: 2400 }, request: { amount: 20000, payments: 24 }, capacity: 3600, dti: 0.1 };
const t = performance.now(); let n = 0;
while (performance.now() - t < 3000) { for (let i = 0; i < 1000; i++) for (const f of compiled) f(scope, '2025-01-06'); n += 1000; }
console.log((n * compiled.length / 3000 / 1000).toFixed(1), 'M rules/s');
