import { frCash } from './fr-cash';
import { frCustomers } from './fr-customers';
import { frCoupons } from './fr-coupons';
import { frLoyalty } from './fr-loyalty';
import { frDevices } from './fr-devices';
import { frErrors } from './fr-errors';
import { frFiscal } from './fr-fiscal';
import { frGiftCards } from './fr-gift-cards';
import { frHelp } from './fr-help';
import { frPayment } from './fr-payment';
import { frSale } from './fr-sale';
import { frStart } from './fr-start';
import { frSync } from './fr-sync';

/**
 * French: the reference dictionary, one file per area (fr-*.ts). English must have exactly the same
 * keys (enforced by type and test).
 */
export const fr = {
  ...frStart,
  ...frSale,
  ...frPayment,
  ...frSync,
  ...frFiscal,
  ...frDevices,
  ...frCash,
  ...frCustomers,
  ...frCoupons,
  ...frLoyalty,
  ...frGiftCards,
  ...frHelp,
  ...frErrors,
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Dictionary = Widen<typeof fr>;
