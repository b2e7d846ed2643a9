import {
  centered,
  formatAmount,
  formatDateTime,
  formatRate,
  receiptFingerprint,
  twoColumns,
  type ReceiptLine,
  type SealedRecord,
  type StoreProfile,
  type ZClosingPayload,
} from '@pos/core';

export type ZDocumentInput = {
  readonly record: SealedRecord<'closing'> & { readonly payload: ZClosingPayload };
  readonly profile: StoreProfile;
  /** A staff id's name, for "opened by" and "closed by" (the id when unknown). */
  readonly nameOf: (staffId: string) => string;
  readonly width: number;
};

/**
 * The lines of a Z report, in French (the law's language for fiscal documents): the store, the till,
 * the Z number, the business date, who opened and closed it and when, each tender expected, counted
 * and its variance, the VAT rates with their base, VAT and total, sales, returns and net, the
 * perpetual grand totals, and the fingerprint of the sealed record. Printed on the receipt printer
 * and laid out in the PDF from the same lines.
 */
export function zReportLines({ record, profile, nameOf, width }: ZDocumentInput): ReceiptLine[] {
  const z = record.payload;
  const f = z.figures;
  const locale = 'fr-FR';
  const money = (amount: number) => formatAmount(amount, f.currency, locale);
  const at = (iso: string) => formatDateTime(iso, locale, profile.timeZone);
  const text = (t: string, style: { bold?: boolean; large?: boolean } = {}): ReceiptLine => ({ kind: 'text', text: t, ...style });
  const pair = (left: string, right: string): ReceiptLine[] => twoColumns(left, right, width).map((t) => text(t));
  const rule: ReceiptLine = { kind: 'rule' };
  const lines: ReceiptLine[] = [
    ...centered(profile.name, width).map((t) => text(t, { bold: true })),
    ...profile.addressLines.flatMap((a) => centered(a, width).map((t) => text(t))),
    ...(profile.siret ? centered(`SIRET ${profile.siret}`, width).map((t) => text(t)) : []),
    ...centered(`TVA ${profile.vatNumber}`, width).map((t) => text(t)),
    rule,
    ...centered(`RAPPORT Z N° ${z.zNumber}`, Math.floor(width / 2)).map((t) => text(t, { large: true })),
    ...pair('Magasin', `${record.storeId}`),
    ...pair('Caisse', `${profile.tillLabel} (${record.tillId})`),
    ...pair('Journée', f.businessDate),
    ...pair('Session', f.sessionId),
    ...pair('Ouverte le', at(f.openedAt)),
    ...pair('Ouverte par', nameOf(f.openedBy)),
    ...pair('Clôturée le', at(f.closedAt)),
    ...pair('Clôturée par', nameOf(f.closedBy)),
    rule,
    text('VENTES', { bold: true }),
    ...pair(`Ventes (${f.totals.salesCount})`, money(f.totals.total.sales)),
    ...pair(`Retours (${f.totals.returnsCount})`, money(-f.totals.total.returns)),
    ...pair('Net TTC', money(f.totals.total.net)),
    ...pair('Remises', money(f.totals.discounts.net)),
    ...pair(`Annulations (${f.totals.voids.count})`, money(f.totals.voids.amount)),
    rule,
    text('TVA (base / TVA / TTC)', { bold: true }),
    ...f.totals.byVat.flatMap((v) => [
      text(`Taux ${formatRate(v.rateBp, locale)}`),
      ...pair('  HT', money(v.base.net)),
      ...pair('  TVA', money(v.vat.net)),
      ...pair('  TTC', money(v.inclusive.net)),
    ]),
    rule,
    text('MOYENS DE PAIEMENT (attendu / compté / écart)', { bold: true }),
    ...f.tenders.flatMap((t) => [
      text(t.method === 'cash' ? 'Espèces' : t.method === 'card' ? 'Carte' : t.method),
      ...pair('  Attendu', money(t.expected)),
      ...pair('  Compté', money(t.counted)),
      ...pair('  Écart', money(t.variance)),
    ]),
    ...pair('Fond de caisse', money(f.cash.float)),
    ...pair('Entrées', money(f.cash.payIns)),
    ...pair('Sorties', money(f.cash.payOuts)),
    ...pair('Dépôts coffre', money(f.cash.safeDrops)),
    ...(f.approval ? [...pair('Écart approuvé par', nameOf(f.approval.approvedBy)), text(`Motif : ${f.approval.reason}`)] : []),
    rule,
    text('GRANDS TOTAUX PERPÉTUELS', { bold: true }),
    ...pair('Grand total', money(z.perpetualGrandTotal)),
    ...pair('Grand total absolu', money(z.perpetualGrandTotalAbsolute)),
    rule,
    ...pair('Clôture n°', String(record.seq)),
    ...pair('Scellé le', at(record.sealedAt)),
    ...pair('Empreinte', receiptFingerprint(record)),
    ...pair('Clé', record.keyId),
  ];
  return lines;
}
