import type { SealedRecord } from '../fiscal/chain';
import { promotionAmounts } from '../cart/totals';
import { isSaleV1, salePromotions, type SaleLine } from '../sale/sale';
import type { StoreProfile } from '../store/store-profile';
import {
  centered,
  formatAmount,
  formatDateTime,
  formatNumber,
  formatRate,
  formatWeight,
  padColumns,
  twoColumns,
  wrap,
} from './receipt-format';
import { receiptLabels, type ReceiptLabels } from './receipt-labels';
import { voucherReceiptLines, type IssuedVoucher } from './voucher-receipt';

export type ReceiptLine =
  | { readonly kind: 'text'; readonly text: string; readonly bold?: boolean; readonly large?: boolean }
  | { readonly kind: 'rule' }
  | { readonly kind: 'qrcode'; readonly value: string };

/**
 * A receipt laid out in fixed-width text, shared by the on-screen preview and the printer encoders,
 * so what the cashier sees is what prints. `large` lines are printed double width and double
 * height, so they are laid out on half the width.
 */
export type Receipt = {
  readonly width: number;
  readonly saleId: string;
  readonly receiptNumber: string;
  readonly duplicate?: number;
  /** A sale of training mode ("MODE ÉCOLE"): fictitious, printed as such top and bottom. */
  readonly training?: boolean;
  readonly lines: readonly ReceiptLine[];
};

/** The name printed before the version on every receipt. */
export const SOFTWARE_NAME = 'POS Caisse';

/**
 * A record's fingerprint as receipts print it: the first 8 hex digits of its hash. Anyone holding
 * the journal or an archive finds the sealed record of a ticket with it (and checks its signature).
 */
export function receiptFingerprint(record: Pick<SealedRecord, 'hash'>): string {
  return record.hash.slice(0, 8);
}

/** A ticket: a sale or return of the sale chain, or a fictitious one of the training chain. */
export type TicketRecord = SealedRecord<'sale'> | SealedRecord<'training'>;

/** A sale of training mode: on the training chain, or marked `training` in its sealed payload (version 1). */
export function isTrainingSale(record: Pick<TicketRecord, 'chain' | 'payload'>): boolean {
  return record.chain === 'training' || (isSaleV1(record.payload) && record.payload.training === true);
}

/** The letters between the till and the sequence of a training ticket's code: it can never be taken for a real one. */
export const TRAINING_RECEIPT_MARK = 'ECOLE';

export type ReceiptOptions = {
  readonly width: number;
  /**
   * The version of the software that sealed the sale, a mandatory mention: the host's own, the
   * renderer's host's, or at the hub the version the till's last start before the sale recorded.
   */
  readonly softwareVersion: string;
  /** Unset where the cashier's name is not known (the hub's digital receipt of a person the hub does not manage). */
  readonly cashierName?: string;
  /** Reprint counter: set for a DUPLICATA. */
  readonly duplicate?: number;
  /** The cards the sale's vouchers made or reloaded, as the host knows them (codes on the original only). */
  readonly vouchers?: readonly IssuedVoucher[];
};

/**
 * A receipt's code: `<store>-<till>-<seq>` ("S001-T01-000042"), unique across the chain. Without
 * a store it is the `<till>-<seq>` printed on version 0 sales, which keep the code they were
 * printed with (saleReceiptNumber).
 */
export function receiptNumber(tillId: string, seq: number, storeId?: string): string {
  return `${storeId ? `${storeId}-` : ''}${tillId}-${String(seq).padStart(6, '0')}`;
}

/**
 * The code printed on this sale's receipt: with its store from version 1 on, as first printed
 * before. A training ticket numbers on its own chain, `<store>-<till>-ECOLE-<seq>`.
 */
export function saleReceiptNumber(record: Pick<TicketRecord, 'seq' | 'payload'> & { readonly chain?: TicketRecord['chain'] }): string {
  const sale = record.payload;
  if (record.chain === 'training') return receiptNumber(`${sale.tillId}-${TRAINING_RECEIPT_MARK}`, record.seq, sale.storeId);
  return receiptNumber(sale.tillId, record.seq, isSaleV1(sale) ? sale.storeId : undefined);
}

type Style = { readonly bold?: boolean; readonly large?: boolean };

