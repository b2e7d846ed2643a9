import { receiptFingerprint, type ReceiptLine, type SealedRecord, type StoreProfile, type ZClosingPayload } from '@pos/core';
import { reportWriter } from './report-lines';

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
  const w = reportWriter(profile, f.currency, width);
  const { pair, text, rule, money, at } = w;
  return [
    ...w.header(`RAPPORT Z N° ${z.zNumber}`),
    ...pair('Magasin', `${record.storeId}`),
    ...pair('Caisse', `${profile.tillLabel} (${record.tillId})`),
    ...pair('Journée', f.businessDate),
    ...pair('Session', f.sessionId),
    ...pair('Ouverte le', at(f.openedAt)),
    ...pair('Ouverte par', nameOf(f.openedBy)),
    ...pair('Clôturée le', at(f.closedAt)),
    ...pair('Clôturée par', nameOf(f.closedBy)),
    rule,
    ...w.salesAndVat(f.totals, f.vouchers),
    rule,
    text('MOYENS DE PAIEMENT (attendu / compté / écart)', { bold: true }),
    ...f.tenders.flatMap((t) => [
      text(w.tenderName(t.method)),
      ...pair('  Attendu', money(t.expected)),
      ...pair('  Compté', money(t.counted)),
      ...pair('  Écart', money(t.variance)),
    ]),
    ...w.cashMoves(f.cash),
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
}
