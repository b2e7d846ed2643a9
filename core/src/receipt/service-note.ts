import type { CartLine } from '../cart/cart';
import type { LineTotals } from '../cart/totals';

/**
 * 25 € TTC, in cents. Paper on request (loi AGEC, décret 2023-1221) left one duty in place: a note
 * for every service (prestation de services) of 25 € TTC or more, which the customer need not ask
 * for (arrêté n° 83-50/A du 3 octobre 1983 relatif à la publicité des prix de tous les services).
 */
export const SERVICE_NOTE_MIN_AMOUNT = 2_500;

/**
 * What the customer pays for the sale's services: the nets of the lines flagged `service`, after
 * their line discount and their share of the ticket discount. Net, by choice: the note states the
 * price charged, so a 30 € service sold 20 € is a 20 € service. Goods on the same ticket do not count.
 */
export function serviceAmount(
  lines: readonly Pick<CartLine, 'lineId' | 'service'>[],
  totals: readonly Pick<LineTotals, 'lineId' | 'net'>[],
): number {
  const services = new Set(lines.filter((l) => l.service).map((l) => l.lineId));
  return totals.reduce((sum, t) => sum + (services.has(t.lineId) ? t.net : 0), 0);
}

/** True when the sale's services (serviceAmount) reach 25 € TTC: the note prints, whatever the store's policy. */
export function serviceNoteRequired(amount: number): boolean {
  return amount >= SERVICE_NOTE_MIN_AMOUNT;
}
