// A product compiled for decisions: every expression (derived values, eligibility rules,
// characteristics, caps) compiled once to closures, bins to predicates, with what each reads.
import { Dec } from '../decimal.ts';
import { compileExpression, type CompiledExpression } from '../expressions/compile-expression.ts';
import { expressionReads } from '../expressions/expression-reads.ts';
import type { ExpressionValue } from '../expressions/values.ts';
import type { Characteristic, DerivedValue, EligibilityRule, JsonLogic, OfferCap, ProductIR, ScoreBin } from '../ir/product-ir.ts';
import type { RoundingMode } from '../rounding.ts';
import { binPredicate } from './match-bin.ts';

/** An expression compiled with the variables it reads. */
export interface CompiledLogic {
  readonly evaluate: CompiledExpression;
  readonly reads: readonly string[];
}

export interface CompiledBin {
  readonly bin: ScoreBin;
  readonly matches: (value: ExpressionValue) => boolean;
  readonly points: Dec;
}

export interface CompiledCharacteristic {
  readonly characteristic: Characteristic;
  readonly logic: CompiledLogic;
  readonly bins: readonly CompiledBin[];
  readonly maxPoints: Dec;
}

export interface DecisionProgram {
  readonly ir: ProductIR;
  readonly derived: readonly { readonly value: DerivedValue; readonly logic: CompiledLogic }[];
  readonly eligibility: readonly { readonly rule: EligibilityRule; readonly logic: CompiledLogic }[];
  readonly characteristics: readonly CompiledCharacteristic[];
  readonly caps: readonly { readonly cap: OfferCap; readonly logic: CompiledLogic | null }[];
}

function compiler(rounding: RoundingMode): (logic: JsonLogic, path: string) => CompiledLogic {
  return (logic, path) => Object.freeze({ evaluate: compileExpression(logic, { path, rounding }), reads: expressionReads(logic) });
}

/**
 * Compiles a product's expressions once; decide() caches the program per IR object, and callers
 * deciding many applications (backtests, the runtime) may hold it themselves. Throws
 * InvalidInputError, with the IR path, for an expression it cannot compile.
 */
export function compileDecisionProgram(ir: ProductIR): DecisionProgram {
  const compile = compiler(ir.pricing.rounding.mode);
  const characteristics = (ir.scorecard?.characteristics ?? []).map((c, i): CompiledCharacteristic => {
    const bins = c.bins.map((bin) => Object.freeze({ bin, matches: binPredicate(bin.match), points: new Dec(bin.points) }));
    const maxPoints = bins.reduce((m, b) => (b.points.gt(m) ? b.points : m), bins[0]?.points ?? new Dec(0));
    return Object.freeze({ characteristic: c, logic: compile(c.expr, `scorecard.characteristics[${i}].expr`), bins: Object.freeze(bins), maxPoints });
  });
  return Object.freeze({
    ir,
    derived: Object.freeze(ir.derived.map((value, i) => Object.freeze({ value, logic: compile(value.expr, `derived[${i}].expr`) }))),
    eligibility: Object.freeze(ir.eligibility.map((rule, i) => Object.freeze({ rule, logic: compile(rule.when, `eligibility[${i}].when`) }))),
    characteristics: Object.freeze(characteristics),
    caps: Object.freeze(ir.offer.caps.map((cap, i) => Object.freeze({ cap, logic: cap.kind === 'max-amount-by-band' ? null : compile(cap.expr, `offer.caps[${i}].expr`) }))),
  });
}
