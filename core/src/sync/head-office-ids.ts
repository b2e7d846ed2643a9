/**
 * What the hub and the back office both check of head-office input, written once so the page's
 * check never drifts from the hub's: store and till ids, and the head-office roles.
 */

/** Store and till ids are short codes (S001, T01): letters, digits, `_` and `-`; no dot (a device token is `<storeId>.<secret>`). */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isTillId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A store id; "catalog" is reserved for the shared catalog. */
export function isStoreId(value: string): boolean {
  return ID_PATTERN.test(value) && value.toLowerCase() !== 'catalog';
}

/** Head-office roles (issue 13): who may see and change what, in which stores. */
export const OFFICE_ROLES = ['admin', 'regional', 'store-manager', 'accountant'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

/** A till as GET /api/v1/admin/stores/:storeId/tills lists it. */
export type TillSummary = {
  readonly tillId: string;
  readonly label: string | null;
  readonly createdAt: string;
  /** Enrolled once, and every device token it had is revoked: it must be enrolled again. */
  readonly revoked: boolean;
  readonly lastSeenAt: string | null;
  /** The version the till last said it runs (X-Pos-App-Version on its sync requests), null before it said any. */
  readonly appVersion: string | null;
  readonly syncBacklog: {
    /** Fiscal records received but not placed in their chain yet (a gap, or a key not known yet). */
    readonly pendingRecords: number;
    /** Documents of this till the hub refused and kept aside. */
    readonly quarantined: number;
    /** What the till has not pushed yet: only the till knows, so null. */
    readonly unpushed: null;
  };
};
