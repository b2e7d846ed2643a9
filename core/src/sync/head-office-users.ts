import type { OfficeRole } from './head-office-ids';

/**
 * Wire shapes of the hub's users and audit routes (issue 13), for the hub and the back office:
 * GET /api/v1/office/me, GET /api/v1/admin/users, GET /api/v1/admin/audit (and /api/v1/office/audit).
 */

/** A signed-in head-office user as access decisions see it. */
export type OfficeUser = {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: OfficeRole;
  /** The stores the user covers (an admin covers every store whatever this says). */
  readonly stores: readonly string[];
  readonly staffId: string | null;
  readonly mustChangePassword: boolean;
  readonly totpEnabled: boolean;
};

/** A user as head office lists them: never the password hash nor the TOTP secret. */
export type OfficeUserInfo = OfficeUser & {
  readonly disabled: boolean;
  readonly lockedUntil: string | null;
  readonly createdAt: string;
  /** The last successful sign-in, null if never. */
  readonly lastSignInAt: string | null;
};

/** An entry of the audit log: who (`actorKind` user, token, key or cli; `actor` in words), what, before and after (secrets left out). */
export type AuditLogEntry = {
  readonly id: number;
  readonly at: string;
  readonly actorKind: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly storeId: string | null;
  readonly before: unknown;
  readonly after: unknown;
};

/**
 * What a head-office user may do (issue 13). The hub decides with these (sync-server/src/office/access.ts:
 * each admin route maps to one, store actions need a store the user covers); the back office offers
 * an API key's scopes from them.
 */
export const OFFICE_ACTIONS = [
  /** A store's reads: closings, chains and breaks, staff, roles, settings… */
  'store.read',
  /** A store's signed fiscal archive. */
  'store.archive',
  /** A store's staff, PINs and role tightening. */
  'store.staff',
  /** A store's settings. */
  'store.settings',
  /** A store's stock movements (counts, goods received). */
  'store.stock',
  /** Chain-wide, read only: the catalog (products, categories, VAT rates) that managers sell from. */
  'catalog.read',
  /** Chain-wide: catalog, stores, tills, enrollment, admin tokens, users, chain-wide reports. */
  'chain.admin',
  /** The audit log. */
  'audit.read',
] as const;
export type OfficeAction = (typeof OFFICE_ACTIONS)[number];

/** The actions of each role (where: the user's stores, or every store for administrators). */
export const ROLE_ACTIONS: Readonly<Record<OfficeRole, readonly OfficeAction[]>> = {
  admin: OFFICE_ACTIONS,
  regional: ['store.read', 'store.archive', 'store.staff', 'store.settings', 'store.stock', 'catalog.read'],
  'store-manager': ['store.read', 'store.archive', 'store.staff', 'store.stock', 'catalog.read'],
  accountant: ['store.read', 'store.archive'],
};
