export type Summary = {
  readonly n: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
};

export type TimingRecord = {
  readonly name: string;
  readonly unit: 'ms';
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
};
export type ValueRecord = { readonly name: string; readonly value: number };

const round = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    median: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export function timingRecord(name: string, values: readonly number[]): TimingRecord {
  const s = summarize(values);
  return { name, unit: 'ms', n: s.n, median: s.median, p95: s.p95, p99: s.p99, max: s.max };
}

/** A fixed-width table: one row per figure, the target alongside for the reader (never asserted). */
export function formatTable(rows: readonly { name: string; values: readonly number[]; target?: string }[]): string {
  const header = ['figure', 'median', 'p95', 'p99', 'max', 'N', 'target'];
  const lines = rows.map(({ name, values, target }) => {
    const s = summarize(values);
    const ms = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1));
    return [name, ms(s.median), ms(s.p95), ms(s.p99), ms(s.max), String(s.n), target ?? ''];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
