// The treasury area's sections (money in and out, issue 16) and who sees each (the runtime checks
// every request again).
import { can, type Me } from '../api/client.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface TreasurySection {
  readonly href: string;
  readonly label: MessageKey;
  readonly testid: string;
}

const SECTIONS: readonly (TreasurySection & { readonly permissions: readonly string[] })[] = [
  { href: '/tesoreria/estados-de-cuenta', label: 'treasury.tab.statements', testid: 'treasury-tab-statements', permissions: ['bank:read', 'bank:import'] },
  { href: '/tesoreria/por-aplicar', label: 'treasury.tab.exceptions', testid: 'treasury-tab-exceptions', permissions: ['bank:read'] },
  { href: '/tesoreria/conciliacion', label: 'treasury.tab.reconciliation', testid: 'treasury-tab-reconciliation', permissions: ['bank:read'] },
  { href: '/tesoreria/dispersiones', label: 'treasury.tab.disbursements', testid: 'treasury-tab-disbursements', permissions: ['disbursements:read'] },
  { href: '/tesoreria/referencias', label: 'treasury.tab.references', testid: 'treasury-tab-references', permissions: ['bank:read', 'bank:configure'] },
];

/** The sections `me` may open (any one of a section's permissions is enough). */
export function treasurySections(me: Pick<Me, 'permissions'> | null | undefined): TreasurySection[] {
  return SECTIONS.filter((s) => s.permissions.some((p) => can(me, p))).map(({ href, label, testid }) => ({ href, label, testid }));
}

/** Whether the treasury area shows in the navigation. */
export function seesTreasury(me: Pick<Me, 'permissions'> | null | undefined): boolean {
  return treasurySections(me).length > 0;
}
