// Evaluating a PLD policy: a client's risk grade from the matrix, and the unusual-operation rules
// an operation fires. Pure; each policy's expressions and bins are compiled once (per IR object).
import { Dec } from '../decimal.ts';
import { binPredicate } from '../decision/match-bin.ts';
import { compileExpression, type CompiledExpression } from '../expressions/compile-expression.ts';
import { parseExact } from '../expressions/fixed.ts';
import { truthy, type ExpressionValue } from '../expressions/values.ts';
import type { BinMatch } from '../ir/product-ir.ts';
import {
  RISK_GRADES,
  type ClientRiskFacts,
  type OperationFacts,
  type PldPolicyIR,
  type RiskGrade,
  type RiskGradeResult,
  type RiskReason,
  type UnusualFinding,
} from './policy-ir.ts';

/** Text facts compare without accents, case or surrounding spaces: `Comerciante ` is `comerciante`. */
export function normalizeFactText(text: string): string {
  let cached = normalized.get(text);
  if (cached === undefined) {
    cached = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
    if (normalized.size >= 10_000) normalized.clear();
    normalized.set(text, cached);
  }
  return cached;
}
/** Occupations, countries and channels repeat: their normal forms are kept (bounded). */
const normalized = new Map<string, string>();

/** A factor's verdict: what it read, and its points in units of 10^-scale (integers add exactly). */
interface Scored {
  readonly factor: string;
  readonly value: string;
  readonly units: number;
  readonly points: string;
}

type Scorer = (facts: ClientRiskFacts, data: () => unknown) => Scored | undefined;

interface CompiledPolicy {
  readonly scorers: readonly Scorer[];
  /** Points are whole multiples of 10^-scale (at most 6 decimals). */
  readonly scale: number;
  readonly cutoffs: readonly { readonly grade: RiskGrade; readonly units: number }[];
  readonly otherwise: RiskGrade;
  readonly rules: readonly { readonly code: string; readonly message: string; readonly when: CompiledExpression }[];
}

const compiled = new WeakMap<PldPolicyIR, CompiledPolicy>();

/** A bin's predicate on a raw fact value (text normalised, numbers exact). */
function binMatcher(match: BinMatch): (value: unknown) => boolean {
  if (match.kind === 'values') {
    // Called with text already normalised (see the fact scorer).
    const texts = new Set(match.values.filter((v): v is string => typeof v === 'string').map(normalizeFactText));
    const booleans = new Set(match.values.filter((v): v is boolean => typeof v === 'boolean'));
    return (value) => (typeof value === 'string' ? texts.has(value) : typeof value === 'boolean' && booleans.has(value));
  }
  const predicate = binPredicate(match);
  return (value) => predicate(exactValue(value));
}

function exactValue(value: unknown): ExpressionValue {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return parseExact(value.trim()) ?? value;
  return value as ExpressionValue;
}

function readFact(facts: unknown, segments: readonly string[]): unknown {
  let value: unknown = facts;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'missing';
  return String(value);
}

/** The largest number of decimals among the policy's points and cut-offs (the IR allows at most 6 here; more are rounded). */
function scaleOf(policy: PldPolicyIR): number {
  const all = [
    ...policy.risk.factors.flatMap((f) => (f.kind === 'condition' ? [f.points] : f.bins.map((b) => b.points))),
    ...policy.risk.grades.map((g) => g.minPoints),
  ];
  return Math.min(6, Math.max(0, ...all.map((p) => new Dec(p).decimalPlaces())));
}

function compilePolicy(policy: PldPolicyIR): CompiledPolicy {
  const scale = scaleOf(policy);
  const units = (points: string) => new Dec(points).times(new Dec(10).pow(scale)).round().toNumber();
  const scorers: Scorer[] = policy.risk.factors.map((factor, index): Scorer => {
    if (factor.kind === 'condition') {
      const when = compileExpression(factor.when, { path: `risk.factors[${index}].when` });
      const scored: Scored = { factor: factor.label, value: 'true', units: units(factor.points), points: new Dec(factor.points).toString() };
      return (_facts, data) => (truthy(when(data())) ? scored : undefined);
    }
    const bins = factor.bins.map((bin) => ({ matches: binMatcher(bin.match), units: units(bin.points), points: new Dec(bin.points).toString() }));
    const path = factor.fact;
    const segments = path.split('.');
    const score = (value: unknown) => bins.find((bin) => bin.matches(value));
    return (facts) => {
      const raw = readFact(facts, segments);
      // A list of values (the client's products): the one that scores highest counts.
      const values = Array.isArray(raw) ? (raw.length === 0 ? [null] : raw) : [raw];
      let best: { value: unknown; bin: (typeof bins)[number] } | undefined;
      for (const value of values) {
        const bin = score(typeof value === 'string' ? normalizeFactText(value) : value);
        if (bin !== undefined && (best === undefined || bin.units > best.bin.units)) best = { value, bin };
      }
      return best === undefined ? undefined : { factor: path, value: shown(best.value), units: best.bin.units, points: best.bin.points };
    };
  });
  const cutoffs = policy.risk.grades.map((g) => ({ grade: g.grade, units: units(g.minPoints) }));
  const rules = policy.unusual.map((rule, index) => ({
    code: rule.code,
    message: rule.message ?? rule.code,
    when: compileExpression(rule.when, { path: `unusual[${index}].when` }),
  }));
  return { scorers, scale, cutoffs, otherwise: policy.risk.otherwise, rules };
}

