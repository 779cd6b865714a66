// Roles and what each may do: the permission table of runtime/README.md, as data. Every route
// names the one permission it needs (`requirePermission`).
import type { RoleName } from '../db/tables/columns.ts';
import type { PartKind } from '@plazo/dsl/parts';

export const ROLES = ['admin', 'product-manager', 'risk-analyst', 'approver', 'operator', 'api-client', 'compliance', 'accountant'] as const satisfies readonly RoleName[];

export const PERMISSIONS = [
  'products:read',
  'products:write',
  'products:publish',
  'products:retire',
  'decisions:read',
  'decisions:write',
  'quotes:read',
  'loans:read',
  'loans:write',
  'loans:import',
  'payments:write',
  'payments:reverse',
  'loans:restructure',
  'loans:write-off',
  'ledger:read',
  'reports:read',
  'collections:read',
  'collections:write',
  'audit:read',
  'users:admin',
  'api-keys:admin',
  'clients:read-pii',
  'clients:read',
  'clients:read-identity',
  'clients:read-contact',
  'clients:read-kyc',
  'clients:read-documents',
  'clients:write',
  'compliance:review',
  'watchlists:write',
  'compliance:policy',
  'compliance:report-internal',
  'applications:read',
  'applications:review',
  'accounting:read',
  'accounting:post-manual',
  'accounting:approve-manual',
  'accounting:close-period',
  'disbursements:read',
  'disbursements:prepare',
  'disbursements:approve',
  'bank:read',
  'bank:import',
  'bank:resolve',
  'bank:configure',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Who may do what. `admin` may do everything. */
export const ROLE_PERMISSIONS: Readonly<Record<RoleName, readonly Permission[]>> = {
  admin: PERMISSIONS,
  'product-manager': ['products:read', 'products:write', 'products:retire', 'decisions:read', 'quotes:read', 'loans:read', 'reports:read'],
  'risk-analyst': ['products:read', 'products:write', 'decisions:read', 'quotes:read', 'loans:read', 'ledger:read', 'reports:read', 'collections:read'],
  // Personal data by field group (clients/field-groups.ts): `clients:read` is who the client is;
  // identity, contact and KYC each their own permission; `clients:read-pii` all of them;
  // `clients:read-documents` lists and downloads the KYC documents (ID, proof of address…).
  // The approver reviews applications: who the person is and their KYC file, not how to reach them.
  approver: ['products:read', 'products:publish', 'decisions:read', 'applications:read', 'applications:review', 'quotes:read', 'loans:read', 'loans:write-off', 'ledger:read', 'reports:read', 'collections:read', 'clients:read', 'clients:read-identity', 'clients:read-kyc', 'clients:read-documents', 'compliance:report-internal', 'disbursements:read', 'disbursements:approve', 'bank:read'],
  // The operator registers clients and works collections: it captures (and so reads) every group.
  operator: ['products:read', 'decisions:read', 'decisions:write', 'applications:read', 'quotes:read', 'loans:read', 'loans:write', 'payments:write', 'payments:reverse', 'loans:restructure', 'ledger:read', 'reports:read', 'collections:read', 'collections:write', 'clients:read', 'clients:read-identity', 'clients:read-contact', 'clients:read-kyc', 'clients:read-documents', 'clients:write', 'compliance:report-internal', 'disbursements:read', 'disbursements:prepare', 'bank:read', 'bank:import', 'bank:resolve'],
  'api-client': ['products:read', 'decisions:read', 'decisions:write', 'applications:read', 'quotes:read', 'loans:read', 'loans:write', 'payments:write', 'clients:read', 'clients:read-pii', 'clients:read-documents', 'clients:write', 'disbursements:read', 'bank:read', 'bank:import'],
  // The compliance officer (PLD): uploads watchlists, reviews screening hits, sees the clients they name.
  compliance: ['products:read', 'decisions:read', 'loans:read', 'reports:read', 'clients:read', 'clients:read-pii', 'clients:read-documents', 'compliance:review', 'watchlists:write', 'compliance:policy', 'compliance:report-internal'],
  // The accountant (contador): the books, statements and SAT files; proposes manual entries and
  // closes periods. A manual entry is approved by another holder of `accounting:approve-manual`.
  // Money in and out (issue 16): the operator prepares disbursement batches and works the bank
  // statements (imports them, resolves the exceptions); an approver releases a batch (another
  // person than its maker); the accountant imports statements and reads the reconciliation;
  // integrations (api-client) push statements. Bank accounts, layouts and the payment reference
  // scheme (`bank:configure`) are the admin's.
  accountant: ['loans:read', 'ledger:read', 'reports:read', 'accounting:read', 'accounting:post-manual', 'accounting:approve-manual', 'accounting:close-period', 'disbursements:read', 'bank:read', 'bank:import'],
};

/** True when `role` carries `permission`. */
export function roleHasPermission(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * The parts of a product a role may change when it saves a draft, for roles that hold
 * `products:write` but not over the whole text: a risk analyst tunes eligibility and the
 * scorecard and keeps the tests in step; pricing, limits, fees, the offer, collection and the
 * header stay as the product manager left them. Roles not listed change every part.
 */
export const DRAFT_SECTION_LIMITS: Readonly<Partial<Record<RoleName, readonly PartKind[]>>> = {
  'risk-analyst': ['eligibility', 'scorecard', 'test'],
};

/** What `role` may change in a draft: `all`, these parts, or none (`[]`, without `products:write`). */
export function editableSectionsFor(role: RoleName): 'all' | readonly PartKind[] {
  if (!roleHasPermission(role, 'products:write')) return [];
  return DRAFT_SECTION_LIMITS[role] ?? 'all';
}
