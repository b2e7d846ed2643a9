import type { ReceiptLabels } from '@pos/core';

/**
 * Reads the figures of a printed French receipt back from its text (decoded from the printer's
 * bytes) and says where they do not add up, as a customer checking the ticket with a pencil
 * would: the article lines and their discounts make the subtotal (or the total), the ticket
 * discount takes the subtotal to the total, each VAT row is base + VAT = inclusive and the rows
 * make the total, and the tenders, cash rounding and change settle the total. It reads only what
 * is printed: rules between sections, labels, amounts written "1 234,56 €".
 */

const RULE = /^─+$/;
const AMOUNT = String.raw`-?\d{1,3}(?: \d{3})*,\d{2}`;
const ARTICLE = new RegExp(String.raw`(?:^|\s)(${AMOUNT}) € [A-Z0-9]{1,3}$`);
const DISCOUNT = new RegExp(String.raw`(?:^|\s)(-${AMOUNT.slice(2)}) €\s*$`);
const PIECES = new RegExp(String.raw`^\s*(\d+) x (${AMOUNT}) €$`);
const WEIGHT = new RegExp(String.raw`^\s*(\d{1,2},\d{3}) kg x (${AMOUNT}) €/kg$`);
const TRAILING_AMOUNT = new RegExp(String.raw`(?:^|\s)(${AMOUNT}) €\s*$`);
const VAT_ROW = /(\S+)\s+(\d+(?:,\d+)? %)\s+(-?\d+,\d{2})\s+(-?\d+,\d{2})\s+(-?\d+,\d{2})/g;

/** "1 234,56" → 123456 (cents). */
export function parseCents(text: string): number {
  const negative = text.startsWith('-');
  const [units = '0', cents = '0'] = text.replace(/[- ]/g, '').split(',');
  const value = Number(units) * 100 + Number(cents);
  return negative ? -value : value;
}

/** Half away from zero, as the till rounds a weighed line. */
function roundHalfAway(numerator: number, denominator: number): number {
  return Math.sign(numerator) * Math.floor((Math.abs(numerator) + denominator / 2) / denominator);
}

const format = (cents: number) => (cents / 100).toFixed(2);

function sections(text: string): string[][] {
  const out: string[][] = [[]];
  for (const line of text.split('\n')) {
    if (RULE.test(line)) out.push([]);
    else out[out.length - 1]!.push(line);
  }
  return out;
}

function articles(lines: readonly string[], problems: string[]): number {
  let sum = 0;
  let last: number | undefined;
  for (const line of lines) {
    const article = ARTICLE.exec(line);
    const discount = DISCOUNT.exec(line);
    const pieces = PIECES.exec(line);
    const weight = WEIGHT.exec(line);
    if (article) {
      last = parseCents(article[1]!);
      sum += last;
    } else if (discount) {
      sum += parseCents(discount[1]!);
    } else if (pieces) {
      const expected = Number(pieces[1]) * parseCents(pieces[2]!);
      if (expected !== last) problems.push(`"${line.trim()}" makes ${format(expected)}, the line says ${format(last ?? NaN)}`);
    } else if (weight) {
      const grams = Number(weight[1]!.replace(',', ''));
      const expected = roundHalfAway(grams * parseCents(weight[2]!), 1000);
      if (expected !== last) problems.push(`"${line.trim()}" makes ${format(expected)}, the line says ${format(last ?? NaN)}`);
    } else if (/€\s*[A-Z0-9]{0,3}\s*$/.test(line)) {
      problems.push(`article section: cannot read "${line}"`);
    }
  }
  return sum;
}

/** A figure pushed onto its own line (its label too long) joins the label above it, as a reader takes it. */
function joinWrapped(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const alone = new RegExp(String.raw`^\s*${AMOUNT} €\s*$`).test(line);
    if (alone && previous !== undefined && !TRAILING_AMOUNT.test(previous)) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

function amountAfter(lines: readonly string[], label: string): number | undefined {
  const line = lines.find((l) => l.trimStart().startsWith(label));
  const match = line === undefined ? null : TRAILING_AMOUNT.exec(line);
  return match ? parseCents(match[1]!) : undefined;
}

/** Everything that does not add up on the receipt, in words; empty when it all does. */
export function additionProblems(text: string, labels: ReceiptLabels): string[] {
  const problems: string[] = [];
  const parts = sections(text);
  if (parts.length < 7) return [`expected 7 sections between rules, found ${parts.length}`];
  const [, , articleLines = [], totals = [], vatLines = [], tenders = []] = parts;
  const totalLines = joinWrapped(totals);
  const tenderLines = joinWrapped(tenders);
  const lines = articles(articleLines, problems);

  const total = amountAfter(totalLines, labels.total);
  const subtotal = amountAfter(totalLines, labels.subtotal);
  const ticketDiscount = amountAfter(totalLines, labels.cartDiscount);
  if (total === undefined) return [...problems, 'no total'];
  if (subtotal !== undefined) {
    if (lines !== subtotal) problems.push(`the lines make ${format(lines)}, the subtotal says ${format(subtotal)}`);
    if (subtotal + (ticketDiscount ?? 0) !== total) {
      problems.push(
        `subtotal ${format(subtotal)} and ticket discount ${format(ticketDiscount ?? 0)} do not make the total ${format(total)}`,
      );
    }
  } else {
    if (ticketDiscount !== undefined) problems.push('a ticket discount is printed without the subtotal it applies to');
    if (lines !== total) problems.push(`the lines make ${format(lines)}, the total says ${format(total)}`);
  }

  const rows = vatLines.filter((l) => /[0-9]/.test(l)).join('\n');
  const matched = [...rows.matchAll(VAT_ROW)];
  if (rows.replace(VAT_ROW, '').match(/[0-9]/)) problems.push(`VAT table: cannot read "${rows}"`);
  let inclusive = 0;
  for (const [row, , , base, vat, gross] of matched) {
    if (parseCents(base!) + parseCents(vat!) !== parseCents(gross!))
      problems.push(`VAT row "${row}": base + VAT is not the inclusive amount`);
    inclusive += parseCents(gross!);
  }
  if (inclusive !== total) problems.push(`the VAT rows make ${format(inclusive)}, the total says ${format(total)}`);

  let paid = 0;
  for (const line of tenderLines) {
    const match = TRAILING_AMOUNT.exec(line);
    if (!match) continue;
    const amount = parseCents(match[1]!);
    const label = line.trimStart();
    if (label.startsWith(labels.change)) paid -= amount;
    else if (label.startsWith(labels.cash) || label.startsWith(labels.card) || label.startsWith(labels.rounding)) paid += amount;
    else problems.push(`tenders: cannot read "${line}"`);
  }
  if (paid !== total) problems.push(`tenders, rounding and change make ${format(paid)}, the total says ${format(total)}`);
  return problems;
}
