import { compareRates } from '../bench/measure.ts';
import { compileDecisionProgram, decideWith } from '../src/index.ts';
import * as O from '/tmp/scratch/old/engine/src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
const declined = { ...goodApplicant, applicant: { age: 71, net_income: '24000' } };
const p = compileDecisionProgram(payrollProduct); const q = O.compileDecisionProgram(payrollProduct as any);
const r = compareRates({
  oldApprove: () => O.decideWith(q, goodApplicant, '2025-01-06'), newApprove: () => decideWith(p, goodApplicant, '2025-01-06'),
  oldDecline: () => O.decideWith(q, declined, '2025-01-06'), newDecline: () => decideWith(p, declined, '2025-01-06'),
}, 6, 400);
for (const [k, v] of Object.entries(r)) console.log(k.padEnd(11), Math.round(v.wall).toLocaleString().padStart(8), Math.round(v.cpu).toLocaleString().padStart(8));
