// Checks on the offer: caps of the right type (installment and amount caps are money), and an
// amount table by band that names every band, and only existing ones.
import type { OfferSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { expectType } from './check-expression.ts';
import { literalValue } from './decimals.ts';
import { error, headRange } from './diagnostics.ts';
import type { Scope } from './scope.ts';
import { didYouMean } from './suggest.ts';
import { MONEY } from './value-types.ts';

/** Every cap of the offer section. */
export function checkOffer(offer: OfferSection, accept: Accept, scope: Scope): void {
  for (const cap of offer.caps) {
    if (cap.kind === 'installment' || cap.kind === 'amount') {
      expectType(cap.value, MONEY, { kind: 'cap', cap: cap.kind }, { scope, accept, allowScore: true });
      continue;
    }
    if (!scope.scorecard) {
      accept(error('no-scorecard', 'amounts by band need a `scorecard` with bands', headRange(cap.range, 'amount'.length), 'add a scorecard, or cap the amount with an expression'));
      continue;
    }
    const seen = new Set<string>();
    for (const entry of cap.entries) {
      const band = entry.band?.name;
      if (!band) continue;
      if (!scope.bands.has(band)) {
        accept(error('unknown-band', `unknown band \`${band}\``, entry.band.range, didYouMean(band, scope.bands.keys()) ?? `the bands are ${[...scope.bands.keys()].map((b) => `\`${b}\``).join(', ')}`));
      } else if (seen.has(band)) {
        accept(error('duplicate-name', `band \`${band}\` is listed twice`, entry.band.range));
      }
      seen.add(band);
      const amount = literalValue(entry.amount);
      if (entry.amount && (!amount || amount.isNegative())) accept(error('invalid-number', `the amount for band \`${band}\` must be a positive amount`, entry.amount.range));
    }
    for (const band of scope.bands.keys()) {
      if (!seen.has(band)) {
        accept(error('band-missing', `band \`${band}\` has no maximum amount`, headRange(cap.range, 'amount'.length), `add \`${band}: ...\` to \`by band { ... }\``));
      }
    }
  }
}
