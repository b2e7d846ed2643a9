import type { VariableMeasureLayout } from '../barcode/variable-measure';
import type { ReceiptSettings } from '../receipt/receipt-settings';
import type { CashRounding } from '../money/cash-rounding';
import type { VatRate } from '../tax/vat-rate';
import type { QuickKey } from './quick-keys';

/** Everything about the store the till needs to sell and print: pulled from the hub, cached on the till. */
export type StoreProfile = {
  readonly storeId: string;
  readonly tillId: string;
  /** Short till label printed on receipts ("Caisse 1"). */
  readonly tillLabel: string;
  readonly name: string;
  readonly legalName: string;
  readonly addressLines: readonly string[];
  readonly vatNumber: string;
  readonly siret?: string;
  readonly phone?: string;
  readonly currency: string;
  /** BCP 47 locale used for receipts (French law wants French receipts in France). */
  readonly receiptLocale: string;
  readonly timeZone: string;
  /** The hour (0–23, store time) the business day starts: a sale at 02:00 belongs to the day before when it is 4. Unset: 0. */
  readonly dayStartHour?: number;
  readonly vatRates: readonly VatRate[];
  readonly variableMeasureLayouts: readonly VariableMeasureLayout[];
  readonly cashRounding: CashRounding;
  /** Quick cash buttons, in minor units. */
  readonly quickCashAmounts: readonly number[];
  /** Largest line or cart discount a cashier may give without a manager (basis points). */
  readonly maxCashierDiscountBp: number;
  /** Minutes without a touch or a key before the till locks (back to sign-in, the cart kept); 0: never. Unset: 5. */
  readonly autoLockMinutes?: number;
  readonly receiptFooter: readonly string[];
  /** Paper on request or always, and where digital receipts are served; unset: ask (the law's default). */
  readonly receipt?: ReceiptSettings;
  /** The store's price list: its prices win over the catalog's where it has one. */
  /** The chain's loyalty sign-up page: a QR code on the idle customer display. */
  readonly loyaltySignupUrl?: string;
  readonly priceListId?: string;
  /** The sale screen's tiles (categories and favourite products), in their order; none when absent. */
  readonly quickKeys?: readonly QuickKey[];
  /**
   * Whether a sale needs an open cash session ('required') or may be sealed without one while none
   * is open ('optional', the default). With a session open, a sale always belongs to it.
   */
  readonly cashSession?: 'required' | 'optional';
  /** The variance per tender (minor units) above which a cash close needs a manager's approval. Unset: 500. */
  readonly varianceLimit?: number;
  /** The month (1–12) the fiscal year starts, for yearly closings. Unset: 1 (January). */
  readonly fiscalYearStartMonth?: number;
};
