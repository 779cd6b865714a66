// Checks on eligibility rules: boolean conditions, rules that can never fire (or always fire)
// given the declared input ranges, repeated conditions, reason codes with conflicting outcomes,
// and optional inputs read without a presence guard.
import type { EligibilitySection, RuleDecl, ScorecardSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { expectType } from './check-expression.ts';
import { error, lineOf, warning } from './diagnostics.ts';
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
      accept(
        warning(
          'rule-duplicate',
          `this condition repeats rule \`${first.reason?.value ?? ''}\` on ${lineOf(first.range)}`,
          rule.condition.range,
          'both fire together: remove one, or give them different conditions',
        ),
      );
    } else {
      conditions.set(key, rule);
    }
  }
}

/** Reason codes must mean one outcome wherever they appear (rules and the scorecard's `otherwise`). */
export function checkReasonOutcomes(rules: readonly RuleDecl[], otherwise: ScorecardSection['otherwise'], accept: Accept): void {
  const outcomes = new Map<string, { outcome: string; line: string }>();
  const uses = rules.map((r) => ({ outcome: r.outcome, reason: r.reason }));
  if (otherwise) uses.push({ outcome: otherwise.outcome, reason: otherwise.reason });
  for (const { outcome, reason } of uses) {
    if (!reason?.value) continue;
    const first = outcomes.get(reason.value);
    if (first && first.outcome !== outcome) {
      accept(
        error(
          'reason-conflict',
          `reason \`${reason.value}\` is a \`${first.outcome}\` on ${first.line} and a \`${outcome}\` here`,
          reason.range,
          'a reason code must mean one outcome: use a different code',
        ),
      );
    } else if (!first) {
      outcomes.set(reason.value, { outcome, line: lineOf(reason.range) });
    }
  }
}

/** One rule: its condition's type, reachability and optional-value guards. */
export function checkRule(rule: RuleDecl, accept: Accept, scope: Scope): void {
  const name = rule.reason?.value ?? '';
  expectType(rule.condition, BOOLEAN, { kind: 'rule', name }, { scope, accept, allowScore: true });
  for (const ref of unguardedOptionalRefs(rule.condition, scope)) {
    accept(
      warning(
        'unguarded-optional',
        `\`${ref.name}\` is optional: when it is missing, the comparison is false and this rule ${rule.negated ? 'fires' : 'does not fire'}`,
        ref.range,
        `say what a missing value means: \`${ref.name} is present and ...\` or \`${ref.name} is missing or ...\``,
      ),
    );
  }
  const verdict = truthOf(rule.condition, scope);
  if (verdict.truth === 'maybe') return;
  const fires = (verdict.truth === 'always') !== rule.negated;
  accept(
    warning(
      fires ? 'rule-always-fires' : 'rule-unreachable',
      fires ? `rule \`${name}\` fires for every application` : `rule \`${name}\` can never fire`,
      rule.condition.range,
      `its condition is ${verdict.truth === 'always' ? 'always' : 'never'} true: ${verdict.because ?? ''}`,
    ),
  );
}
