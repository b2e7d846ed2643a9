/** Receipt wording per language. French receipts are the legal default for a French store. */
export type ReceiptLabels = {
  readonly till: string;
  readonly receiptNo: string;
  readonly cashier: string;
  readonly vatNumber: string;
  readonly siret: string;
  readonly phone: string;
  readonly subtotal: string;
  readonly cartDiscount: string;
  readonly lineDiscount: string;
  readonly priceOverride: string;
  readonly total: string;
  readonly vatTable: {
    readonly code: string;
    readonly rate: string;
    readonly base: string;
    readonly vat: string;
    readonly inclusive: string;
  };
  readonly cash: string;
  readonly card: string;
  readonly change: string;
  readonly rounding: string;
  readonly items: string;
  readonly duplicate: string;
  readonly saleId: string;
  readonly perKg: string;
};

export const RECEIPT_LABELS: Readonly<Record<string, ReceiptLabels>> = {
  fr: {
    till: 'Caisse',
    receiptNo: 'Ticket n°',
    cashier: 'Caissier',
    vatNumber: 'N° TVA',
    siret: 'SIRET',
    phone: 'Tél.',
    subtotal: 'Sous-total',
    cartDiscount: 'Remise ticket',
    lineDiscount: 'Remise',
    priceOverride: 'Prix modifié',
    total: 'TOTAL TTC',
    vatTable: { code: 'TVA', rate: 'Taux', base: 'HT', vat: 'TVA', inclusive: 'TTC' },
    cash: 'Espèces',
    card: 'Carte bancaire',
    change: 'Rendu',
    rounding: 'Arrondi',
    items: 'Articles',
    duplicate: 'DUPLICATA',
    saleId: 'Réf.',
    perKg: '/kg',
  },
  en: {
    till: 'Till',
    receiptNo: 'Receipt no.',
    cashier: 'Cashier',
    vatNumber: 'VAT no.',
    siret: 'SIRET',
    phone: 'Tel.',
    subtotal: 'Subtotal',
    cartDiscount: 'Basket discount',
    lineDiscount: 'Discount',
    priceOverride: 'Price changed',
    total: 'TOTAL incl. VAT',
    vatTable: { code: 'VAT', rate: 'Rate', base: 'Net', vat: 'VAT', inclusive: 'Gross' },
    cash: 'Cash',
    card: 'Card',
    change: 'Change',
    rounding: 'Rounding',
    items: 'Items',
    duplicate: 'DUPLICATE',
    saleId: 'Ref.',
    perKg: '/kg',
  },
};

export function receiptLabels(locale: string): ReceiptLabels {
  const language = locale.split('-')[0] ?? 'fr';
  return RECEIPT_LABELS[language] ?? (RECEIPT_LABELS.fr as ReceiptLabels);
}
