// The product's allocation order (prelación) expanded to installment components: `iva` stands for
// the IVA of every base, ordered as the bases are listed.
import type { AllocationComponent } from '../../ir/product-ir.ts';
import type { Component } from '../loan-state.ts';

const BASE: Record<Exclude<AllocationComponent, 'iva'>, { part: Component; iva: Component | null }> = {
  penalties: { part: 'lateFees', iva: 'lateFeesIva' },
  moratorium: { part: 'moratorium', iva: 'moratoriumIva' },
  interest: { part: 'interest', iva: 'interestIva' },
  fees: { part: 'fees', iva: 'feesIva' },
  principal: { part: 'principal', iva: null },
};

const DEFAULT: readonly AllocationComponent[] = ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'];

/**
 * Components in the order a payment pays them inside one installment. `iva` expands to the IVA
 * of late fees, moratorium, interest and fees in the order those bases appear in the list;
 * components the list omits follow in the default order, so every amount owed can be paid.
 * @example componentOrder(['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'])
 * // lateFees, moratorium, lateFeesIva, moratoriumIva, interestIva, feesIva, interest, fees, principal
 */
export function componentOrder(allocation: readonly AllocationComponent[]): readonly Component[] {
  const listed = [...allocation, ...DEFAULT.filter((c) => !allocation.includes(c))];
  const bases = listed.filter((c): c is Exclude<AllocationComponent, 'iva'> => c !== 'iva');
  const out: Component[] = [];
  for (const c of listed) {
    if (c === 'iva') {
      for (const b of bases) {
        const iva = BASE[b].iva;
        if (iva) out.push(iva);
      }
    } else {
      out.push(BASE[c].part);
    }
  }
  return Object.freeze(out);
}
