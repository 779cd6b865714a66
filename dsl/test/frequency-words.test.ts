// Frequencies in the lender's words: quincenal is `semimonthly`, catorcenal is `biweekly`.
import { describe, expect, it } from 'vitest';
import { PRODUCT, diagnose, found, mutate, positionOf } from './check-helpers.ts';

const only = (text: string) => found(diagnose(text), 'frequency-wording');

describe('frequency-wording', () => {
  it('warns at `biweekly` when the product says quincenal', () => {
    // The fixture's code is `nomina_quincenal`.
    const text = mutate('payments 6..48 semimonthly', 'payments 6..48 biweekly');
    expect(only(text)).toEqual([`${positionOf(text, 'biweekly')} frequency-wording the product says quincenal, but \`biweekly\` is catorcenal: every 14 days`]);
    const [d] = diagnose(text).filter((x) => x.code === 'frequency-wording');
    expect(d!.severity).toBe('warning');
    expect(d!.help).toMatch(/quincenal is `semimonthly` \(the 15th and the last day.*catorcenal is `biweekly` \(every 14 days/);
  });

  it('warns at `semimonthly` when the name says catorcenal, in a restructuring offer too', () => {
    let text = mutate('product nomina_quincenal "Crédito de Nómina"', 'product tienda "Crédito Catorcenal"');
    text = mutate('offer restructure', 'offer restructure payments 12 semimonthly', text);
    expect(only(text).map((l) => l.split(' ')[0])).toEqual([positionOf(text, 'semimonthly'), positionOf(text, 'semimonthly', 1)]);
  });

  it('says nothing when the words and the frequency agree, or the product names both', () => {
    expect(only(PRODUCT)).toEqual([]);
    const both = mutate('doc "Préstamo con descuento', 'doc "Pagos quincenales o catorcenales; préstamo con descuento', mutate('payments 6..48 semimonthly', 'payments 6..48 biweekly'));
    expect(only(both)).toEqual([]);
  });
});