export function buildReceipt(record: TicketRecord, store: StoreProfile, options: ReceiptOptions): Receipt {
  const sale = record.payload;
  const locale = store.receiptLocale;
  const labels = receiptLabels(locale);
  const width = options.width;
  const half = Math.floor(width / 2);
  const money = (amount: number) => formatAmount(amount, sale.currency, locale);
  const out: ReceiptLine[] = [];
  const text = (lines: readonly string[], style: Style = {}) => {
    for (const t of lines) out.push({ kind: 'text', text: t, ...style });
  };
  const rule = () => out.push({ kind: 'rule' });
  const number = saleReceiptNumber(record);

  const training = isTrainingSale(record);
  const trainingBanner = () => {
    text(centered(`*** ${labels.training} ***`, width), { bold: true });
    text(centered(labels.trainingNote, width));
  };
  const duplicateBanner = options.duplicate ? `*** ${labels.duplicate} n° ${options.duplicate} ***` : null;
  if (training) trainingBanner();
  if (duplicateBanner) text(centered(duplicateBanner, width), { bold: true });
  text(centered(store.name, half), { bold: true, large: true });
  for (const line of [store.legalName, ...store.addressLines]) text(centered(line, width));
  if (store.phone) text(centered(`${labels.phone} ${store.phone}`, width));
  text(centered(`${labels.vatNumber} ${store.vatNumber}`, width));
  if (store.siret) text(centered(`${labels.siret} ${store.siret}`, width));
  rule();
  // A return: its title, and the receipt it gives back (the customer's proof, and the way back to the sale).
  const returned = isSaleV1(sale) && sale.kind === 'return' ? sale.returnOf : undefined;
  if (returned) {
    text(centered(labels.returnTitle, half), { bold: true, large: true });
    text(wrap(`${labels.returnOf} ${returned.receipt}`, width));
    rule();
  }
  text(twoColumns(`${labels.till} ${store.tillLabel}`, `${labels.receiptNo} ${number}`, width));
  const when = formatDateTime(sale.completedAt, locale, store.timeZone);
  text(options.cashierName === undefined ? [when] : twoColumns(when, `${labels.cashier}: ${options.cashierName}`, width));
  rule();

  const codeOf = new Map(sale.vat.map((v) => [v.vatRateId, v.code]));
  const promotions = promotionAmounts({ promotions: isSaleV1(sale) ? salePromotions(sale) : [] });
  for (const line of sale.lines) {
    text(lineLines(line, promotions.get(line.lineId) ?? 0, codeOf.get(line.vatRateId) ?? '', labels, money, locale, width));
  }
  rule();
  // The lines above add up to the subtotal (after line discounts); the ticket discount takes it to the total.
  const cartDiscount = sale.lines.reduce((acc, l) => acc + l.cartDiscountShare, 0);
  // A loyalty reward comes off last, after the ticket discount: the points it spent beside it.
  const reward = isSaleV1(sale) ? sale.discounts.find((d) => d.source === 'loyalty' && d.amount > 0) : undefined;
  if ((sale.cartDiscountBp && cartDiscount > 0) || reward) text(twoColumns(labels.subtotal, money(sale.subtotal), width));
  if (sale.cartDiscountBp && cartDiscount > 0) {
    text(twoColumns(`${labels.cartDiscount} ${formatRate(sale.cartDiscountBp, locale)}`, money(-cartDiscount), width));
  }
  if (reward?.source === 'loyalty') {
    text(twoColumns(`${labels.loyaltyReward} (${reward.points} ${labels.points})`, money(-reward.amount), width));
  }
  // Without VAT and its VAT: the sums of the sealed VAT rows, never recomputed from the total.
  text(twoColumns(labels.totalExclVat, money(sale.vat.reduce((acc, row) => acc + row.base, 0)), width));
  text(twoColumns(labels.totalVat, money(sale.vat.reduce((acc, row) => acc + row.vat, 0)), width));
  const total = twoColumns(labels.total, money(sale.total), half);
  if (total.length === 1) text(total, { bold: true, large: true });
  else text(twoColumns(labels.total, money(sale.total), width), { bold: true });
  // Gift cards sold, store credit given: apart from the goods' total and VAT (multi-purpose vouchers).
  text(voucherReceiptLines(sale, options.vouchers ?? [], { locale, width }));
  rule();

  const number2 = (amount: number) => formatNumber(amount, sale.currency, locale);
  const vatHeader = [labels.vatTable.code, labels.vatTable.rate, labels.vatTable.base, labels.vatTable.vat, labels.vatTable.inclusive];
  const vatRows = sale.vat.map((row) => [
    row.code,
    formatRate(row.rateBp, locale),
    number2(row.base),
    number2(row.vat),
    number2(row.inclusive),
  ]);
  text(vatTable(vatHeader, vatRows, width));
  rule();

  for (const tender of sale.tenders) {
    if (tender.method === 'cash') text(twoColumns(labels.cash, money(tender.tendered), width));
    else if (tender.method !== 'card') {
      // The card's masked code under its kind, then what is left on it when the hub said.
      text(twoColumns(labels[tender.method === 'gift_card' ? 'giftCard' : 'storeCredit'], money(tender.amount), width));
      text([`  ${tender.maskedCode}`]);
      if (tender.balanceAfter !== undefined) text(twoColumns(`  ${labels.cardBalance}`, money(tender.balanceAfter), width));
    } else if (tender.status === 'approved') {
      text(twoColumns(`${labels.card}${tender.maskedPan ? ` ${tender.maskedPan}` : ''}`, money(tender.amount), width));
    }
  }
  if (sale.cashRounding !== 0) text(twoColumns(labels.rounding, money(sale.cashRounding), width));
  if (sale.change > 0) text(twoColumns(labels.change, money(sale.change), width), { bold: true });
  rule();
  const items = sale.lines.reduce((acc, l) => acc + (l.measure === 'unit' && l.labelAmount === undefined ? l.quantity : 1), 0);
  text([`${labels.items}: ${items}`]);
  if (isSaleV1(sale) && sale.loyalty) text(twoColumns(labels.loyaltyEarned, String(sale.loyalty.earn.points), width));
  for (const line of store.receiptFooter) text(centered(line, width));
  out.push({ kind: 'qrcode', value: sale.saleId });
  text(centered(`${labels.saleId} ${sale.saleId}`, width));
  text(centered(`${labels.fingerprint}: ${receiptFingerprint(record)}`, width));
  text(centered(`${labels.software}: ${SOFTWARE_NAME} ${options.softwareVersion}`, width));
  if (duplicateBanner) text(centered(duplicateBanner, width), { bold: true });
  if (training) trainingBanner();

  return {
    width,
    saleId: sale.saleId,
    receiptNumber: number,
    ...(options.duplicate ? { duplicate: options.duplicate } : {}),
    ...(training ? { training: true } : {}),
    lines: out,
  };
}

