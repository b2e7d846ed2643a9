/** Roles and what they may do, as data: a store can tighten them without a code change. */
export type Role = 'cashier' | 'manager' | 'head-office';

export type Permission =
  | 'sale.sell'
  | 'sale.void'
  | 'sale.discount'
  | 'sale.discount.large'
  | 'sale.price-override'
  /** Refund a card (a return, a mistaken charge): money leaves the store. */
  | 'sale.refund'
  | 'receipt.reprint'
  /** Open the cash drawer without a sale ("no sale"): a journal event. */
  | 'drawer.open'
  /** The Devices screen: assign, configure and test the till's devices. */
  | 'till.settings'
  /** Open a cash session with its float, count the drawer at the close. */
  | 'cash.session'
  /** Take cash out of the drawer outside a sale (pay-out, safe drop). */
  | 'cash.move'
  /** X reports, Z reports, fiscal closings, and a variance above the store's limit. */
  | 'cash.report';

export const EVERY_PERMISSION: readonly Permission[] = [
  'sale.sell',
  'sale.void',
  'sale.discount',
  'sale.discount.large',
  'sale.price-override',
  'sale.refund',
  'receipt.reprint',
  'drawer.open',
  'till.settings',
  'cash.session',
  'cash.move',
  'cash.report',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  cashier: ['sale.sell', 'sale.void', 'sale.discount', 'receipt.reprint', 'cash.session'],
  manager: EVERY_PERMISSION,
  'head-office': EVERY_PERMISSION,
};

export type StaffMember = {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  /** What the person's badge carries (scanned on the sign-in screen); staff from the hub may have one. */
  readonly badgeCode?: string;
};

export function can(role: Role, permission: Permission, table = ROLE_PERMISSIONS): boolean {
  return table[role].includes(permission);
}
