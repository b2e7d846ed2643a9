import type { StaffMember } from '../staff/permissions';
import type { StoreProfile } from '../store/store-profile';
import type { VatRate } from '../tax/vat-rate';
import { DEMO_QUICK_KEYS } from './demo-quick-keys';

/** French VAT rates in force: data for the demo store, not constants of the code. */
export const FRENCH_VAT_RATES: readonly VatRate[] = [
  { id: 'FR-2.1', rateBp: 210, code: 'A', label: 'TVA 2,1 %' },
  { id: 'FR-5.5', rateBp: 550, code: 'B', label: 'TVA 5,5 %' },
  { id: 'FR-10', rateBp: 1000, code: 'C', label: 'TVA 10 %' },
  { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %' },
];

export function demoStoreProfile(storeId = 'S001', tillId = 'T01'): StoreProfile {
  return {
    storeId,
    tillId,
    tillLabel: '1',
    name: 'Épicerie du Marché',
    legalName: 'Épicerie du Marché SAS',
    addressLines: ['12 rue des Halles', '69002 Lyon'],
    vatNumber: 'FR83404833048',
    siret: '40483304800014',
    phone: '04 78 00 00 00',
    currency: 'EUR',
    receiptLocale: 'fr-FR',
    timeZone: 'Europe/Paris',
    vatRates: FRENCH_VAT_RATES,
    variableMeasureLayouts: [
      { id: 'weight-2-5-5', prefixes: ['20', '02'], itemDigits: 5, valueDigits: 5, valueKind: 'weight_g' },
      { id: 'price-2-5-5', prefixes: ['21', '22'], itemDigits: 5, valueDigits: 5, valueKind: 'price_minor' },
    ],
    cashRounding: { step: 1 },
    quickCashAmounts: [500, 1000, 2000, 5000],
    maxCashierDiscountBp: 2000,
    receiptFooter: ['Merci de votre visite !', 'Échange sous 30 jours avec ce ticket.'],
    // A reserved example address: a chain sets its own sign-up page at the hub.
    loyaltySignupUrl: 'https://example.com/fidelite',
    quickKeys: DEMO_QUICK_KEYS,
  };
}

export type DemoStaff = StaffMember & { readonly pin: string };

/** Demo staff and their PINs (printed in the README). The till host stores only PIN hashes. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { id: 'staff-camille', displayName: 'Camille', role: 'cashier', pin: '1234' },
  { id: 'staff-sophie', displayName: 'Sophie', role: 'manager', pin: '5678' },
  { id: 'staff-luc', displayName: 'Luc', role: 'head-office', pin: '246810' },
];
