// The checker and compiler of PLD policy documents: fact names (with suggestions), expression
// types (the product checker's rules), bins that fit their fact, grade cut-offs in order, unique
// factors and rule codes; then the PldPolicyIR, content-hashed, while no error stands.
import {
  PLD_CLIENT_FACTS,
  PLD_OPERATION_FACTS,
  PLD_POLICY_IR_VERSION,
  RISK_GRADES,
  withPldPolicyHash,
  type BinMatch,
  type GradeCutoffIR,
  type PldFactType,
  type PldPolicyIR,
  type RiskConditionIR,
  type RiskFactorIR,
  type RiskGrade,
  type UnusualRuleIR,
} from '@plazo/engine';
import type { Expr } from '../ast/nodes.ts';
import { expectType } from '../check/check-expression.ts';
import { error } from '../check/diagnostics.ts';
import { factAccept, factScope } from '../check/fact-scope.ts';
import type { Scope } from '../check/scope.ts';
import { closestName } from '../check/suggest.ts';
import { BOOLEAN } from '../check/value-types.ts';
import { literalText } from '../compile/decimal-text.ts';
import { toJsonLogic } from '../compile/expression.ts';
import type { Accept, Diagnostic } from '../diagnostic.ts';
import { sortDiagnostics, hasErrors } from '../check/check.ts';
import type { Localized } from '../messages/types.ts';
import type { ConditionDecl, FactorDecl, GradeCutoffDecl, GradeOtherwiseDecl, PolicyDecl, PolicyFile } from './policy-nodes.ts';
import { parsePolicy } from './parse-policy.ts';

const CLIENT_SCOPE = factScope(PLD_CLIENT_FACTS);
const OPERATION_SCOPE = factScope(PLD_OPERATION_FACTS);

function checkCondition(expr: Expr, name: string, scope: Scope, facts: Readonly<Record<string, PldFactType>>, accept: Accept): void {
  expectType(expr, BOOLEAN, { kind: 'rule', name }, { scope, accept: factAccept(accept, facts), allowScore: false });
}

const WHAT = {
  factor: { en: 'factor', es: 'el factor' },
  rule: { en: 'unusual-operation rule', es: 'la regla de operación inusual' },
  grade: { en: 'grade', es: 'el grado' },
} satisfies Record<string, Localized>;

function checkFactor(factor: FactorDecl, accept: Accept): void {
  const name = factor.fact.name;
  const type = PLD_CLIENT_FACTS[name];
  if (type === undefined) {
    const names = Object.keys(PLD_CLIENT_FACTS);
    accept(error('unknown-name/fact', { name, suggestion: closestName(name, names) ?? null, facts: names }, factor.fact.range));
    return;
  }
  const numeric = type.kind === 'integer' || type.kind === 'money';
  for (const bin of factor.bins) {
    const match = bin.match;
    if (match.kind === 'range' && !numeric) accept(error('policy-bin-type', { fact: name, type: type.kind }, bin.range));
    if (match.kind !== 'values') continue;
    if (numeric) {
      accept(error('policy-bin-type', { fact: name, type: type.kind }, bin.range));
      continue;
    }
    for (const value of match.values) {
      const isBoolean = value.kind === 'BooleanLiteral';
      if (isBoolean !== (type.kind === 'boolean')) {
        accept(error('policy-bin-type', { fact: name, type: type.kind }, value.range));
        continue;
      }
      if (type.kind === 'enum') {
        const text = value.kind === 'StringLiteral' ? value.value : value.kind === 'Identifier' ? value.name : '';
        if (!type.values.includes(text)) accept(error('policy-bin-value', { fact: name, value: text, values: type.values }, value.range));
      }
    }
  }
}

function isGrade(name: string): name is RiskGrade {
  return (RISK_GRADES as readonly string[]).includes(name);
}

function checkGrades(cutoffs: readonly GradeCutoffDecl[], otherwise: GradeOtherwiseDecl | undefined, sectionRange: Diagnostic['range'], accept: Accept): void {
  if (cutoffs.length === 0) accept(error('policy-grade-missing', {}, sectionRange));
  let above: GradeCutoffDecl | undefined;
  for (const cutoff of cutoffs) {
    if (!isGrade(cutoff.grade.name)) {
      accept(error('policy-grade', { name: cutoff.grade.name }, cutoff.grade.range));
      continue;
    }
    if (above !== undefined) {
      const lowerRank = RISK_GRADES.indexOf(cutoff.grade.name) < RISK_GRADES.indexOf(above.grade.name as RiskGrade);
      const lowerPoints = Number(literalText(cutoff.min)) < Number(literalText(above.min));
      if (!lowerRank || !lowerPoints) {
        accept(error('policy-grade-order', { grade: cutoff.grade.name, points: literalText(cutoff.min), above: above.grade.name, abovePoints: literalText(above.min) }, cutoff.range));
      }
    }
    above = cutoff;
  }
  if (otherwise === undefined) return;
  if (!isGrade(otherwise.grade.name)) {
    accept(error('policy-grade', { name: otherwise.grade.name }, otherwise.grade.range));
    return;
  }
  const last = cutoffs.filter((c) => isGrade(c.grade.name)).at(-1);
  if (last && RISK_GRADES.indexOf(otherwise.grade.name) >= RISK_GRADES.indexOf(last.grade.name as RiskGrade)) {
    accept(error('policy-grade-order', { grade: otherwise.grade.name, points: '-∞', above: last.grade.name, abovePoints: literalText(last.min) }, otherwise.range));
  }
}

