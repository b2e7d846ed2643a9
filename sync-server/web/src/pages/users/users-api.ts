import { isStoreId, type AuditLogEntry, type OfficeUserInfo } from '@pos/core';
import type { OfficeClient, OfficeRole } from '../../api/office-client';
import { listStores, type StoreChoice } from '../stores/stores-api';

/** A head-office user as GET /api/v1/admin/users lists them, an audit log entry: core's wire shapes. */
export type { AuditLogEntry as AuditEntry, OfficeUserInfo, StoreChoice };

export type NewUser = {
  readonly email: string;
  readonly displayName?: string;
  readonly role: OfficeRole;
  readonly stores: readonly string[];
};
export type UserChange = {
  readonly role?: OfficeRole;
  readonly stores?: readonly string[];
  readonly disabled?: boolean;
  readonly resetTotp?: boolean;
};
/** A user with the one-time password the hub made: shown once, never kept by the page. */
export type WithPassword = { readonly user: OfficeUserInfo; readonly oneTimePassword: string };

/** The audit log's filters as typed: dates are the browser's calendar days (yyyy-mm-dd), `to` included. */
export type AuditFilters = { readonly actor: string; readonly action: string; readonly from: string; readonly to: string };
export const NO_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' };
export const AUDIT_PAGE = 50;
/** The hub's bounds (sync-server/src/office/users.ts, audit.ts). */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;
export const MAX_FILTER_LENGTH = 254;

const userPath = (userId: string) => `/users/${encodeURIComponent(userId)}`;

/** Midnight starting a calendar day in the browser's time zone, as the hub's instant; `next`: the day after. */
function dayStart(day: string, next = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (next ? 1 : 0));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The filters as the hub reads them (GET /api/v1/admin/audit, its list and its export): empty ones left out. */
export function auditParams(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  const actor = filters.actor.trim().slice(0, MAX_FILTER_LENGTH);
  const action = filters.action.trim().slice(0, MAX_FILTER_LENGTH);
  const from = dayStart(filters.from);
  const to = dayStart(filters.to, true);
  if (actor) params.actor = actor;
  if (action) params.action = action;
  if (from) params.from = from;
  if (to) params.to = to;
  return params;
}

/** The query of GET /api/v1/admin/audit for these filters and page (`before`: the previous page's `next`). */
export function auditQuery(filters: AuditFilters, before: number | null, limit = AUDIT_PAGE): string {
  const query = new URLSearchParams({ limit: String(limit), ...(before === null ? {} : { before: String(before) }) });
  for (const [name, value] of Object.entries(auditParams(filters))) query.set(name, value);
  return query.toString();
}

/** The store ids typed in a field (commas or spaces between them), or null when one is not a store id. */
export function parseStores(text: string): string[] | null {
  const ids = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  return ids.every(isStoreId) ? ids : null;
}

/** What the hub would refuse about a role's stores, as the key of the words saying it (null: fine). */
export function storesProblem(role: OfficeRole, stores: readonly string[]): string | null {
  if (role === 'admin') return stores.length > 0 ? 'users.storesAdmin' : null;
  if (role === 'store-manager') return stores.length === 1 ? null : 'users.storesOne';
  return stores.length > 0 ? null : 'users.storesSome';
}

/** The users routes (sync-server/src/http/user-routes.ts) and the audit log, typed for the page. */
export function usersApi(client: OfficeClient) {
  return {
    async list(): Promise<OfficeUserInfo[]> {
      return ((await client.admin('GET', '/users')) as { users: OfficeUserInfo[] }).users;
    },
    async create(user: NewUser): Promise<WithPassword> {
      return (await client.admin('POST', '/users', user)) as WithPassword;
    },
    async update(userId: string, change: UserChange): Promise<OfficeUserInfo> {
      return (await client.admin('PATCH', userPath(userId), change)) as OfficeUserInfo;
    },
    async resetPassword(userId: string): Promise<WithPassword> {
      return (await client.admin('POST', `${userPath(userId)}/password-reset`)) as WithPassword;
    },
    /** The chain's stores, to pick a user's from. */
    stores: () => listStores(client),
    async audit(filters: AuditFilters, before: number | null): Promise<{ entries: AuditLogEntry[]; next: number | null }> {
      return (await client.admin('GET', `/audit?${auditQuery(filters, before)}`)) as { entries: AuditLogEntry[]; next: number | null };
    },
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