/**
 * The VAT table: code, rate, then base, VAT and inclusive amounts right-aligned. Every cell keeps
 * a space before it and none is ever cut. The usual layout is 3/rest/three equal columns (32
 * columns → 3/8/7/7/7); wider figures get the room they need, and when five columns cannot fit on
 * one line each rate takes two (code and rate, then its amounts).
 */
function vatTable(header: readonly string[], rows: readonly (readonly string[])[], width: number): string[] {
  const table = [header, ...rows];
  const longest = (column: number) => Math.max(...table.map((row) => row[column]?.length ?? 0));
  const code = Math.max(3, longest(0));
  const rate = longest(1) + 1;
  const amount = Math.max(longest(2), longest(3), longest(4)) + 1;
  const usualAmount = Math.floor((width - 3 - 7) / 3);
  const amountWidth = Math.max(amount, usualAmount);
  const rateWidth = width - code - amountWidth * 3;
  if (rateWidth >= rate) return table.map((row) => padColumns(row, [code, rateWidth, amountWidth, amountWidth, amountWidth]));
  const third = Math.floor(width / 3);
  return table.flatMap(([c = '', r = '', ...amounts]) => [
    `${c} ${r}`,
    ...(amount <= third ? [padColumns(['', ...amounts], [width - third * 3, third, third, third])] : amounts.map((a) => a.padStart(width))),
  ]);
}

function lineLines(
  line: SaleLine,
  /** What promotions took off the line. */
  promotion: number,
  vatCode: string,
  labels: ReceiptLabels,
  money: (amount: number) => string,
  locale: string,
  width: number,
): string[] {
  const out = twoColumns(line.name, `${money(line.gross)} ${vatCode}`, width);
  // Every line says its quantity, unit price and VAT rate (mandatory mentions), whatever its quantity.
  const rate = `${labels.lineVat} ${formatRate(line.rateBp, locale)}`;
  if (line.measure === 'weight' && line.labelAmount === undefined) {
    out.push(...twoColumns(`  ${formatWeight(line.quantity, locale)} x ${money(line.unitPrice)}${labels.perKg}`, rate, width));
  } else if (line.measure === 'weight') {
    // A price label is worth its label: the weight is shown, never multiplied by a price it was not sold at.
    out.push(...twoColumns(`  ${formatWeight(line.quantity, locale)}`, rate, width));
  } else {
    out.push(...twoColumns(`  ${line.quantity} x ${money(line.unitPrice)}`, rate, width));
  }
  if (line.priceOverride) {
    out.push(...wrap(`  ${labels.priceOverride} (${money(line.priceOverride.originalPrice)}): ${line.priceOverride.reason}`, width));
  }
  if (line.lineDiscount > 0) {
    const what = line.discount?.kind === 'percent' ? `${labels.lineDiscount} ${formatRate(line.discount.bp, locale)}` : labels.lineDiscount;
    out.push(...twoColumns(`  ${what}`, `${money(-line.lineDiscount)}  `, width));
  }
  if (promotion > 0) out.push(...twoColumns(`  ${labels.promotion}`, `${money(-promotion)}  `, width));
  return out;
}

/** The receipt as plain text, one line per row: the on-screen preview and the tests read this. */
export function receiptText(receipt: Receipt): string {
  return receipt.lines
    .map((l) => (l.kind === 'text' ? l.text : l.kind === 'rule' ? '-'.repeat(receipt.width) : `[QR ${l.value}]`))
    .join('\n');
}
