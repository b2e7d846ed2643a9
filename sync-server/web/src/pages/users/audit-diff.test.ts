import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

describe('an audit entry read field by field', () => {
  it('names the fields that changed, nested ones by their path, and counts the others', () => {
    const before = { email: 'a@x.fr', role: 'regional', stores: ['S1', 'S2'], disabled: false, roles: { cashier: ['sale.sell'] } };
    const after = {
      email: 'a@x.fr',
      role: 'store-manager',
      stores: ['S1'],
      disabled: false,
      roles: { cashier: ['sale.sell', 'sale.void'] },
    };
    expect(auditDiff(before, after)).toEqual({
      changed: [
        { field: 'role', before: 'regional', after: 'store-manager' },
        { field: 'stores', before: 'S1, S2', after: 'S1' },
        { field: 'roles.cashier', before: 'sale.sell', after: 'sale.sell, sale.void' },
      ],
      unchanged: 2,
    });
  });

  it('shows a creation (no before) and a route’s body (no state before) as fields set', () => {
    expect(auditDiff(null, { displayName: 'Julie', pin: '[redacted]' }).changed).toEqual([
      { field: 'displayName', before: undefined, after: 'Julie' },
      { field: 'pin', before: undefined, after: '[redacted]' },
    ]);
    expect(auditDiff(null, null)).toEqual({ changed: [], unchanged: 0 });
  });
});
