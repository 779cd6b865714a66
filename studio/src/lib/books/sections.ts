// The accounting area's sections and who sees each (the runtime checks every request again).
import { can, type Me } from '../api/client.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface BooksSection {
  readonly href: string;
  readonly label: MessageKey;
  readonly testid: string;
}

const SECTIONS: readonly (BooksSection & { readonly permissions: readonly string[] })[] = [
  { href: '/contabilidad', label: 'books.tab.balance', testid: 'books-tab-balance', permissions: ['accounting:read', 'ledger:read'] },
  { href: '/contabilidad/resultados', label: 'books.tab.income', testid: 'books-tab-income', permissions: ['accounting:read', 'ledger:read'] },
  { href: '/contabilidad/diario', label: 'books.tab.journal', testid: 'books-tab-journal', permissions: ['ledger:read'] },
  { href: '/contabilidad/polizas', label: 'books.tab.manual', testid: 'books-tab-manual', permissions: ['accounting:read'] },
  { href: '/contabilidad/periodos', label: 'books.tab.periods', testid: 'books-tab-periods', permissions: ['accounting:read'] },
];

/** The sections `me` may open (any one of a section's permissions is enough). */
export function booksSections(me: Pick<Me, 'permissions'> | null | undefined): BooksSection[] {
  return SECTIONS.filter((s) => s.permissions.some((p) => can(me, p))).map(({ href, label, testid }) => ({ href, label, testid }));
}

/** Whether the accounting area shows in the navigation. */
export function seesBooks(me: Pick<Me, 'permissions'> | null | undefined): boolean {
  return can(me, 'accounting:read') || can(me, 'ledger:read');
}
