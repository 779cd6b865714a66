// Evaluating a PLD policy: a client's risk grade from the matrix, and the unusual-operation rules
// an operation fires. Pure; each policy's expressions and bins are compiled once (per IR object).
import { Dec } from '../decimal.ts';
import { binPredicate } from '../decision/match-bin.ts';
import { compileExpression, type CompiledExpression } from '../expressions/compile-expression.ts';
import { parseExact } from '../expressions/fixed.ts';
import { truthy, type ExpressionValue } from '../expressions/values.ts';
import type { BinMatch } from '../ir/product-ir.ts';
import {
  PLD_OPERATION_FACTS,
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
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
}

type Scorer = (facts: ClientRiskFacts) => RiskReason | undefined;

interface CompiledPolicy {
  readonly scorers: readonly Scorer[];
  readonly cutoffs: readonly { readonly grade: RiskGrade; readonly min: Dec }[];
  readonly otherwise: RiskGrade;
  readonly rules: readonly { readonly code: string; readonly message: string; readonly when: CompiledExpression }[];
}

const compiled = new WeakMap<PldPolicyIR, CompiledPolicy>();

/** A bin's predicate on a raw fact value (text normalised, numbers exact). */
function binMatcher(match: BinMatch): (value: unknown) => boolean {
  if (match.kind === 'values') {
    const texts = new Set(match.values.filter((v): v is string => typeof v === 'string').map(normalizeFactText));
    const booleans = new Set(match.values.filter((v): v is boolean => typeof v === 'boolean'));
    return (value) => (typeof value === 'string' ? texts.has(normalizeFactText(value)) : typeof value === 'boolean' && booleans.has(value));
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

function readFact(facts: unknown, path: string): unknown {
  let value: unknown = facts;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'missing';
  return String(value);
}

function compilePolicy(policy: PldPolicyIR): CompiledPolicy {
  const scorers: Scorer[] = policy.risk.factors.map((factor, index): Scorer => {
    if (factor.kind === 'condition') {
      const when = compileExpression(factor.when, { path: `risk.factors[${index}].when` });
      const points = new Dec(factor.points);
      return (facts) => (truthy(when(clientData(facts))) ? { factor: factor.label, value: 'true', points: points.toString() } : undefined);
    }
    const bins = factor.bins.map((bin) => ({ matches: binMatcher(bin.match), points: new Dec(bin.points) }));
    const path = factor.fact;
    const score = (value: unknown): Dec | undefined => bins.find((bin) => bin.matches(value))?.points;
    return (facts) => {
      const raw = readFact(facts, path);
      // A list of values (the client's products): the one that scores highest counts.
      const values = Array.isArray(raw) ? (raw.length === 0 ? [null] : raw) : [raw];
      let best: { value: unknown; points: Dec } | undefined;
      for (const value of values) {
        const points = score(value);
        if (points !== undefined && (best === undefined || points.gt(best.points))) best = { value, points };
      }
      return best === undefined ? undefined : { factor: path, value: shown(best.value), points: best.points.toString() };
    };
  });
  const cutoffs = policy.risk.grades.map((g) => ({ grade: g.grade, min: new Dec(g.minPoints) }));
  const rules = policy.unusual.map((rule, index) => ({
    code: rule.code,
    message: rule.message ?? rule.code,
    when: compileExpression(rule.when, { path: `unusual[${index}].when` }),
  }));
  return { scorers, cutoffs, otherwise: policy.risk.otherwise, rules };
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

/** The grade of a number of points under the policy's cut-offs (monotone: more points, never a lower grade). */
export function gradeForPoints(policy: PldPolicyIR, points: string | Dec): RiskGrade {
  const total = points instanceof Dec ? points : new Dec(points);
  for (const cutoff of compiledOf(policy).cutoffs) if (total.gte(cutoff.min)) return cutoff.grade;
  return policy.risk.otherwise;
}

/**
 * A client's risk grade: the sum of each factor's points (the first matching bin; for a list of
 * products, the highest-scoring one), and of each condition that holds, graded by the cut-offs.
 * @example gradeClient(policy, facts) // { grade: 'high', points: '60', reasons: [{ factor: 'client.pep', value: 'true', points: '50' }, …] }
 */
export function gradeClient(policy: PldPolicyIR, facts: ClientRiskFacts): RiskGradeResult {
  const c = compiledOf(policy);
  let total = new Dec(0);
  const reasons: RiskReason[] = [];
  for (const scorer of c.scorers) {
    const reason = scorer(facts);
    if (reason === undefined || reason.points === '0') continue;
    total = total.plus(reason.points);
    reasons.push(reason);
  }
  let grade = c.otherwise;
  for (const cutoff of c.cutoffs) {
    if (total.gte(cutoff.min)) {
      grade = cutoff.grade;
      break;
    }
  }
  return { grade, points: total.toString(), reasons };
}

/** Operation facts as expression data: money as exact numbers, absent values null. */
export function operationData(facts: OperationFacts): unknown {
  const data: Record<string, Record<string, unknown>> = {};
  for (const [path, type] of Object.entries(PLD_OPERATION_FACTS)) {
    const [group, name] = path.split('.') as [string, string];
    const raw = readFact(facts, path);
    const value = raw === undefined || raw === null ? null : type.kind === 'money' || type.kind === 'integer' ? exactValue(raw) : raw;
    (data[group] ??= {})[name] = value;
  }
  return data;
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
