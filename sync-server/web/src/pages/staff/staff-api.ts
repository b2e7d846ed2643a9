import type { OfficeClient } from '../../api/office-client';

/** The chain roles a store's staff may have (core STORE_ROLES), in the order the forms offer them. */
export const STAFF_ROLES = ['cashier', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type StaffMember = {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: string;
  readonly badgeCode: string | null;
  readonly disabled: boolean;
};

/** Each role's permissions: what the chain gives it and what this store keeps of them. */
export type StoreRoles = {
  readonly chain: Readonly<Record<string, readonly string[]>>;
  readonly roles: Readonly<Record<string, readonly string[]>>;
};

export type NewStaff = { readonly displayName: string; readonly role: StaffRole; readonly pin: string; readonly badgeCode?: string };

const storePath = (storeId: string) => `/stores/${encodeURIComponent(storeId)}`;
const personPath = (storeId: string, staffId: string) => `${storePath(storeId)}/staff/${encodeURIComponent(staffId)}`;

/** The staff routes of sync-server/src/http/staff-routes.ts, typed for the pages. */
export function staffApi(client: OfficeClient) {
  return {
    async list(storeId: string): Promise<StaffMember[]> {
      const answer = (await client.admin('GET', `${storePath(storeId)}/staff`)) as { staff: StaffMember[] };
      return answer.staff;
    },
    async add(storeId: string, person: NewStaff): Promise<StaffMember> {
      return (await client.admin('POST', `${storePath(storeId)}/staff`, person)) as StaffMember;
    },
    async update(
      storeId: string,
      staffId: string,
      change: { readonly role?: StaffRole; readonly disabled?: boolean },
    ): Promise<StaffMember> {
      return (await client.admin('PATCH', personPath(storeId, staffId), change)) as StaffMember;
    },
    async setPin(storeId: string, staffId: string, pin: string): Promise<void> {
      await client.admin('PUT', `${personPath(storeId, staffId)}/pin`, { pin });
    },
    async roles(storeId: string): Promise<StoreRoles> {
      return (await client.admin('GET', `${storePath(storeId)}/roles`)) as StoreRoles;
    },
    async setRoles(storeId: string, roles: Readonly<Record<string, readonly string[]>>): Promise<StoreRoles> {
      return (await client.admin('PUT', `${storePath(storeId)}/roles`, { roles })) as StoreRoles;
    },
  };
}

export type StaffApi = ReturnType<typeof staffApi>;

/** A PIN the hub accepts: 4 to 6 digits. */
export function isPin(value: string): boolean {
  return /^[0-9]{4,6}$/.test(value);
}
