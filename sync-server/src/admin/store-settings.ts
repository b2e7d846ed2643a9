import { findSyncCollection, quickKeysProblems, validateLayout, vatRatePeriodProblems, type SyncCollection } from '@pos/core';
import { legalIdentityProblems } from '@pos/core/store/legal-identity';
import type { FieldProblem } from '@pos/core/sync/head-office-api';
import { STORE_SETTINGS_DOC_ID, type StoreSettings } from '@pos/core/sync/store-settings';
import { storedPriceList } from '../catalog/price-list-writes';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { findDocuments } from '../sync/document-table';
import { putHubDocuments } from '../sync/hub-writes';
import { requireStore } from './stores';

const STORE_SETTINGS = findSyncCollection('store_settings') as SyncCollection;

/**
 * What the request's shape cannot say (the route's schema checked types and ranges): rates and
 * layouts that make sense together, a locale, currency and time zone the tills' Intl knows, since
 * receipts are printed with them, and the merchant's identity every receipt carries (an address,
 * a valid VAT number, and with a French one the SIRET of that SIREN).
 */
export function settingsProblems(settings: StoreSettingsInput): FieldProblem[] {
  // One id may be listed once per period (a rate changed by law); its periods may not overlap.
  const problems: FieldProblem[] = vatRatePeriodProblems(settings.vatRates).map((message) => ({ field: 'vatRates', message }));
  // A receipt letter names one rate id, whatever its periods.
  const letterOf = new Map<string, string>();
  settings.vatRates.forEach((rate, i) => {
    const owner = letterOf.get(rate.code);
    if (owner !== undefined && owner !== rate.id)
      problems.push({ field: `vatRates[${i}].code`, message: `receipt letter ${rate.code} is used by two VAT rates` });
    letterOf.set(rate.code, rate.id);
  });
  settings.variableMeasureLayouts.forEach((layout, i) => {
    const problem = validateLayout(layout);
    if (problem) problems.push({ field: `variableMeasureLayouts[${i}]`, message: problem });
  });
  const prefixes = settings.variableMeasureLayouts.flatMap((l) => l.prefixes);
  prefixes.forEach((p, i) => {
    if (prefixes.indexOf(p) !== i) problems.push({ field: 'variableMeasureLayouts', message: `prefix ${p} is claimed by two layouts` });
  });
  const intl = (field: string, make: () => unknown) => {
    try {
      make();
    } catch (error) {
      problems.push({ field, message: (error as Error).message });
    }
  };
  intl('receiptLocale', () => new Intl.NumberFormat(settings.receiptLocale));
  intl('currency', () => new Intl.NumberFormat('en', { style: 'currency', currency: settings.currency }));
  intl('timeZone', () => new Intl.DateTimeFormat('en', { timeZone: settings.timeZone }));
  if (settings.quickKeys !== undefined) problems.push(...quickKeysProblems(settings.quickKeys));
  problems.push(...legalIdentityProblems(settings));
  return problems;
}

/**
 * The settings as head office sends them: the till label is optional (each till keeps its own);
 * the tiles are only shaped by the route's schema until core's checks have read them.
 */
export type StoreSettingsInput = Omit<StoreSettings, 'tillLabel' | 'quickKeys'> & {
  readonly tillLabel?: string;
  readonly quickKeys?: readonly unknown[];
};

/**
 * The price list the settings name must be a live one, or the store's tills would sell at catalog
 * prices while head office believes otherwise. The one already saved passes even when deleted since
 * (its tills sell at catalog prices, as the deletion said): changing a footer needs no list chosen again.
 */
async function priceListProblem(db: Queryable, storeId: string, priceListId: string | undefined): Promise<FieldProblem | null> {
  if (priceListId === undefined) return null;
  const list = await storedPriceList(db, priceListId);
  if (list && !list.deleted) return null;
  const saved = (await findDocuments(db, { kind: 'store', storeId }, STORE_SETTINGS.name, [STORE_SETTINGS_DOC_ID])).get(
    STORE_SETTINGS_DOC_ID,
  );
  if (saved && !saved.deleted && (saved.doc as { priceListId?: unknown }).priceListId === priceListId) return null;
  return {
    field: 'priceListId',
    message: `no price list ${priceListId} in the catalog`,
    code: 'unknown_price_list',
    params: { priceListId },
  };
}

export type SettingsWriteResult = { readonly storeId: string; readonly changed: boolean; readonly seq: number };

export type StoredSettings = { readonly storeId: string; readonly settings: Record<string, unknown>; readonly seq: number };

/**
 * A store's settings document as stored (without its fixed id), so head office can change a few
 * fields and PUT the rest back untouched. 404 not_found without the store, 404 no_settings when
 * the store has none yet (or they were deleted).
 */
export async function getStoreSettings(db: Database, storeId: string): Promise<StoredSettings> {
  await requireStore(db, storeId);
  const found = (await findDocuments(db, { kind: 'store', storeId }, STORE_SETTINGS.name, [STORE_SETTINGS_DOC_ID])).get(
    STORE_SETTINGS_DOC_ID,
  );
  if (!found || found.deleted) throw new HubError(404, 'no_settings', `Store ${storeId} has no settings yet`);
  const { id: _id, ...settings } = found.doc as Record<string, unknown>;
  return { storeId, settings, seq: found.seq };
}

/**
 * Replaces a store's settings document: a new store sequence and a NOTIFY when it changed, so
 * every till of the store pulls it (and its host re-reads the profile) at once.
 */
export async function putStoreSettings(db: Database, storeId: string, settings: StoreSettingsInput): Promise<SettingsWriteResult> {
  await requireStore(db, storeId);
  const problems = settingsProblems(settings);
  const listProblem = await priceListProblem(db, storeId, settings.priceListId);
  if (listProblem) problems.push(listProblem);
  if (problems.length > 0) {
    throw new HubError(422, 'invalid_settings', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
  }
  const scope = { kind: 'store', storeId } as const;
  const written = await putHubDocuments(db, scope, STORE_SETTINGS, [{ ...settings, id: STORE_SETTINGS_DOC_ID }]);
  const seq =
    written.lastSeq ?? (await findDocuments(db, scope, STORE_SETTINGS.name, [STORE_SETTINGS_DOC_ID])).get(STORE_SETTINGS_DOC_ID)?.seq ?? 0;
  return { storeId, changed: written.written > 0, seq };
}
