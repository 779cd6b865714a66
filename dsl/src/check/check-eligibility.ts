// Checks on eligibility rules: boolean conditions, rules that can never fire (or always fire)
// given the declared input ranges, repeated conditions, reason codes with conflicting outcomes,
// and optional inputs read without a presence guard.
import type { EligibilitySection, RuleDecl, ScorecardSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { expectType } from './check-expression.ts';
import { error, lineNumber, warning } from './diagnostics.ts';
import { expressionKey, unguardedOptionalRefs } from './optional-guards.ts';
import { truthOf } from './rule-reachability.ts';
import type { Scope } from './scope.ts';
import { BOOLEAN } from './value-types.ts';

/** All rules of the section, in order. */
export function checkEligibility(section: EligibilitySection, accept: Accept, scope: Scope): void {
  const conditions = new Map<string, RuleDecl>();
  for (const rule of section.rules) {
    checkRule(rule, accept, scope);
    const key = `${rule.negated ? '!' : ''}${expressionKey(rule.condition)}`;
    const first = conditions.get(key);
    if (first && rule.condition?.kind !== 'ErrorExpr') {
      accept(warning('rule-duplicate', { reason: first.reason?.value ?? '', line: lineNumber(first.range) }, rule.condition.range));
    } else {
      conditions.set(key, rule);
    }
  }
}

/** Reason codes must mean one outcome wherever they appear (rules and the scorecard's `otherwise`). */
export function checkReasonOutcomes(rules: readonly RuleDecl[], otherwise: ScorecardSection['otherwise'], accept: Accept): void {
  const outcomes = new Map<string, { outcome: string; line: number }>();
  const uses = rules.map((r) => ({ outcome: r.outcome, reason: r.reason }));
  if (otherwise) uses.push({ outcome: otherwise.outcome, reason: otherwise.reason });
  for (const { outcome, reason } of uses) {
    if (!reason?.value) continue;
    const first = outcomes.get(reason.value);
    if (first && first.outcome !== outcome) {
      accept(error('reason-conflict', { reason: reason.value, first: first.outcome, line: first.line, outcome }, reason.range));
    } else if (!first) {
      outcomes.set(reason.value, { outcome, line: lineNumber(reason.range) });
    }
  }
}

/** One rule: its condition's type, reachability and optional-value guards. */
export function checkRule(rule: RuleDecl, accept: Accept, scope: Scope): void {
  const name = rule.reason?.value ?? '';
  expectType(rule.condition, BOOLEAN, { kind: 'rule', name }, { scope, accept, allowScore: true });
  for (const ref of unguardedOptionalRefs(rule.condition, scope)) {
    accept(warning('unguarded-optional', { name: ref.name, negated: rule.negated }, ref.range));
  }
  const verdict = truthOf(rule.condition, scope);
  if (verdict.truth === 'maybe') return;
  const fires = (verdict.truth === 'always') !== rule.negated;
  const args = { name, always: verdict.truth === 'always', because: verdict.because ?? null };
  accept(fires ? warning('rule-always-fires', args, rule.condition.range) : warning('rule-unreachable', args, rule.condition.range));
}
