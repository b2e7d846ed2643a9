import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalText } from '../fiscal/chain';
import type { StoreProfile } from './store-profile';

/**
 * The store settings that matter fiscally (NF525 JET 270): what a receipt must show, how VAT,
 * rounding and the business day are computed, and what the cash sessions and closings require.
 * A change of any of them is sealed (`settings.change`) before it is in force.
 */
export const FISCAL_SETTINGS = [
  'tillLabel',
  'vatNumber',
  'siret',
  'currency',
  'receiptLocale',
  'timeZone',
  'dayStartHour',
  'vatRates',
  'cashRounding',
  'cashSession',
  'varianceLimit',
  'fiscalYearStartMonth',
  'receipt',
  // Named without their values: a sole trader's name, address and phone are personal data, and the journal is never erased.
  'name',
  'legalName',
  'addressLines',
  'phone',
] as const satisfies readonly (keyof StoreProfile)[];

export type FiscalSetting = (typeof FISCAL_SETTINGS)[number];

const WITHHELD: ReadonlySet<FiscalSetting> = new Set(['name', 'legalName', 'addressLines', 'phone']);

/** The longest value a `settings.change` carries as text; a longer one is sealed as its SHA-256 (`sha256:<hex>`). */
export const SETTING_VALUE_MAX = 500;

/** One changed setting: its value before and after as canonical JSON (absent when unset, or withheld as personal data). */
export type SettingChange = { readonly setting: FiscalSetting; readonly before?: string; readonly after?: string };

function digest(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function valueText(value: unknown): string {
  const text = canonicalText(value);
  return text.length <= SETTING_VALUE_MAX ? text : `sha256:${digest(text)}`;
}

/** The fiscal settings of a profile only: what the till keeps to compare the next profile with. */
export function fiscalSettingsOf(profile: Partial<StoreProfile>): Partial<Record<FiscalSetting, unknown>> {
  const out: Partial<Record<FiscalSetting, unknown>> = {};
  for (const key of FISCAL_SETTINGS) if (profile[key] !== undefined) out[key] = profile[key];
  return out;
}

/** SHA-256 (hex) of the fiscal settings of a profile, personal ones included: whether two profiles differ fiscally. */
export function fiscalSettingsFingerprint(profile: Partial<StoreProfile>): string {
  return digest(canonicalText(fiscalSettingsOf(profile)));
}

/** Which fiscal settings differ between two profiles, in FISCAL_SETTINGS order; empty when none does. */
export function fiscalSettingChanges(before: Partial<StoreProfile>, after: Partial<StoreProfile>): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const setting of FISCAL_SETTINGS) {
    const was = before[setting];
    const now = after[setting];
    if (canonicalText(was ?? null) === canonicalText(now ?? null)) continue;
    if (WITHHELD.has(setting)) {
      changes.push({ setting });
      continue;
    }
    changes.push({
      setting,
      ...(was === undefined ? {} : { before: valueText(was) }),
      ...(now === undefined ? {} : { after: valueText(now) }),
    });
  }
  return changes;
}
