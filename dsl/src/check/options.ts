// Checks shared by sections: a word from a closed set (method, basis, channel...) and a rate literal.
import type { Identifier, PercentLiteral } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { literalValue } from './decimals.ts';
import { error } from './diagnostics.ts';
import type { OptionKind } from '../messages/en.ts';
import { closestName } from './suggest.ts';

/** A nominal annual rate literal: a percent, not negative. */
export function checkRateValue(rate: PercentLiteral | undefined, accept: Accept): void {
  if (!rate) return;
  const value = literalValue(rate);
  if (value?.isNegative()) accept(error('invalid-number/rate-negative', { rate: rate.value }, rate.range));
}

/** An identifier that must be one of a closed set of words; suggests the nearest. */
export function checkOption(id: Identifier, allowed: readonly string[], what: OptionKind, accept: Accept): boolean {
  if (!id.name || allowed.includes(id.name)) return true;
  accept(error('unknown-option', { what, name: id.name, suggestion: closestName(id.name, allowed) ?? null, allowed }, id.range));
  return false;
}
