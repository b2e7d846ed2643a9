import { serviceNoteRequired } from './service-note';

/**
 * How a store hands out receipts. Since August 2023 (loi AGEC, décret 2023-1221) a French till
 * prints a receipt only when the customer asks: `ask` (the default) has the cashier ask after
 * each sale; `always` prints as before (a store outside that rule); `never` prints nothing unless
 * the cashier asks for paper, which the customer may always do.
 */
export type PaperReceiptPolicy = 'ask' | 'always' | 'never';

export const PAPER_RECEIPT_POLICIES: readonly PaperReceiptPolicy[] = ['ask', 'always', 'never'];

export type ReceiptSettings = {
  readonly paper: PaperReceiptPolicy;
  /**
   * Where customers' phones reach the hub (https://hub.example.com/): digital receipt links start
   * there. Unset, the till links to the hub it syncs with, which suits a hub on the store's network.
   */
  readonly digitalBaseUrl?: string;
};

export const DEFAULT_RECEIPT_SETTINGS: ReceiptSettings = { paper: 'ask' };

/**
 * The paper rule a ticket follows: a sale the store's (`ask`, `always`, `never`), a return's credit
 * note ("AVOIR - RETOUR") always, whatever the store says: the customer leaves with proof that the
 * goods came back and the money went out. A sale whose services (`serviceAmount`, minor units TTC,
 * net of discounts: service-note.ts) reach 25 € always gets its note too (arrêté n° 83-50/A du
 * 3 octobre 1983); below, the store's policy.
 */
export function paperRuleFor(kind: 'sale' | 'return', settings: ReceiptSettings, serviceAmount = 0): PaperReceiptPolicy {
  if (kind === 'return' || serviceNoteRequired(serviceAmount)) return 'always';
  return settings.paper;
}

/** A store profile without receipt settings (one made before they existed) follows the law's default. */
export function receiptSettingsOf(profile: { readonly receipt?: ReceiptSettings }): ReceiptSettings {
  return profile.receipt ?? DEFAULT_RECEIPT_SETTINGS;
}

/** What is wrong with receipt settings from a file or the hub, in words for the one who wrote them; null when right. */
export function receiptSettingsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'an object { paper, digitalBaseUrl? }';
  const { paper, digitalBaseUrl, ...rest } = value as Record<string, unknown>;
  if (!PAPER_RECEIPT_POLICIES.includes(paper as PaperReceiptPolicy)) return 'paper: ask, always or never';
  if (digitalBaseUrl !== undefined && (typeof digitalBaseUrl !== 'string' || !/^https?:\/\/[^\s/]+/.test(digitalBaseUrl))) {
    return 'digitalBaseUrl: an http(s) address';
  }
  const extra = Object.keys(rest);
  return extra.length > 0 ? `no other field (${extra.join(', ')})` : null;
}