function compiledOf(policy: PldPolicyIR): CompiledPolicy {
  let c = compiled.get(policy);
  if (c === undefined) {
    c = compilePolicy(policy);
    compiled.set(policy, c);
  }
  return c;
}

/** Client facts as expression data: absent values are null, numbers exact. */
function clientData(facts: ClientRiskFacts): unknown {
  const c = facts.client;
  const product = facts.product.code;
  return {
    client: {
      occupation: c.occupation ?? null,
      nationality: c.nationality ?? null,
      pep: c.pep === true,
      kind: c.kind,
      age: exactValue(c.age),
      birth_state: c.birth_state ?? null,
    },
    product: { code: Array.isArray(product) ? (product[0] ?? null) : (product ?? null) },
    channel: facts.channel ?? null,
  };
}

function gradeOfUnits(c: CompiledPolicy, total: number): RiskGrade {
  for (const cutoff of c.cutoffs) if (total >= cutoff.units) return cutoff.grade;
  return c.otherwise;
}

/** The grade of a number of points under the policy's cut-offs (monotone: more points, never a lower grade). */
export function gradeForPoints(policy: PldPolicyIR, points: string | Dec): RiskGrade {
  const c = compiledOf(policy);
  const total = points instanceof Dec ? points : new Dec(points);
  for (const cutoff of c.cutoffs) if (total.times(new Dec(10).pow(c.scale)).gte(cutoff.units)) return cutoff.grade;
  return c.otherwise;
}

/**
 * A client's risk grade: the sum of each factor's points (the first matching bin; for a list of
 * products, the highest-scoring one), and of each condition that holds, graded by the cut-offs.
 * @example gradeClient(policy, facts) // { grade: 'high', points: '60', reasons: [{ factor: 'client.pep', value: 'true', points: '50' }, …] }
 */
export function gradeClient(policy: PldPolicyIR, facts: ClientRiskFacts): RiskGradeResult {
  const c = compiledOf(policy);
  let data: unknown;
  const lazyData = () => (data ??= clientData(facts));
  let total = 0;
  const reasons: RiskReason[] = [];
  for (const scorer of c.scorers) {
    const scored = scorer(facts, lazyData);
    if (scored === undefined || scored.units === 0) continue;
    total += scored.units;
    reasons.push({ factor: scored.factor, value: scored.value, points: scored.points });
  }
  const points = c.scale === 0 ? String(total) : new Dec(total).div(new Dec(10).pow(c.scale)).toString();
  return { grade: gradeOfUnits(c, total), points, reasons };
}

/** Operation facts as expression data (the paths of PLD_OPERATION_FACTS): money as exact numbers, absent values null. */
export function operationData(facts: OperationFacts): unknown {
  const { operation: o, loan, month, client } = facts;
  return {
    operation: {
      amount: exactValue(o.amount),
      cash: o.cash === true,
      third_party: o.third_party === true,
      days_since_disbursement: exactValue(o.days_since_disbursement),
      kind: o.kind ?? null,
    },
    loan: { installment: exactValue(loan.installment), amount: exactValue(loan.amount) },
    month: { cash_total: exactValue(month.cash_total), cash_count: exactValue(month.cash_count) },
    client: { risk_grade: client.risk_grade ?? null, pep: client.pep === true },
  };
}

/**
 * The unusual-operation rules an operation fires, in policy order.
 * @example findUnusualOperations(policy, facts) // [{ code: 'PAGO_TERCERO', message: 'Pago realizado por un tercero' }]
 */
export function findUnusualOperations(policy: PldPolicyIR, facts: OperationFacts): UnusualFinding[] {
  const data = operationData(facts);
  const findings: UnusualFinding[] = [];
  for (const rule of compiledOf(policy).rules) if (truthy(rule.when(data))) findings.push({ code: rule.code, message: rule.message });
  return findings;
}

/** The rank of a grade (low 0, medium 1, high 2). */
export function riskGradeRank(grade: RiskGrade): number {
  return RISK_GRADES.indexOf(grade);
}
