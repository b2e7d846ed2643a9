import { parseCardCode } from '@pos/core';
import type { OfficeClient } from '../../api/office-client';

/** A card as head office reads it (GET /api/v1/admin/cards/:cardId): balance, totals and newest entries. */
export type CardLedgerView = {
  readonly cardId: string;
  readonly kind: string;
  readonly currency: string;
  readonly status: 'active' | 'cancelled' | 'expired';
  readonly expiresAt?: string;
  readonly customerId?: string;
  readonly available: number;
  readonly reserved: number;
  readonly loaded: number;
  readonly redeemed: number;
  readonly refunded: number;
  readonly expired: number;
  readonly voided: number;
  readonly entries: readonly {
    readonly entryId: string;
    readonly kind: string;
    readonly at: string;
    readonly saleId: string | null;
    readonly tillId: string | null;
  }[];
  readonly more: boolean;
};

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The hub's id of a card from its code, computed in the browser as the hub derives it (the
 * SHA-256 of the grouped code, sync-server/src/ledgers/card-id.ts): the code, a bearer secret,
 * never leaves the page. A code with a typo is refused by its check character first.
 */
export async function cardIdOfCode(code: string): Promise<{ cardId: string } | { refused: string }> {
  const parsed = parseCardCode(code);
  if (!parsed.ok) return { refused: parsed.code };
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parsed.code));
  return { cardId: `card_${hex(digest).slice(0, 32)}` };
}

/** What is typed: a card id as tills and sales name it, or a code. */
export async function cardIdOf(input: string): Promise<{ cardId: string } | { refused: string }> {
  const typed = input.trim();
  if (/^card_[0-9a-f]{32}$/.test(typed)) return { cardId: typed };
  return cardIdOfCode(typed);
}

export function cardsApi(client: OfficeClient) {
  return {
    async get(cardId: string): Promise<CardLedgerView> {
      return (await client.admin('GET', `/cards/${encodeURIComponent(cardId)}?limit=50`)) as CardLedgerView;
    },
  };
}
