// Frequencies in the lender's words: in Mexico a "quincena" is half a month (the 15th and the last
// day: `semimonthly`) and a "catorcena" is 14 days (`biweekly`). A product whose name, code or doc
// says one while its terms say the other is almost always a mistake that moves every due date.
import type { FrequencyNode, ProductDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { warning } from './diagnostics.ts';

const QUINCENAL = /quincen/i;
const CATORCENAL = /catorcen/i;

/** Every frequency the product's terms and restructuring offers name. */
function frequencies(product: ProductDecl): FrequencyNode[] {
  const found: FrequencyNode[] = [];
  for (const section of product.sections) {
    if (section.kind === 'LimitsSection') for (const t of section.terms) found.push(t.frequency);
    if (section.kind === 'CollectionSection') {
      for (const step of section.steps) for (const a of step.actions) if (a.kind === 'offer-restructure' && a.frequency) found.push(a.frequency);
    }
  }
  return found;
}

/**
 * Warns (`frequency-wording`) where a product says `biweekly` while its name, code or doc says
 * "quincenal", or `semimonthly` while they say "catorcenal" (a product naming both is left alone).
 */
export function checkFrequencyWords(product: ProductDecl, accept: Accept): void {
  const words = [product.code?.name, product.name?.value, product.doc, product.description?.value].filter((w): w is string => !!w).join('\n');
  const quincenal = QUINCENAL.test(words);
  const catorcenal = CATORCENAL.test(words);
  if (quincenal === catorcenal) return;
  for (const f of frequencies(product)) {
    if (quincenal && f.kind === 'biweekly') {
      accept(warning('frequency-wording/quincenal', {}, f.range));
    } else if (catorcenal && f.kind === 'semimonthly') {
      accept(warning('frequency-wording/catorcenal', {}, f.range));
    }
  }
}
