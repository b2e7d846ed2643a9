import { FRENCH_VAT_RATES, type VatRate } from '@pos/core';
import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import type { Queryable } from '../db/database';

/**
 * The VAT rates a catalog product may name: the French rates in force, and every rate of a
 * store's settings (a chain with a store abroad adds its country's rates there first).
 */
export async function knownVatRates(db: Queryable): Promise<VatRate[]> {
  const rows = await db.query<{ rate: Partial<VatRate> }>(
    `SELECT r.value AS rate
       FROM store_docs d, jsonb_array_elements(CASE WHEN jsonb_typeof(d.doc -> 'vatRates') = 'array' THEN d.doc -> 'vatRates' ELSE '[]'::jsonb END) r
      WHERE d.collection = 'store_settings' AND d.id = $1 AND NOT d.deleted`,
    [STORE_SETTINGS_DOC_ID],
  );
  const rates = new Map<string, VatRate>(FRENCH_VAT_RATES.map((r) => [r.id, r]));
  for (const { rate } of rows) {
    if (typeof rate.id === 'string' && Number.isSafeInteger(rate.rateBp) && !rates.has(rate.id)) {
      rates.set(rate.id, {
        id: rate.id,
        rateBp: rate.rateBp as number,
        code: String(rate.code ?? ''),
        label: String(rate.label ?? rate.id),
      });
    }
  }
  return [...rates.values()];
}
