// Checks on the payment allocation order (prelación): every component exactly once.
import type { AllocationDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { error, headRange } from './diagnostics.ts';
import { checkOption } from './options.ts';

/** Components a payment is allocated to, in the default order. */
export const ALLOCATION_COMPONENTS = ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'] as const;

/** The allocation line. */
export function checkAllocation(allocation: AllocationDecl, accept: Accept): void {
  const seen = new Set<string>();
  for (const component of allocation.components) {
    if (!component?.name) continue;
    if (!checkOption(component, ALLOCATION_COMPONENTS, 'allocation', accept)) continue;
    if (seen.has(component.name)) {
      accept(error('allocation-duplicate', { component: component.name }, component.range));
    }
    seen.add(component.name);
  }
  const missing = ALLOCATION_COMPONENTS.filter((c) => !seen.has(c));
  if (missing.length > 0 && allocation.components.length > 0) {
    accept(error('allocation-incomplete', { missing, all: [...ALLOCATION_COMPONENTS] }, headRange(allocation.range, 'allocation'.length)));
  }
}
