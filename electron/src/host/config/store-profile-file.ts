import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  demoStoreProfile,
  quickKeysProblems,
  receiptSettingsProblem,
  validateLayout,
  vatRatePeriodProblems,
  type StoreProfile,
} from '@pos/core';
import { legalIdentityProblems } from '@pos/core/store/legal-identity';
import { ConfigError } from './host-config';

/**
 * The store as this till knows it until a hub provides it: the demo store, with whatever
 * <dataDir>/store.json overrides (name, address, VAT number, VAT rates, scale-label layouts,
 * cash rounding, quick cash amounts, discount limit, receipt footer, price list). Checked field
 * by field: a bad layout or rate stops the start with its name.
 */
export async function loadStoreProfile(dataDir: string, storeId: string, tillId: string): Promise<StoreProfile> {
  const file = path.join(dataDir, 'store.json');
  const base = demoStoreProfile(storeId, tillId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return base;
    throw error;
  }
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new ConfigError(`${file} must hold an object`);
  const o = overrides as Partial<StoreProfile> & Record<string, unknown>;
  if ('storeId' in o || 'tillId' in o) throw new ConfigError(`${file}: storeId and tillId belong in config.json`);
  return validateStoreProfile({ ...base, ...o }, file);
}

/** Every field of a store profile checked, whoever supplied it (store.json, or the hub). */
export function validateStoreProfile(profile: StoreProfile, file: string): StoreProfile {
  const fail = (setting: string, expected: string): never => {
    throw new ConfigError(`${file}: ${setting} must be ${expected}`);
  };
  const texts = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  for (const key of ['name', 'legalName', 'vatNumber', 'currency', 'receiptLocale', 'timeZone', 'tillLabel'] as const) {
    if (typeof profile[key] !== 'string' || profile[key] === '') fail(key, 'a non-empty text');
  }
  if (!texts(profile.addressLines)) fail('addressLines', 'a list of texts');
  if (!texts(profile.receiptFooter)) fail('receiptFooter', 'a list of texts');
  if (profile.siret !== undefined && typeof profile.siret !== 'string') fail('siret', 'a text');
  // The merchant's identity is a mention of every receipt (docs/fiscal.md): a till refuses to print without it.
  const [identity] = legalIdentityProblems(profile);
  if (identity) fail(identity.field, `valid for a receipt (${identity.message})`);
  if (!Array.isArray(profile.vatRates) || profile.vatRates.length === 0) fail('vatRates', 'a non-empty list');
  for (const rate of profile.vatRates) {
    if (
      typeof rate?.id !== 'string' ||
      typeof rate.code !== 'string' ||
      typeof rate.label !== 'string' ||
      !Number.isSafeInteger(rate.rateBp) ||
      rate.rateBp < 0
    ) {
      fail('vatRates', 'a list of { id, rateBp (basis points), code, label }');
    }
  }
  const periods = vatRatePeriodProblems(profile.vatRates);
  if (periods.length > 0) fail('vatRates', `rates whose periods (validFrom, validUntil) make sense: ${periods.join('; ')}`);
  if (!Array.isArray(profile.variableMeasureLayouts)) fail('variableMeasureLayouts', 'a list');
  for (const layout of profile.variableMeasureLayouts) {
    const problem =
      typeof layout === 'object' && layout !== null && Array.isArray(layout.prefixes) ? validateLayout(layout) : 'not a layout';
    if (problem) fail('variableMeasureLayouts', `valid GS1 variable-measure layouts (${problem})`);
  }
  if (!Number.isSafeInteger(profile.cashRounding?.step) || profile.cashRounding.step < 1)
    fail('cashRounding.step', 'a whole number of minor units ≥ 1');
  if (!Array.isArray(profile.quickCashAmounts) || !profile.quickCashAmounts.every((a) => Number.isSafeInteger(a) && a > 0)) {
    fail('quickCashAmounts', 'a list of amounts in minor units');
  }
  if (!Number.isSafeInteger(profile.maxCashierDiscountBp) || profile.maxCashierDiscountBp < 0 || profile.maxCashierDiscountBp > 10_000) {
    fail('maxCashierDiscountBp', 'basis points from 0 to 10000');
  }
  const dayStart = profile.dayStartHour;
  if (dayStart !== undefined && (!Number.isSafeInteger(dayStart) || dayStart < 0 || dayStart > 23))
    fail('dayStartHour', 'an hour from 0 to 23 (the business day’s start, store time)');
  const lock = profile.autoLockMinutes;
  if (lock !== undefined && (!Number.isSafeInteger(lock) || lock < 0 || lock > 240)) fail('autoLockMinutes', 'whole minutes from 0 to 240');
  if (profile.cashSession !== undefined && profile.cashSession !== 'required' && profile.cashSession !== 'optional')
    fail('cashSession', "'required' or 'optional'");
  const limit = profile.varianceLimit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0 || limit > 1_000_000_000)) fail('varianceLimit', 'minor units ≥ 0');
  const fyStart = profile.fiscalYearStartMonth;
  if (fyStart !== undefined && (!Number.isSafeInteger(fyStart) || fyStart < 1 || fyStart > 12))
    fail('fiscalYearStartMonth', 'a month from 1 to 12');
  const tiles = profile.quickKeys === undefined ? [] : quickKeysProblems(profile.quickKeys);
  if (tiles.length > 0) fail('quickKeys', `valid tiles (${tiles.map((p) => `${p.field}: ${p.message}`).join('; ')})`);
  const receipt = profile.receipt === undefined ? null : receiptSettingsProblem(profile.receipt);
  if (receipt) fail('receipt', `receipt settings with ${receipt}`);
  try {
    new Intl.NumberFormat(profile.receiptLocale, { style: 'currency', currency: profile.currency });
    new Intl.DateTimeFormat(profile.receiptLocale, { timeZone: profile.timeZone });
  } catch (error) {
    fail('receiptLocale, currency or timeZone', `known to Intl (${(error as Error).message})`);
  }
  return profile;
}
