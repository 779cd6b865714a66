// Checks on the offer: caps of the right type (installment and amount caps are money), and an
// amount table by band that names every band, and only existing ones.
import type { OfferSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { expectType } from './check-expression.ts';
import { literalValue } from './decimals.ts';
import { error, headRange } from './diagnostics.ts';
import type { Scope } from './scope.ts';
import { closestName } from './suggest.ts';
import { MONEY } from './value-types.ts';

/** Every cap of the offer section. */
export function checkOffer(offer: OfferSection, accept: Accept, scope: Scope): void {
  for (const cap of offer.caps) {
    if (cap.kind === 'installment' || cap.kind === 'amount') {
      expectType(cap.value, MONEY, { kind: 'cap', cap: cap.kind }, { scope, accept, allowScore: true });
      continue;
    }
    if (!scope.scorecard) {
      accept(error('no-scorecard/offer', {}, headRange(cap.range, 'amount'.length)));
      continue;
    }
    const seen = new Set<string>();
    for (const entry of cap.entries) {
      const band = entry.band?.name;
      if (!band) continue;
      if (!scope.bands.has(band)) {
        accept(error('unknown-band', { band, suggestion: closestName(band, scope.bands.keys()) ?? null, bands: [...scope.bands.keys()] }, entry.band.range));
      } else if (seen.has(band)) {
        accept(error('duplicate-name/offer-band', { band }, entry.band.range));
      }
      seen.add(band);
      const amount = literalValue(entry.amount);
      if (entry.amount && (!amount || amount.isNegative())) accept(error('invalid-number/offer-band', { band }, entry.amount.range));
    }
    for (const band of scope.bands.keys()) {
      if (!seen.has(band)) {
        accept(error('band-missing/offer', { band }, headRange(cap.range, 'amount'.length)));
      }
    }
  }
}
