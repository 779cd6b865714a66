// Expression evaluation: the payroll product's rules (derived values, eligibility, caps and a few
// more typical conditions) compiled once to closures, against json-logic-js interpreting the same
// JSON Logic on the same data, in the same run.
import jsonLogic from 'json-logic-js';
import { compileExpression, validateApplication, type JsonLogic } from '../src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
import { compareRates, fmt, type Rates } from './measure.ts';

const v = (path: string): JsonLogic => ({ var: path });
const d = (text: string): JsonLogic => ({ decimal: text });

/** The rules: everything the payroll product evaluates, plus conditions risk teams commonly write. */
export const benchRules: readonly JsonLogic[] = [
  ...payrollProduct.derived.map((x) => x.expr),
  ...payrollProduct.eligibility.map((r) => r.when),
  ...payrollProduct.offer.caps.flatMap((c) => (c.kind === 'max-amount-by-band' ? [] : [c.expr])),
  { and: [{ '>=': [v('applicant.age'), d('18')] }, { '<=': [v('applicant.age'), d('70')] }] },
  { in: [v('applicant.state'), ['CDMX', 'JAL', 'NL']] },
  { or: [{ '<': [v('bureau.score'), d('580')] }, { '!!': { missing: ['bureau.score'] } }] },
  { '>': [{ '/': [v('bureau.monthly_debt'), v('applicant.net_income')] }, d('0.45')] },
  { '>=': [{ years_between: [v('applicant.birth_date'), { today: [] }] }, d('18')] },
];

/** Raw application JSON (JSON numbers, as a client sends it) for both evaluators. */
const raw = {
  applicant: { age: 35, net_income: 24000, state: 'JAL', birth_date: '1990-05-10' },
  employment: { months: 30, employer_in_agreement: true, type: 'formal' },
  bureau: { score: 710, monthly_debt: 2400 },
  request: { amount: 20000, payments: 24 },
};

export function bench(): void {
  jsonLogic.add_operation('decimal', (s: string) => parseFloat(s));
  jsonLogic.add_operation('today', () => '2025-01-06');
  jsonLogic.add_operation('years_between', (a: string, b: string) => {
    const x = new Date(`${a}T00:00:00Z`);
    const y = new Date(`${b}T00:00:00Z`);
    const md = (t: Date) => t.getUTCMonth() * 100 + t.getUTCDate();
    return y.getUTCFullYear() - x.getUTCFullYear() - (md(y) < md(x) ? 1 : 0);
  });
  const compiled = benchRules.map((r) => compileExpression(r));
  const scope = { ...raw, capacity: 3600, dti: 0.1 };
  const validated = { ...validateApplication(payrollProduct, goodApplicant).values, capacity: 3600, dti: 0.1 };
  const ours = () => {
    for (const f of compiled) f(scope, '2025-01-06');
  };
  const oursValidated = () => {
    for (const f of compiled) f(validated, '2025-01-06');
  };
  const theirs = () => {
    for (const r of benchRules) jsonLogic.apply(r as jsonLogic.RulesLogic, scope);
  };
  const r = compareRates({ ours, oursValidated, theirs }, 6, 400);
  const n = benchRules.length;
  const row = (name: string, x: Rates) => console.log(`  ${name.padEnd(38)}${fmt(x.wall * n)} rules/s  ${fmt(x.cpu * n)} per CPU-s`);
  const ratio = (x: Rates) => `${(x.wall / r.theirs.wall).toFixed(1)}× (CPU time ${(x.cpu / r.theirs.cpu).toFixed(1)}×)`;
  console.log(`${n} rules of the payroll product and common conditions, evaluated per pass (best of 6 interleaved rounds)`);
  row('compiled closures, raw JSON data', r.ours);
  row('compiled closures, validated data', r.oursValidated);
  row('json-logic-js 2.0.5 (floats)', r.theirs);
  console.log(`  compiled / json-logic-js = ${ratio(r.ours)}, validated data ${ratio(r.oursValidated)}   target ≥ 20×`);
}
