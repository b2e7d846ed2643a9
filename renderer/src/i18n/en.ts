import { enCash } from './en-cash';
import { enCustomers } from './en-customers';
import { enCoupons } from './en-coupons';
import { enLoyalty } from './en-loyalty';
import { enDevices } from './en-devices';
import { enErrors } from './en-errors';
import { enFiscal } from './en-fiscal';
import { enGiftCards } from './en-gift-cards';
import { enHelp } from './en-help';
import { enPayment } from './en-payment';
import { enSale } from './en-sale';
import { enStart } from './en-start';
import { enSync } from './en-sync';
import type { Dictionary } from './fr';

/** English: the same keys as fr.ts, one file per area (en-*.ts). */
export const en: Dictionary = {
  ...enStart,
  ...enSale,
  ...enPayment,
  ...enSync,
  ...enFiscal,
  ...enDevices,
  ...enCash,
  ...enCustomers,
  ...enCoupons,
  ...enLoyalty,
  ...enGiftCards,
  ...enHelp,
  ...enErrors,
};
