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
  /** A promotion's discount on a line (its name is not in the sealed sale). */
  readonly promotion: string;
  readonly priceOverride: string;
  readonly total: string;
  /** The total without VAT and the VAT it carries, above the total with VAT. */
  readonly totalExclVat: string;
  readonly totalVat: string;
  /** Before a line's VAT rate ("TVA 5,5 %"). */
  readonly lineVat: string;
  readonly vatTable: {
    readonly code: string;
    readonly rate: string;
    readonly base: string;
    readonly vat: string;
    readonly inclusive: string;
  };
  readonly cash: string;
  readonly card: string;
  /** A tender paid with a gift card or store credit, and what the card holds after it. */
  readonly giftCard: string;
  readonly storeCredit: string;
  readonly cardBalance: string;
  readonly change: string;
  readonly rounding: string;
  readonly items: string;
  readonly duplicate: string;
  /** A return's ticket: its title, and before the code of the receipt it gives back. */
  readonly returnTitle: string;
  readonly returnOf: string;
  readonly saleId: string;
  readonly perKg: string;
  /** The record's fingerprint: the first 8 hex digits of its hash (docs/fiscal.md). */
  readonly fingerprint: string;
  readonly software: string;
  /** Top and bottom of every ticket sealed in training mode. */
  readonly training: string;
  readonly trainingNote: string;
  /** The member's points this sale earned (its sealed earn). */
  readonly loyaltyEarned: string;
  /** A loyalty reward taken off the total, with the points it spent. */
  readonly loyaltyReward: string;
  readonly points: string;
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
    promotion: 'Promotion',
    priceOverride: 'Prix modifié',
    total: 'TOTAL TTC',
    totalExclVat: 'Total HT',
    totalVat: 'Total TVA',
    lineVat: 'TVA',
    vatTable: { code: 'TVA', rate: 'Taux', base: 'HT', vat: 'TVA', inclusive: 'TTC' },
    cash: 'Espèces',
    card: 'Carte bancaire',
    giftCard: 'Carte cadeau',
    storeCredit: 'Avoir',
    cardBalance: 'Solde restant',
    change: 'Rendu',
    rounding: 'Arrondi',
    items: 'Articles',
    duplicate: 'DUPLICATA',
    returnTitle: 'AVOIR - RETOUR',
    returnOf: 'Retour du ticket n°',
    saleId: 'Réf.',
    perKg: '/kg',
    fingerprint: 'Empreinte',
    software: 'Logiciel',
    training: 'MODE ÉCOLE',
    trainingNote: 'Vente fictive, sans valeur',
    loyaltyEarned: 'Points fidélité gagnés',
    loyaltyReward: 'Récompense fidélité',
    points: 'points',
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
    promotion: 'Promotion',
    priceOverride: 'Price changed',
    total: 'TOTAL incl. VAT',
    totalExclVat: 'Total excl. VAT',
    totalVat: 'Total VAT',
    lineVat: 'VAT',
    vatTable: { code: 'VAT', rate: 'Rate', base: 'Net', vat: 'VAT', inclusive: 'Gross' },
    cash: 'Cash',
    card: 'Card',
    giftCard: 'Gift card',
    storeCredit: 'Store credit',
    cardBalance: 'Balance left',
    change: 'Change',
    rounding: 'Rounding',
    items: 'Items',
    duplicate: 'DUPLICATE',
    returnTitle: 'REFUND - RETURN',
    returnOf: 'Return of receipt no.',
    saleId: 'Ref.',
    perKg: '/kg',
    fingerprint: 'Fingerprint',
    software: 'Software',
    training: 'TRAINING MODE',
    trainingNote: 'Not a real sale, no value',
    loyaltyEarned: 'Loyalty points earned',
    loyaltyReward: 'Loyalty reward',
    points: 'points',
  },
};

export function receiptLabels(locale: string): ReceiptLabels {
  const language = locale.split('-')[0] ?? 'fr';
  return RECEIPT_LABELS[language] ?? (RECEIPT_LABELS.fr as ReceiptLabels);
}