export interface PolicyAnalysis {
  readonly diagnostics: Diagnostic[];
}

/** Checks a parsed policy; diagnostics in source order. */
export function checkPolicy(file: PolicyFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const accept: Accept = (d) => diagnostics.push(d);
  const policy = file.policy;
  if (!policy) return diagnostics;
  const risk = policy.risk;
  if (!risk) accept(error('policy-risk-missing', {}, policy.code?.range ?? policy.range));
  else {
    const factors = new Map<string, FactorDecl>();
    const cutoffs: GradeCutoffDecl[] = [];
    const seenGrades = new Map<string, GradeCutoffDecl>();
    let otherwise: GradeOtherwiseDecl | undefined;
    for (const item of risk.items) {
      switch (item.kind) {
        case 'FactorDecl': {
          const first = factors.get(item.fact.name);
          if (first) accept(error('duplicate-name/policy', { what: WHAT.factor, name: item.fact.name, line: first.range.start.line + 1 }, item.fact.range));
          else factors.set(item.fact.name, item);
          checkFactor(item, accept);
          break;
        }
        case 'ConditionDecl':
          checkCondition(item.condition, item.reason.value, CLIENT_SCOPE, PLD_CLIENT_FACTS, accept);
          break;
        case 'GradeCutoffDecl': {
          const first = seenGrades.get(item.grade.name);
          if (first) accept(error('duplicate-name/policy', { what: WHAT.grade, name: item.grade.name, line: first.range.start.line + 1 }, item.grade.range));
          else {
            seenGrades.set(item.grade.name, item);
            cutoffs.push(item);
          }
          break;
        }
        case 'GradeOtherwiseDecl':
          otherwise = item;
          break;
      }
    }
    checkGrades(cutoffs, otherwise, risk.range, accept);
  }
  const codes = new Map<string, number>();
  for (const rule of policy.rules) {
    const line = codes.get(rule.code.value);
    if (line !== undefined) accept(error('duplicate-name/policy', { what: WHAT.rule, name: rule.code.value, line }, rule.code.range));
    else codes.set(rule.code.value, rule.range.start.line + 1);
    checkCondition(rule.condition, rule.code.value, OPERATION_SCOPE, PLD_OPERATION_FACTS, accept);
  }
  return sortDiagnostics(diagnostics);
}

function binMatch(bin: FactorDecl['bins'][number]['match']): BinMatch {
  switch (bin.kind) {
    case 'missing':
    case 'otherwise':
      return { kind: bin.kind };
    case 'range':
      return {
        kind: 'range',
        ...(bin.min ? { min: literalText(bin.min) } : {}),
        ...(bin.max ? { max: literalText(bin.max) } : {}),
        ...(bin.maxExclusive ? { maxExclusive: true } : {}),
      };
    case 'values':
      return { kind: 'values', values: bin.values.map((v) => (v.kind === 'BooleanLiteral' ? v.value : v.kind === 'StringLiteral' ? v.value : v.name)) };
  }
}

/** The IR of a checked policy (no errors). */
function policyIR(policy: PolicyDecl): PldPolicyIR {
  const factors: (RiskFactorIR | RiskConditionIR)[] = [];
  const grades: GradeCutoffIR[] = [];
  let otherwise: RiskGrade = 'low';
  for (const item of policy.risk?.items ?? []) {
    if (item.kind === 'FactorDecl') factors.push({ kind: 'fact', fact: item.fact.name, bins: item.bins.map((b) => ({ match: binMatch(b.match), points: literalText(b.points) })) });
    else if (item.kind === 'ConditionDecl') factors.push(conditionIR(item));
    else if (item.kind === 'GradeCutoffDecl') grades.push({ grade: item.grade.name as RiskGrade, minPoints: literalText(item.min) });
    else otherwise = item.grade.name as RiskGrade;
  }
  const unusual: UnusualRuleIR[] = policy.rules.map((rule) => ({
    code: rule.code.value,
    when: toJsonLogic(rule.condition, OPERATION_SCOPE),
    ...(rule.message ? { message: rule.message.value } : {}),
  }));
  const code = policy.code?.name ?? 'pld';
  return withPldPolicyHash({
    irVersion: PLD_POLICY_IR_VERSION,
    code,
    name: policy.name?.value ?? code,
    ...(policy.doc ? { description: policy.doc.value } : {}),
    risk: { factors, grades, otherwise },
    unusual,
  });
}

function conditionIR(item: ConditionDecl): RiskConditionIR {
  return { kind: 'condition', label: item.reason.value, when: toJsonLogic(item.condition, CLIENT_SCOPE), points: literalText(item.points) };
}

export interface PolicyCompileResult {
  /** Present only when there are no errors. */
  readonly ir?: PldPolicyIR;
  /** Parse, then check diagnostics. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses, checks and compiles a policy text.
 * @example compilePolicyText(text).ir?.risk.grades // [{ grade: 'high', minPoints: '50' }, …]
 */
export function compilePolicyText(text: string): PolicyCompileResult {
  const { file, diagnostics } = parsePolicy(text);
  const checked = [...diagnostics, ...checkPolicy(file)];
  if (hasErrors(checked) || !file.policy) return { diagnostics: checked };
  return { ir: policyIR(file.policy), diagnostics: checked };
}
