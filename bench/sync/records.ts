/**
 * The figures: one record shape for the JSON line, `{name, unit, n, median, p95, p99, max}`. A
 * distribution (latencies) is summarised with bench/till's nearest-rank percentiles; a single
 * figure (a throughput, a total time, a ratio) is n = 1 with median = p95 = p99 = max = the value.
 */
import { summarize } from '../till/stats';

export type Unit = 'docs/s' | 'sales/s' | 'ms' | 's' | 'ratio';

export type SyncRecord = {
  readonly name: string;
  readonly unit: Unit;
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
};

export type Figure = {
  readonly record: SyncRecord;
  /** The values the table's row is computed from (bench/till's formatTable). */
  readonly values: readonly number[];
  readonly target?: string;
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function distribution(name: string, unit: Unit, values: readonly number[], target?: string): Figure {
  const s = summarize(values);
  return { record: { name, unit, n: s.n, median: s.median, p95: s.p95, p99: s.p99, max: s.max }, values, ...(target ? { target } : {}) };
}

export function single(name: string, unit: Unit, value: number, target?: string): Figure {
  const v = round(value, unit === 'ratio' ? 3 : 1);
  return { record: { name, unit, n: 1, median: v, p95: v, p99: v, max: v }, values: [v], ...(target ? { target } : {}) };
}

/** A row of the table for a figure: its name with its unit. */
export function tableRow(figure: Figure): { name: string; values: readonly number[]; target?: string } {
  return {
    name: `${figure.record.name} [${figure.record.unit}]`,
    values: figure.values,
    ...(figure.target ? { target: figure.target } : {}),
  };
}

/** Informative rows (not in the JSON): a label, values, a unit. */
export function infoRow(name: string, unit: string, values: readonly number[]): { name: string; values: readonly number[] } {
  return { name: `  ${name} [${unit}]`, values };
}
