import type { ReceiptLine, SessionXReport, StoreProfile } from '@pos/core';
import { reportWriter } from './report-lines';

export type XDocumentInput = {
  /** The X as the host computed it from its journal (never figures sent by the page). */
  readonly report: SessionXReport;
  readonly profile: StoreProfile;
  readonly storeId: string;
  /** When it is printed: an X is a reading of the session at that moment. */
  readonly printedAt: string;
  readonly nameOf: (staffId: string) => string;
  readonly width: number;
};

/**
 * The lines of an X report on the receipt printer, in French: the session's figures now, nothing
 * reset and nothing sealed (an X is informative, unlike the Z that closes the session). The same
 * sales, VAT and cash sections as the Z; per tender only what the records say is expected, since
 * nothing is counted yet.
 */
export function xReportLines({ report: x, profile, storeId, printedAt, nameOf, width }: XDocumentInput): ReceiptLine[] {
  const w = reportWriter(profile, x.currency, width);
  const { pair, text, rule, money, at } = w;
  return [
    ...w.header('RAPPORT X'),
    text('sans remise à zéro', { bold: true }),
    ...pair('Magasin', storeId),
    ...pair('Caisse', `${profile.tillLabel} (${x.tillId})`),
    ...pair('Journée', x.businessDate),
    ...pair('Session', x.sessionId),
    ...pair('Ouverte le', at(x.openedAt)),
    ...pair('Ouverte par', nameOf(x.openedBy)),
    ...pair('Édité le', at(printedAt)),
    rule,
    ...w.salesAndVat(x.totals, x.vouchers),
    rule,
    text('MOYENS DE PAIEMENT (attendu)', { bold: true }),
    ...Object.entries(x.expected).flatMap(([method, amount]) => pair(w.tenderName(method), money(amount))),
    ...w.cashMoves(x.cash),
    ...pair('Espèces attendues', money(x.cash.expected)),
    rule,
    text('Document informatif, non scellé', { bold: true }),
  ];
}
