import { ROLE_ACTIONS, type OfficeAction } from '@pos/core';
import type { OfficeClient, OfficeRole } from '../../api/office-client';

/** What a key may be allowed: the hub's actions (core's list, as the hub decides with it), in that order. */
export type KeyScope = OfficeAction;

/** The actions the role has at the hub: a key never gets more, the hub refuses it. */
export function scopesFor(role: OfficeRole): readonly KeyScope[] {
  return ROLE_ACTIONS[role];
}

/** The hub's bounds (sync-server/src/office/api-keys.ts). */
export const MAX_KEY_LABEL_LENGTH = 200;
export const MAX_KEY_DAYS = 366;
export const MAX_KEY_STORES = 100;

export type ApiKeyInfo = {
  readonly keyId: string;
  readonly label: string;
  readonly scopes: readonly string[];
  readonly stores: readonly string[] | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
};

export type NewApiKey = {
  readonly label: string;
  readonly scopes: readonly KeyScope[];
  readonly stores?: readonly string[];
  readonly expiresAt: string;
};

/** A calendar day (yyyy-mm-dd) as the instant the key expires: the end of that day in the browser's time zone. */
export function expiryOf(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/** Is `expiresAt` within what the hub takes: later than now, at most MAX_KEY_DAYS ahead? */
export function expiryAllowed(expiresAt: string, now = Date.now()): boolean {
  const at = Date.parse(expiresAt);
  return at > now && at <= now + MAX_KEY_DAYS * 86_400_000;
}

/** yyyy-mm-dd of the day `days` from today, in the browser's time zone (the form's bounds and default). */
export function dayFromToday(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The signed-in user's API keys (sync-server/src/http/api-key-routes.ts). */
export function apiKeysApi(client: OfficeClient) {
  return {
    async list(): Promise<ApiKeyInfo[]> {
      return ((await client.office('GET', '/api-keys')) as { keys: ApiKeyInfo[] }).keys;
    },
    async create(key: NewApiKey): Promise<{ key: ApiKeyInfo; secret: string }> {
      return (await client.office('POST', '/api-keys', key)) as { key: ApiKeyInfo; secret: string };
    },
    async revoke(keyId: string): Promise<ApiKeyInfo> {
      return ((await client.office('DELETE', `/api-keys/${encodeURIComponent(keyId)}`)) as { key: ApiKeyInfo }).key;
    },
  };
}

export type ApiKeysApi = ReturnType<typeof apiKeysApi>;
