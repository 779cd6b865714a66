// The treasury area's sections follow the role's permissions (the runtime checks each request again).
import { describe, expect, it } from 'vitest';
import { seesTreasury, treasurySections } from './sections.ts';

// The treasury permissions of each role (runtime/src/auth/permissions.ts).
const ROLES = {
  admin: ['disbursements:read', 'disbursements:prepare', 'disbursements:approve', 'bank:read', 'bank:import', 'bank:resolve', 'bank:configure'],
  operator: ['disbursements:read', 'disbursements:prepare', 'bank:read', 'bank:import', 'bank:resolve'],
  approver: ['disbursements:read', 'disbursements:approve', 'bank:read'],
  accountant: ['disbursements:read', 'bank:read', 'bank:import'],
  'product-manager': ['products:read', 'reports:read'],
  compliance: ['compliance:review', 'clients:read'],
} as const;
const as = (role: keyof typeof ROLES) => ({ permissions: [...ROLES[role]] });

describe('the treasury sections', () => {
  it('opens to each role what its permissions let it see', () => {
    expect(treasurySections(as('admin')).map((s) => s.href)).toEqual([
      '/tesoreria/estados-de-cuenta',
      '/tesoreria/por-aplicar',
      '/tesoreria/conciliacion',
      '/tesoreria/dispersiones',
      '/tesoreria/referencias',
    ]);
    expect(treasurySections(as('operator')).map((s) => s.href)).toEqual(['/tesoreria/estados-de-cuenta', '/tesoreria/por-aplicar', '/tesoreria/conciliacion', '/tesoreria/dispersiones', '/tesoreria/referencias']);
    expect(treasurySections(as('accountant')).map((s) => s.testid)).toContain('treasury-tab-reconciliation');
    expect(treasurySections({ permissions: ['disbursements:read'] }).map((s) => s.href)).toEqual(['/tesoreria/dispersiones']);
  });
  it('keeps the area out of the navigation of roles with no treasury permission', () => {
    expect(seesTreasury(as('product-manager'))).toBe(false);
    expect(seesTreasury(as('compliance'))).toBe(false);
    expect(seesTreasury(as('approver'))).toBe(true);
    expect(seesTreasury(null)).toBe(false);
  });
});
