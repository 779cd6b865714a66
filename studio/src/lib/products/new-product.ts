// The "Nuevo producto" form's own logic: who may create a product (the roles whose draft rights
// are the whole product, as the runtime says in `/auth/me`), and a code suggested from the name
// as the user types it. The code's rule is the language's: the runtime checks it (422 naming
// `code`), the suggestion only spares typing.
import type { Me, ProductTemplate } from '../api/client.ts';
import { catalog, type Locale, type MessageKey } from '../i18n/messages.ts';

/** True when the caller may create products: `products:write` over every part of a draft. */
export function canCreateProducts(me: Pick<Me, 'permissions' | 'editableSections'> | null | undefined): boolean {
  return (me?.permissions.includes('products:write') ?? false) && (me?.editableSections ?? 'all') === 'all';
}

/**
 * A product code for a name: lowercase ASCII letters, digits and `_` (accents dropped, other
 * characters as `_`), starting with a letter, at most 64 characters.
 * @example suggestCode('Nómina Quincenal 2026') // 'nomina_quincenal_2026'
 */
export function suggestCode(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let code = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (/^[0-9]/.test(code)) code = `p_${code}`;
  return code.slice(0, 64).replace(/_+$/, '');
}

/** A template's one-line description in the interface language; the template's own `doc` for one the studio does not know. */
export function templateDescription(locale: Locale, template: Pick<ProductTemplate, 'id' | 'description'>): string {
  const key = `template.${template.id}`;
  return Object.hasOwn(catalog[locale], key) ? catalog[locale][key as MessageKey] : template.description;
}

/** The templates as the form shows them: the most common product first. */
const DISPLAY_ORDER = ['nomina', 'adelanto_nomina', 'microcredito_grupal', 'capital_trabajo', 'financiamiento_tienda'];

export function inDisplayOrder<T extends { readonly id: string }>(templates: readonly T[]): T[] {
  const rank = (id: string) => (DISPLAY_ORDER.includes(id) ? DISPLAY_ORDER.indexOf(id) : DISPLAY_ORDER.length);
  return [...templates].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
