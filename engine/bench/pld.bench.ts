// Grading 50,000 clients with the PLD risk matrix (gradeClient, the policy compiled once), beside
// the baseline of a plain hand-written loop reading the same facts and adding the same points
// (what a hard-coded matrix would cost). Also: the unusual-operation rules over 50,000 payments.
import { findUnusualOperations, gradeClient, withPldPolicyHash, type ClientRiskFacts, type OperationFacts, type PldPolicyIR } from '../src/index.ts';

const N = Number(process.env['PLD_BENCH_N'] ?? 50_000);
const OCC40 = ['cambista', 'centro cambiario', 'casa de empeño', 'joyero'];
const OCC20 = ['comerciante', 'transportista', 'contratista'];
const OCC0 = ['empleado', 'jubilado', 'estudiante', 'hogar'];
const values = (xs: readonly string[]) => ({ kind: 'values' as const, values: xs });

const policy: PldPolicyIR = withPldPolicyHash({
  irVersion: 1,
  code: 'pld',
  name: 'PLD',
  risk: {
    factors: [
      { kind: 'fact', fact: 'client.occupation', bins: [{ match: values(OCC40), points: '40' }, { match: values(OCC20), points: '20' }, { match: values(OCC0), points: '0' }, { match: { kind: 'missing' }, points: '15' }, { match: { kind: 'otherwise' }, points: '5' }] },
      { kind: 'fact', fact: 'client.pep', bins: [{ match: { kind: 'values', values: [true] }, points: '50' }] },
      { kind: 'fact', fact: 'client.nationality', bins: [{ match: values(['MX']), points: '0' }, { match: { kind: 'otherwise' }, points: '30' }] },
      { kind: 'fact', fact: 'channel', bins: [{ match: values(['online']), points: '10' }, { match: values(['agent']), points: '5' }] },
      { kind: 'fact', fact: 'product.code', bins: [{ match: values(['capital_trabajo']), points: '10' }, { match: values(['microcredito_grupal']), points: '5' }] },
      { kind: 'fact', fact: 'client.age', bins: [{ match: { kind: 'range', max: '21', maxExclusive: true }, points: '5' }, { match: { kind: 'range', min: '76' }, points: '5' }] },
      { kind: 'condition', label: 'EMPRESA_EXTRANJERA', when: { and: [{ '==': [{ var: 'client.kind' }, 'company'] }, { '!=': [{ var: 'client.nationality' }, 'MX'] }] }, points: '20' },
    ],
    grades: [{ grade: 'high', minPoints: '50' }, { grade: 'medium', minPoints: '25' }],
    otherwise: 'low',
  },
  unusual: [
    { code: 'FRACCIONAMIENTO', when: { and: [{ var: 'operation.cash' }, { '<': [{ var: 'operation.amount' }, { decimal: '140000' }] }, { '>=': [{ var: 'month.cash_count' }, { decimal: '2' }] }, { '>=': [{ var: 'month.cash_total' }, { decimal: '140000' }] }] } },
    { code: 'CUOTA', when: { '>': [{ var: 'operation.amount' }, { '*': [{ var: 'loan.installment' }, { decimal: '3' }] }] } },
    { code: 'LIQUIDACION', when: { and: [{ '==': [{ var: 'operation.kind' }, 'payoff'] }, { '<=': [{ var: 'operation.days_since_disbursement' }, { decimal: '30' }] }] } },
    { code: 'TERCERO', when: { var: 'operation.third_party' } },
  ],
});

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function clients(n: number): ClientRiskFacts[] {
  const rnd = random(14);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const occupations = [...OCC40, ...OCC20, ...OCC0, ...OCC0, ...OCC0, 'ingeniero', 'docente'];
  return Array.from({ length: n }, () => ({
    client: { occupation: rnd() < 0.05 ? null : pick(occupations), nationality: rnd() < 0.93 ? 'MX' : pick(['US', 'VE', 'GT']), pep: rnd() < 0.01, kind: rnd() < 0.9 ? 'person' : 'company', age: 18 + Math.floor(rnd() * 70), birth_state: 'JC' },
    product: { code: [pick(['nomina', 'adelanto_nomina', 'capital_trabajo', 'microcredito_grupal'])] },
    channel: pick(['branch', 'online', 'agent', 'payroll']),
  }));
}

/** The baseline: the same matrix as a hand-written loop (no policy, no decimals: integers only). */
function plainPoints(f: ClientRiskFacts): number {
  let p = 0;
  const occ = f.client.occupation?.trim().toLowerCase();
  if (occ === undefined) p += 15;
  else if (OCC40.includes(occ)) p += 40;
  else if (OCC20.includes(occ)) p += 20;
  else if (!OCC0.includes(occ)) p += 5;
  if (f.client.pep) p += 50;
  if (f.client.nationality !== 'MX') p += 30;
  if (f.channel === 'online') p += 10;
  else if (f.channel === 'agent') p += 5;
  const codes = f.product.code as string[];
  p += codes.includes('capital_trabajo') ? 10 : codes.includes('microcredito_grupal') ? 5 : 0;
  const age = f.client.age ?? 40;
  if (age < 21 || age >= 76) p += 5;
  if (f.client.kind === 'company' && f.client.nationality !== 'MX') p += 20;
  return p;
}

function time(label: string, fn: () => number): number {
  fn(); // warm up
  const start = performance.now();
  const out = fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms  (${((ms * 1000) / N).toFixed(2)} µs each; checksum ${out})`);
  return ms;
}

export function bench(): void {
  const facts = clients(N);
  const grades = time(`gradeClient × ${N}`, () => facts.reduce((s, f) => s + (gradeClient(policy, f).grade === 'high' ? 1 : 0), 0));
  const plain = time(`baseline: plain loop over the same facts × ${N}`, () => facts.reduce((s, f) => s + (plainPoints(f) >= 50 ? 1 : 0), 0));
  console.log(`gradeClient / baseline: ${(grades / plain).toFixed(1)}×`);
  const rnd = random(7);
  const ops: OperationFacts[] = Array.from({ length: N }, () => ({
    operation: { amount: (rnd() * 20_000).toFixed(2), cash: rnd() < 0.3, third_party: rnd() < 0.02, days_since_disbursement: Math.floor(rnd() * 200), kind: rnd() < 0.05 ? 'payoff' : 'payment' },
    loan: { installment: '1500.00', amount: '20000.00' },
    month: { cash_total: (rnd() * 200_000).toFixed(2), cash_count: Math.floor(rnd() * 5) },
    client: { risk_grade: 'low', pep: false },
  }));
  time(`findUnusualOperations (4 rules) × ${N}`, () => ops.reduce((s, o) => s + findUnusualOperations(policy, o).length, 0));
}
