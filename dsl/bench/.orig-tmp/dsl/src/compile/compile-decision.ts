// The decision parts of the IR: eligibility rules, scorecard and bands, offer caps.
import type { BinMatch, Characteristic, EligibilityRule, Offer, OfferCap, Scorecard } from '@plazo/engine';
import type { BinDecl, CharacteristicDecl, OfferSection, RuleDecl, ScorecardSection } from '../ast/nodes.ts';
import type { Scope } from '../check/scope.ts';
import { decimalText, literalText } from './decimal-text.ts';
import { toJsonLogic } from './expression.ts';

/** One rule: it fires when `when` is true (`unless c` → `{"!": c}`). */
export function compileRule(rule: RuleDecl, scope: Scope): EligibilityRule {
  const condition = toJsonLogic(rule.condition, scope);
  return {
    outcome: rule.outcome,
    reason: rule.reason.value,
    ...(rule.message ? { message: rule.message.value } : {}),
    when: rule.negated ? { '!': condition } : condition,
  };
}

/** The scorecard; base 0 when not written. */
export function compileScorecard(section: ScorecardSection): Scorecard {
  const otherwise = section.otherwise;
  return {
    base: section.base ? literalText(section.base) : '0',
    characteristics: section.characteristics.map(compileCharacteristic),
    bands: section.bands.map((band) => ({ name: band.name.name, minScore: literalText(band.minScore) })),
    ...(otherwise
      ? { otherwise: { outcome: otherwise.outcome, reason: otherwise.reason.value, ...(otherwise.message ? { message: otherwise.message.value } : {}) } }
      : {}),
  };
}

function compileCharacteristic(characteristic: CharacteristicDecl): Characteristic {
  const name = characteristic.name.name;
  return {
    name,
    ...(characteristic.label ? { label: characteristic.label.value } : {}),
    expr: { var: name },
    bins: characteristic.bins.map((bin, i) => ({
      id: `${name}#${i}`,
      match: compileBinMatch(bin),
      points: decimalText(bin.points.value),
      ...(bin.reason ? { reason: bin.reason.value } : {}),
    })),
  };
}

function compileBinMatch(bin: BinDecl): BinMatch {
  const match = bin.match;
  switch (match.kind) {
    case 'missing':
    case 'otherwise':
      return { kind: match.kind };
    case 'range':
      return {
        kind: 'range',
        ...(match.value.min ? { min: literalText(match.value.min) } : {}),
        ...(match.value.max ? { max: literalText(match.value.max) } : {}),
        ...(match.value.max && match.value.maxExclusive ? { maxExclusive: true } : {}),
      };
    case 'values':
      return {
        kind: 'values',
        values: match.values.map((v) => (v.kind === 'BooleanLiteral' ? v.value : v.kind === 'StringLiteral' ? v.value : v.name)),
      };
  }
}

/** The offer; counteroffer unless `no counteroffer`. */
export function compileOffer(offer: OfferSection | undefined, scope: Scope): Offer {
  const caps = (offer?.caps ?? []).map((cap): OfferCap => {
    switch (cap.kind) {
      case 'installment':
        return { kind: 'max-installment', expr: toJsonLogic(cap.value, scope) };
      case 'amount':
        return { kind: 'max-amount', expr: toJsonLogic(cap.value, scope) };
      case 'amount-by-band':
        return { kind: 'max-amount-by-band', values: Object.fromEntries(cap.entries.map((e) => [e.band.name, literalText(e.amount)])) };
    }
  });
  return { caps, counteroffer: offer?.counteroffer ?? true };
}
