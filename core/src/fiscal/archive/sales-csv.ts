import type { SealedRecord } from '../chain';

/** French VAT rates in basis points, each with its own columns; any other rate goes to `vat_other`. */
const RATES = [2000, 1000, 550, 210, 0] as const;

/**
 * The sales of a till flat, one row per sealed sale, for a spreadsheet: amounts in cents, VAT
 * base and amount per French rate, tenders summed by kind, the record's hash. Comma-separated,
 * RFC 4180 quoting. The JSON lines beside it are the sealed records; this is their reading.
 */
export const SALE_CSV_HEADER = [
  'seq',
  'sealed_at',
  'sale_id',
  'completed_at',
  'staff_id',
  'currency',
  'lines',
  'subtotal_cents',
  'discount_cents',
  'total_cents',
  'cash_rounding_cents',
  ...RATES.flatMap((r) => [`vat_${r}bp_base_cents`, `vat_${r}bp_vat_cents`]),
  'vat_other',
  'cash_cents',
  'card_cents',
  'other_tender_cents',
  'change_cents',
  'hash',
].join(',');

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type SaleLike = {
  saleId?: string;
  completedAt?: string;
  staffId?: string;
  currency?: string;
  lines?: readonly unknown[];
  subtotal?: number;
  discountTotal?: number;
  total?: number;
  cashRounding?: number;
  vat?: readonly { rateBp: number; base: number; vat: number }[];
  tenders?: readonly { method?: string; amount?: number }[];
  change?: number;
};

export function saleCsvRow(record: SealedRecord): string {
  const sale = record.payload as SaleLike;
  const vat = sale.vat ?? [];
  const byRate = (rate: number) => vat.filter((v) => v.rateBp === rate);
  const sum = (rows: readonly { base?: number; vat?: number; amount?: number }[], k: 'base' | 'vat' | 'amount') =>
    rows.reduce((n, r) => n + (r[k] ?? 0), 0);
  const tenders = sale.tenders ?? [];
  const other = vat.filter((v) => !(RATES as readonly number[]).includes(v.rateBp));
  return [
    record.seq,
    record.sealedAt,
    sale.saleId ?? '',
    sale.completedAt ?? '',
    sale.staffId ?? '',
    sale.currency ?? '',
    sale.lines?.length ?? 0,
    sale.subtotal ?? 0,
    sale.discountTotal ?? 0,
    sale.total ?? 0,
    sale.cashRounding ?? 0,
    ...RATES.flatMap((r) => [sum(byRate(r), 'base'), sum(byRate(r), 'vat')]),
    other.map((v) => `${v.rateBp}:${v.base}:${v.vat}`).join(' '),
    sum(
      tenders.filter((t) => t.method === 'cash'),
      'amount',
    ),
    sum(
      tenders.filter((t) => t.method === 'card'),
      'amount',
    ),
    sum(
      tenders.filter((t) => t.method !== 'cash' && t.method !== 'card'),
      'amount',
    ),
    sale.change ?? 0,
    record.hash,
  ]
    .map(field)
    .join(',');
}
