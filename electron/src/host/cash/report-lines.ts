import {
  centered,
  formatAmount,
  formatDateTime,
  formatRate,
  twoColumns,
  type CashExpected,
  type ReceiptLine,
  hasVouchers,
  type ReportTotals,
  type StoreProfile,
  type VoucherTotals,
} from '@pos/core';

type Style = { readonly bold?: boolean; readonly large?: boolean };

const TENDER_NAMES: Readonly<Record<string, string>> = { cash: 'Espèces', card: 'Carte', gift_card: 'Carte cadeau', store_credit: 'Avoir' };

/**
 * The pieces X and Z reports share on the receipt printer, in French (the law's language for fiscal
 * documents): the store's identity, a title, the sales and VAT figures of the sealed records and the
 * cash movements. One writer per report, for its width and currency.
 */
export type ReportWriter = {
  readonly money: (amount: number) => string;
  readonly at: (iso: string) => string;
  readonly text: (t: string, style?: Style) => ReceiptLine;
  readonly pair: (left: string, right: string) => ReceiptLine[];
  readonly rule: ReceiptLine;
  /** The store's name, address, SIRET and VAT number, then a rule and the title in large letters. */
  readonly header: (title: string) => ReceiptLine[];
  /** Sales, returns, net, discounts and voids, then VAT per rate (base / VAT / TTC), as the records sum them. */
  readonly salesAndVat: (totals: ReportTotals, vouchers?: VoucherTotals) => ReceiptLine[];
  /** Float, pay-ins, pay-outs and safe drops of the session. */
  readonly cashMoves: (cash: CashExpected) => ReceiptLine[];
  readonly tenderName: (method: string) => string;
};

export function reportWriter(profile: StoreProfile, currency: string, width: number): ReportWriter {
  const locale = 'fr-FR';
  const money = (amount: number) => formatAmount(amount, currency, locale);
  const at = (iso: string) => formatDateTime(iso, locale, profile.timeZone);
  const text = (t: string, style: Style = {}): ReceiptLine => ({ kind: 'text', text: t, ...style });
  const pair = (left: string, right: string): ReceiptLine[] => twoColumns(left, right, width).map((t) => text(t));
  const rule: ReceiptLine = { kind: 'rule' };
  return {
    money,
    at,
    text,
    pair,
    rule,
    tenderName: (method) => TENDER_NAMES[method] ?? method,
    header: (title) => [
      ...centered(profile.name, width).map((t) => text(t, { bold: true })),
      ...profile.addressLines.flatMap((a) => centered(a, width).map((t) => text(t))),
      ...(profile.siret ? centered(`SIRET ${profile.siret}`, width).map((t) => text(t)) : []),
      ...centered(`TVA ${profile.vatNumber}`, width).map((t) => text(t)),
      rule,
      ...centered(title, Math.floor(width / 2)).map((t) => text(t, { large: true })),
    ],
    salesAndVat: (totals, vouchers) => [
      text('VENTES', { bold: true }),
      ...pair(`Ventes (${totals.salesCount})`, money(totals.total.sales)),
      ...pair(`Retours (${totals.returnsCount})`, money(-totals.total.returns)),
      ...pair('Net TTC', money(totals.total.net)),
      ...pair('Remises', money(totals.discounts.net)),
      ...pair(`Annulations (${totals.voids.count})`, money(totals.voids.amount)),
      rule,
      // Multi-purpose vouchers: outside VAT and revenue, but their money is in the tenders below.
      ...(vouchers && hasVouchers(vouchers)
        ? [
            text('HORS CHIFFRE D’AFFAIRES (hors TVA)', { bold: true }),
            ...pair(`Cartes cadeaux vendues (${vouchers.giftCardsSold.count})`, money(vouchers.giftCardsSold.amount)),
            ...pair(`Recharges cartes cadeaux (${vouchers.giftCardsReloaded.count})`, money(vouchers.giftCardsReloaded.amount)),
            ...pair(`Avoirs émis (${vouchers.storeCreditIssued.count})`, money(vouchers.storeCreditIssued.amount)),
            rule,
          ]
        : []),
      text('TVA (base / TVA / TTC)', { bold: true }),
      ...totals.byVat.flatMap((v) => [
        text(`Taux ${formatRate(v.rateBp, locale)}`),
        ...pair('  HT', money(v.base.net)),
        ...pair('  TVA', money(v.vat.net)),
        ...pair('  TTC', money(v.inclusive.net)),
      ]),
    ],
    cashMoves: (cash) => [
      ...pair('Fond de caisse', money(cash.float)),
      ...pair('Entrées', money(cash.payIns)),
      ...pair('Sorties', money(cash.payOuts)),
      ...pair('Dépôts coffre', money(cash.safeDrops)),
    ],
  };
}
