import { linesOf } from './LinesField';
import type { StoreSettings } from './stores-api';
import { FRENCH_RATES, type VatRateDraft } from './VatRatesFields';

/** The settings document as the hub stores it: the fields this form shows, and any others (quick keys, layouts…) kept as they are. */
export type SavedSettings = Readonly<Record<string, unknown>>;

/** What the form's text fields hold. */
export type SettingsDraft = {
  readonly name: string;
  readonly legalName: string;
  readonly address: string;
  readonly siret: string;
  readonly vatNumber: string;
  readonly rounding: string;
  readonly footer: string;
  readonly variance: string;
  readonly rates: readonly VatRateDraft[];
  readonly cashSession: 'required' | 'optional';
  /** The price list the store sells at, '' for catalog prices (the document then has no priceListId). */
  readonly priceListId: string;
};

/** A store without settings yet starts from these (French defaults; nothing saved to keep). */
export const NEW_STORE_SETTINGS: SavedSettings = {
  currency: 'EUR',
  receiptLocale: 'fr-FR',
  timeZone: 'Europe/Paris',
  variableMeasureLayouts: [],
  quickCashAmounts: [],
  maxCashierDiscountBp: 0,
  cashSession: 'optional',
  varianceLimit: 500,
  cashRounding: { step: 1 },
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const lines = (value: unknown): string => (Array.isArray(value) ? value.filter((l) => typeof l === 'string').join('\n') : '');
const whole = (value: unknown, fallback: number): string => String(typeof value === 'number' ? value : fallback);

/** The form's fields filled from the saved document. */
export function draftOf(saved: SavedSettings): SettingsDraft {
  const rates = Array.isArray(saved.vatRates)
    ? (saved.vatRates as { id?: unknown; rateBp?: unknown; code?: unknown; label?: unknown }[]).map((rate) => ({
        id: text(rate.id),
        percent: typeof rate.rateBp === 'number' ? String(rate.rateBp / 100) : '',
        code: text(rate.code),
        label: text(rate.label),
      }))
    : [...FRENCH_RATES];
  const rounding = (saved.cashRounding as { step?: unknown } | undefined)?.step;
  return {
    name: text(saved.name),
    legalName: text(saved.legalName),
    address: lines(saved.addressLines),
    siret: text(saved.siret),
    vatNumber: text(saved.vatNumber),
    rounding: whole(rounding, 1),
    footer: lines(saved.receiptFooter),
    variance: whole(saved.varianceLimit, 500),
    rates: rates.length > 0 ? rates : [...FRENCH_RATES],
    cashSession: saved.cashSession === 'required' ? 'required' : 'optional',
    priceListId: text(saved.priceListId),
  };
}

/**
 * The document to PUT: the saved one with only the form's fields replaced, so what the form does
 * not show (quick keys, barcode layouts, discount cap…) is sent back untouched.
 */
export function settingsOf(saved: SavedSettings, draft: SettingsDraft, vatRates: StoreSettings['vatRates']): SavedSettings {
  const { siret: _siret, priceListId: _priceListId, ...rest } = saved;
  const siret = draft.siret.replace(/\s/g, '');
  return {
    ...rest,
    name: draft.name.trim(),
    legalName: draft.legalName.trim(),
    addressLines: linesOf(draft.address),
    vatNumber: draft.vatNumber.replace(/\s/g, ''),
    ...(siret ? { siret } : {}),
    vatRates,
    cashRounding: { ...(saved.cashRounding as object | undefined), step: Number(draft.rounding) },
    receiptFooter: linesOf(draft.footer),
    cashSession: draft.cashSession,
    varianceLimit: Number(draft.variance),
    ...(draft.priceListId ? { priceListId: draft.priceListId } : {}),
  };
}
