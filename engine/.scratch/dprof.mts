import { compileDecisionProgram, decideWith } from '../src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
const program = compileDecisionProgram(payrollProduct);
const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 5000) { for (let i = 0; i < 100; i++) decideWith(program, goodApplicant, '2025-01-06'); n += 100; }
console.log('decisions/s', (n / 5).toFixed(0));
