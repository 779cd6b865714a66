import { compileExpression } from '../src/index.ts';
const f = compileExpression({ in: [{ var: 'applicant.state' }, ['CDMX', 'JAL', 'NL']] } as any);
const g = compileExpression({ '>': [{ var: 'applicant.age' }, { decimal: '70' }] } as any);
const scope = { applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' } };
for (const [name, fn] of [['in', f], ['gt', g]] as const) {
  let t = performance.now(); let n = 0;
  while (performance.now() - t < 1000) { for (let i = 0; i < 1000; i++) fn(scope, '2025-01-06'); n += 1000; }
  console.log(name, (n / (performance.now() - t) / 1000).toFixed(1), 'M/s');
}
