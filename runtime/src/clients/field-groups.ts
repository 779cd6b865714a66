// Personal data by field group (issue 14: "only roles that need it read it, a permission per
// field group"): a client's record is read with `clients:read` (who the client is: kind, names,
// ids and dates of the record), and each group of personal fields with its own permission —
// identity (birth facts, nationality, CURP, RFC), contact (phones, email, address) and KYC/PLD
// (occupation, PEP, own account, beneficial owner, and the disbursement account: the CLABE the
// client's loans are paid into is a financial fact of the KYC file — whoever reviews or prepares a
// disbursement reads it, not whoever only needs to reach the client). `clients:read-pii` is every group (as before
// the groups existed). A group the caller may not read is left out of the record, and named in
// its `redacted` list. runtime/README.md has the table of roles and groups.
import { roleHasPermission, type Permission } from '../auth/permissions.ts';
import type { RoleName } from '../db/tables/columns.ts';

export const FIELD_GROUPS = {
  identity: ['birthDate', 'birthState', 'sex', 'nationality', 'curp', 'rfc'],
  contact: ['email', 'phone', 'phones', 'address'],
  kyc: ['occupation', 'pep', 'ownAccount', 'beneficialOwner', 'disbursementAccount'],
} as const;

export type FieldGroup = keyof typeof FIELD_GROUPS;
export const FIELD_GROUP_NAMES = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** The permission that reads each group (besides `clients:read-pii`, which reads them all). */
export const GROUP_PERMISSION: Readonly<Record<FieldGroup, Permission>> = {
  identity: 'clients:read-identity',
  contact: 'clients:read-contact',
  kyc: 'clients:read-kyc',
};

/** The groups `role` may read. */
export function readableGroups(role: RoleName): FieldGroup[] {
  if (roleHasPermission(role, 'clients:read-pii')) return [...FIELD_GROUP_NAMES];
  return FIELD_GROUP_NAMES.filter((g) => roleHasPermission(role, GROUP_PERMISSION[g]));
}

/**
 * The record without the groups not in `readable`, with `redacted` naming them (empty when
 * nothing was left out).
 * @example redactClient({ id, curp: 'HEGG…', email: 'g@x.mx' }, ['identity']) // { id, curp: 'HEGG…', redacted: ['contact', 'kyc'] }
 */
export function redactClient<T extends object>(client: T, readable: readonly FieldGroup[]): Omit<T, 'redacted'> & { redacted: FieldGroup[] } {
  const redacted = FIELD_GROUP_NAMES.filter((g) => !readable.includes(g));
  const hidden = new Set<string>(redacted.flatMap((g) => FIELD_GROUPS[g]));
  const out = Object.fromEntries(Object.entries(client).filter(([k]) => !hidden.has(k)));
  return { ...(out as Omit<T, 'redacted'>), redacted };
}

/** The fields of the groups not readable: a search filter on one of them needs its group. */
export function groupOfSearchFilter(filter: 'curp' | 'rfc' | 'phone'): FieldGroup {
  return filter === 'phone' ? 'contact' : 'identity';
}

/** Is a field path (`curp`, `address.postalCode`, `phones[1]`, `beneficialOwner.curp`) in `group`? */
export function isInGroup(path: string, group: FieldGroup): boolean {
  const field = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  return (FIELD_GROUPS[group] as readonly string[]).includes(field);
}
