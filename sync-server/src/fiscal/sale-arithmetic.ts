import { demoStoreProfile, isSaleV1, saleRuleProblems, type SaleProblem, type SaleRules, type SealedRecord } from '@pos/core';
import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';
import { salePromotionIssues, type HubPromotions } from './sale-promotions';

/**
 * A store's rules for sales, without a till's identity (each sale is checked with its own store and
 * till), and the promotions the hub holds when the checker has read them (the chain verifier does).
 */
export type StoreSaleRules = Omit<SaleRules, 'storeId' | 'tillId'> & { readonly promotions?: HubPromotions };

/**
 * The store's rules from its settings at the hub (store_settings/profile: currency, VAT rates
 * with their periods, cash rounding, time zone and business day start for version 1 sales' business
 * dates). A store whose settings the hub does not hold is checked against the rules a till uses
 * without settings (core's demo profile: EUR, the French rates, no cash rounding, Paris, days from
 * midnight), which is what its tills sealed with.
 */
export async function loadSaleRules(tx: Queryable, storeId: string): Promise<StoreSaleRules> {
  const defaults = demoStoreProfile();
  const [row] = await tx.query<{ currency: unknown; vat_rates: unknown; cash_rounding: unknown; time_zone: unknown; day_start: unknown }>(
    `SELECT doc -> 'currency' AS currency, doc -> 'vatRates' AS vat_rates, doc -> 'cashRounding' AS cash_rounding,
            doc -> 'timeZone' AS time_zone, doc -> 'dayStartHour' AS day_start
       FROM store_docs WHERE store_id = $1 AND collection = 'store_settings' AND id = $2 AND NOT deleted`,
    [storeId, STORE_SETTINGS_DOC_ID],
  );
  return {
    currency: typeof row?.currency === 'string' ? row.currency : defaults.currency,
    vatRates: Array.isArray(row?.vat_rates) ? (row.vat_rates as SaleRules['vatRates']) : defaults.vatRates,
    cashRounding:
      typeof row?.cash_rounding === 'object' && row.cash_rounding !== null
        ? (row.cash_rounding as SaleRules['cashRounding'])
        : defaults.cashRounding,
    timeZone: typeof row?.time_zone === 'string' ? row.time_zone : defaults.timeZone,
    dayStartHour: typeof row?.day_start === 'number' ? row.day_start : (defaults.dayStartHour ?? 0),
  };
}

/**
 * The sale's figures re-checked at the hub with the function the till host ran before sealing
 * it (core's validateSale, the record's shape being verified already): lines, totals, VAT
 * breakdown with the rates in force when it completed, tenders, rounding, this store and till;
 * then its promotions' discounts against the rules the hub holds (sale-promotions.ts).
 */
export function saleArithmeticProblems(record: SealedRecord<'sale'>, rules: StoreSaleRules): SaleProblem[] {
  try {
    const { promotions, ...saleRules } = rules;
    const problems = saleRuleProblems(record.payload, { ...saleRules, storeId: record.storeId, tillId: record.tillId });
    // The promotions once the figures hold (a forged figure is named as such first).
    if (problems.length > 0 || !promotions || !isSaleV1(record.payload)) return problems;
    return salePromotionIssues(record.payload, promotions, rules.timeZone ?? demoStoreProfile().timeZone);
  } catch (error) {
    // Settings the tills could not have sealed with either: said as such, never a stalled verifier.
    return [
      { code: 'shape', message: `the store's rules could not be applied: ${String((error as Error)?.message ?? error).slice(0, 200)}` },
    ];
  }
}

export type InvalidSale = {
  readonly tillId: string;
  readonly docId: string;
  readonly seq: number;
  readonly problems: readonly SaleProblem[];
};

/**
 * A sale whose chain is sound but whose figures are not: an `invalid_sale` incident for head
 * office with its problems and the exact sealed record, copied by the database from the stored
 * sale. Never projected (it does not enter the verified feed). Keyed by the sale: recorded once.
 */
export async function recordInvalidSales(tx: Queryable, storeId: string, sales: readonly InvalidSale[]): Promise<void> {
  if (sales.length === 0) return;
  const rows = sales.map((s) => ({
    incident_id: sha256Hex(`invalid_sale\nsales\n${s.docId}`),
    doc_id: s.docId,
    till_id: s.tillId,
    seq: s.seq,
    problems: s.problems.slice(0, 20),
  }));
  await tx.query(
    `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     SELECT d.store_id, r.incident_id, 'invalid_sale', 'sales', d.id, r.till_id,
            jsonb_build_object('seq', r.seq, 'message', 'The sale''s figures do not add up: it is kept, never projected',
                               'problems', r.problems, 'record', d.doc -> 'record')
       FROM jsonb_to_recordset($2::jsonb) AS r(incident_id text, doc_id text, till_id text, seq int8, problems jsonb)
       JOIN store_docs d ON d.store_id = $1 AND d.collection = 'sales' AND d.id = r.doc_id
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    [storeId, JSON.stringify(rows)],
  );
}
