import {
  demoStoreProfile,
  isSaleV1,
  saleRuleProblems,
  type BusinessDaySettings,
  type SaleProblem,
  type SaleRules,
  type SealedRecord,
} from '@pos/core';
import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import { sha256Hex } from '../auth/secrets';
import type { Queryable } from '../db/database';
import type { StepWrite } from './step-writes';
import { salePromotionIssues, type HubPromotions } from './sale-promotions';

/**
 * A store's rules for sales, without a till's identity (each sale is checked with its own store and
 * till), and the promotions the hub holds when the checker has read them (the chain verifier does).
 */
export type StoreSaleRules = Omit<SaleRules, 'storeId' | 'tillId'> & { readonly promotions?: HubPromotions };

/** A store's settings as the rules read them (store_settings/profile), any of them missing. */
export type SettingsRow = { currency: unknown; vat_rates: unknown; cash_rounding: unknown; time_zone: unknown; day_start: unknown };

/** The columns of a SettingsRow, from the store_settings document `d`. */
export const SETTINGS_COLUMNS = `d.doc -> 'currency' AS currency, d.doc -> 'vatRates' AS vat_rates, d.doc -> 'cashRounding' AS cash_rounding,
  d.doc -> 'timeZone' AS time_zone, d.doc -> 'dayStartHour' AS day_start`;

/**
 * The store's rules from its settings at the hub (store_settings/profile: currency, VAT rates
 * with their periods, cash rounding, time zone and business day start for version 1 sales' business
 * dates). A store whose settings the hub does not hold is checked against the rules a till uses
 * without settings (core's demo profile: EUR, the French rates, no cash rounding, Paris, days from
 * midnight), which is what its tills sealed with.
 */
export function saleRulesOf(row: SettingsRow | undefined): StoreSaleRules {
  const defaults = demoStoreProfile();
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

/** saleRulesOf several stores' settings, in one read (a projection's step of many stores). */
export async function loadStoresSaleRules(tx: Queryable, storeIds: readonly string[]): Promise<Map<string, StoreSaleRules>> {
  const rows = await tx.query<SettingsRow & { store_id: string }>(
    `SELECT d.store_id, ${SETTINGS_COLUMNS}
       FROM store_docs d WHERE d.store_id = ANY($1::text[]) AND d.collection = 'store_settings' AND d.id = $2 AND NOT d.deleted`,
    [storeIds, STORE_SETTINGS_DOC_ID],
  );
  const held = new Map(rows.map((r) => [r.store_id, r]));
  return new Map(storeIds.map((storeId) => [storeId, saleRulesOf(held.get(storeId))]));
}

/** Each store's business days (time zone and day start) from its rules: what the feed projections date records with. */
export async function loadStoresBusinessDays(tx: Queryable, storeIds: readonly string[]): Promise<Map<string, BusinessDaySettings>> {
  const rules = await loadStoresSaleRules(tx, storeIds);
  return new Map(
    [...rules].map(([storeId, r]) => [storeId, { timeZone: r.timeZone ?? demoStoreProfile().timeZone, dayStartHour: r.dayStartHour ?? 0 }]),
  );
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
export function invalidSalesWrite(sales: readonly InvalidSale[]): StepWrite | null {
  if (sales.length === 0) return null;
  return {
    sql: (rows) => `INSERT INTO incidents (store_id, incident_id, kind, collection, doc_id, till_id, details)
     SELECT d.store_id, r.incident_id, 'invalid_sale', 'sales', d.id, r.till_id,
            jsonb_build_object('seq', r.seq, 'message', 'The sale''s figures do not add up: it is kept, never projected',
                               'problems', r.problems, 'record', d.doc -> 'record')
       FROM jsonb_to_recordset(${rows}) AS r(incident_id text, doc_id text, till_id text, seq int8, problems jsonb)
       JOIN store_docs d ON d.store_id = $1 AND d.collection = 'sales' AND d.id = r.doc_id
     ON CONFLICT (store_id, incident_id) DO NOTHING`,
    rows: sales.map((s) => ({
      incident_id: sha256Hex(`invalid_sale\nsales\n${s.docId}`),
      doc_id: s.docId,
      till_id: s.tillId,
      seq: s.seq,
      problems: s.problems.slice(0, 20),
    })),
  };
}
