import { centered } from '../receipt/receipt-format';
import type { Receipt, ReceiptLine } from '../receipt/receipt-model';

/** What is printed above the sign-up code, in the receipt's language (French unless English). */
const JOIN_CAPTION: Readonly<Record<'fr' | 'en', string>> = {
  fr: 'Devenez membre et gagnez les points de cet achat : scannez ce code',
  en: 'Join our loyalty club and earn the points of this purchase: scan this code',
};

export function joinCaption(locale: string): string {
  return JOIN_CAPTION[locale.split('-')[0] === 'en' ? 'en' : 'fr'];
}

/**
 * The receipt with the loyalty sign-up's QR code (core's joinUrl) just above the sale's own code,
 * which stays the last code so a return's scanner still finds it first at the foot of the ticket.
 * Null `url` (no public address known, a member's sale, a return): the receipt as it was.
 */
export function withJoinCode(receipt: Receipt, url: string | null, locale: string): Receipt {
  if (!url) return receipt;
  const at = receipt.lines.findIndex((l) => l.kind === 'qrcode' && l.value === receipt.saleId);
  const where = at < 0 ? receipt.lines.length : at;
  const added: ReceiptLine[] = [
    ...centered(joinCaption(locale), receipt.width).map((text): ReceiptLine => ({ kind: 'text', text })),
    { kind: 'qrcode', value: url },
    { kind: 'rule' },
  ];
  return { ...receipt, lines: [...receipt.lines.slice(0, where), ...added, ...receipt.lines.slice(where)] };
}
