import { productCodeProblem } from '@plazo/dsl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canCreateProducts, inDisplayOrder, suggestCode, templateDescription } from './new-product.ts';

describe('new product form', () => {
  it('suggests a code from the name', () => {
    expect(suggestCode('Nómina Quincenal 2026')).toBe('nomina_quincenal_2026');
    expect(suggestCode('  Crédito "Ñandú" — PyME ')).toBe('credito_nandu_pyme');
    expect(suggestCode('2026 nómina')).toBe('p_2026_nomina');
    expect(suggestCode('¿?')).toBe('');
  });

  it('suggests a code the language accepts, whatever the name (unless a keyword, which the runtime refuses)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (name) => {
        const code = suggestCode(name);
        if (code === '') return;
        const problem = productCodeProblem(code);
        expect(problem === undefined || /keyword/.test(problem)).toBe(true);
      }),
    );
  });

  it('lets create products the roles that change whole drafts', () => {
    expect(canCreateProducts({ permissions: ['products:write'], editableSections: 'all' })).toBe(true);
    expect(canCreateProducts({ permissions: ['products:write'], editableSections: ['eligibility', 'scorecard', 'test'] })).toBe(false);
    expect(canCreateProducts({ permissions: ['products:read'], editableSections: [] })).toBe(false);
    expect(canCreateProducts(null)).toBe(false);
  });
});

describe('template descriptions', () => {
  it('in the interface language for the known templates, the template\'s own doc otherwise', () => {
    expect(templateDescription('en', { id: 'nomina', description: 'Préstamo…' })).toBe('Fixed semimonthly payments the employer deducts from the payroll.');
    expect(templateDescription('es', { id: 'otro', description: 'El doc del archivo' })).toBe('El doc del archivo');
  });
});

describe('template order', () => {
  it('payroll first, then the others as the issue lists them, unknown ones last by id', () => {
    const ids = ['adelanto_nomina', 'capital_trabajo', 'zeta', 'financiamiento_tienda', 'alfa', 'microcredito_grupal', 'nomina'];
    expect(inDisplayOrder(ids.map((id) => ({ id }))).map((t) => t.id)).toEqual(['nomina', 'adelanto_nomina', 'microcredito_grupal', 'capital_trabajo', 'financiamiento_tienda', 'alfa', 'zeta']);
  });
});
