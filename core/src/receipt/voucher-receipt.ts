import { isSaleV1, type SalePayload } from '../sale/sale';
import { amountDue, type SaleVoucher } from '../sale/voucher-line';
import { formatAmount, twoColumns, wrap } from './receipt-format';

/**
 * A card the hub made or reloaded for a voucher line, as the till host knows it when the receipt
 * prints: its code in clear only on the original receipt, right after the hub answered (the
 * receipt is not a signed payload; the sealed sale never holds the code).
 */
export type IssuedVoucher = {
  readonly lineId: string;
  readonly maskedCode: string;
  /** The bearer secret, printed once; absent on a duplicate or once the host no longer holds it. */
  readonly code?: string;
  /** What the card holds now, when the hub said. */
  readonly available?: number;
};

type VoucherLabels = {
  readonly issue: string;
  readonly reload: string;
  readonly storeCredit: string;
  readonly outsideVat: string;
  readonly due: string;
  readonly refunded: string;
  readonly code: string;
  readonly codeLater: string;
  readonly balance: string;
  readonly keep: string;
};

const LABELS: Readonly<Record<string, VoucherLabels>> = {
  fr: {
    issue: 'Carte cadeau vendue',
    reload: 'Recharge carte cadeau',
    storeCredit: 'Avoir émis',
    outsideVat: 'Hors champ de TVA (bon à usages multiples)',
    due: 'Total à payer',
    refunded: 'Remboursé',
    code: 'Code',
    codeLater: 'Code : à demander en caisse (carte en cours d’émission)',
    balance: 'Solde de la carte',
    keep: 'Conservez ce code : il vaut de l’argent.',
  },
  en: {
    issue: 'Gift card sold',
    reload: 'Gift card reload',
    storeCredit: 'Store credit issued',
    outsideVat: 'Outside the scope of VAT (multi-purpose voucher)',
    due: 'Total to pay',
    refunded: 'Refunded',
    code: 'Code',
    codeLater: 'Code: ask at the till (card being issued)',
    balance: 'Card balance',
    keep: 'Keep this code: it is worth money.',
  },
};

function labelsOf(locale: string): VoucherLabels {
  return LABELS[locale.split('-')[0] ?? 'fr'] ?? (LABELS.fr as VoucherLabels);
}

function voucherTitle(v: SaleVoucher, labels: VoucherLabels): string {
  if (v.cardKind === 'store_credit') return labels.storeCredit;
  return v.operation === 'issue' ? labels.issue : labels.reload;
}

/**
 * The receipt's lines for a sale's vouchers, under its goods total: each card sold, reloaded or
 * given with its amount, the VAT mention, what the tenders settled, and each card's code (in clear
 * when given, else masked) with its balance. Nothing for a sale without vouchers.
 */
export function voucherReceiptLines(
  sale: SalePayload,
  issued: readonly IssuedVoucher[],
  options: { readonly locale: string; readonly width: number },
): string[] {
  if (!isSaleV1(sale) || !sale.vouchers?.length) return [];
  const labels = labelsOf(options.locale);
  const money = (amount: number) => formatAmount(amount, sale.currency, options.locale);
  const width = options.width;
  const byLine = new Map(issued.map((c) => [c.lineId, c]));
  const out: string[] = [];
  for (const v of sale.vouchers) {
    out.push(...twoColumns(voucherTitle(v, labels), money(v.amount), width));
    const card = byLine.get(v.lineId);
    if (card?.code) {
      out.push(...twoColumns(`  ${labels.code}`, card.code, width));
      out.push(...wrap(`  ${labels.keep}`, width));
    } else if (card) out.push(`  ${card.maskedCode}`);
    else out.push(...wrap(`  ${labels.codeLater}`, width));
    if (card?.available !== undefined) out.push(...twoColumns(`  ${labels.balance}`, money(card.available), width));
  }
  out.push(...wrap(labels.outsideVat, width));
  out.push(...twoColumns(sale.kind === 'return' ? labels.refunded : labels.due, money(amountDue(sale)), width));
  return out;
}
