import type { SealedRecord } from '../chain';
import type { ArchiveProblem } from './archive-problems';

/** Where a record is in the archive. */
export type RecordPlace = { readonly file: string; readonly line: number; readonly tillId: string };

/**
 * A check run over the archive's sound records (shape, hash and link held), added to the
 * verifier: closings' totals against their sales today, others later. Records arrive chain file by
 * chain file; a till's `event` file first, then any `closing` file, then the others.
 */
export type ArchiveCheck = {
  readonly name: string;
  record(record: SealedRecord, place: RecordPlace): void;
  /** The lines it prints and the problems it found. */
  finish(): { readonly lines: readonly string[]; readonly problems: readonly ArchiveProblem[] };
};

/** A closing's figures and the sales it covers, as a closing rule reads them. */
export type ClosingFigures = {
  /** Closings of one level (day, month, year) never overlap: each level is checked on its own. */
  readonly level: string;
  readonly fromSaleSeq: number;
  readonly toSaleSeq: number;
  readonly totals: Readonly<Record<string, number>>;
};

/**
 * How to check closings: which records are closings and what they state, and what one sale adds
 * to those figures. The verifier ships none until the closing chain exists (docs/fiscal.md §12).
 */
export type ClosingRule = {
  read(record: SealedRecord): ClosingFigures | null;
  add(totals: Record<string, number>, sale: SealedRecord): void;
};

type OpenClosing = ClosingFigures & { readonly place: RecordPlace; readonly seq: number; readonly sums: Record<string, number> };

/**
 * Closings' totals against their records: each closing's figures must equal the sum of the sales
 * of its till in its sequence range. Without closing records it says so and checks nothing.
 */
export function closingTotalsCheck(rule?: ClosingRule, closingChain = 'closing'): ArchiveCheck {
  const closings = new Map<string, OpenClosing[]>();
  let found = 0;
  let sorted = false;
  return {
    name: 'closings',
    record(record, place) {
      if (record.chain === closingChain) {
        found += 1;
        const figures = rule?.read(record);
        if (!figures) return;
        const key = `${place.tillId}\u0000${figures.level}`;
        const list = closings.get(key) ?? [];
        list.push({ ...figures, place, seq: record.seq, sums: {} });
        sorted = false;
        closings.set(key, list);
        return;
      }
      if (!rule || record.chain !== 'sale') return;
      if (!sorted) {
        for (const list of closings.values()) list.sort((a, b) => a.fromSaleSeq - b.fromSaleSeq);
        sorted = true;
      }
      for (const [key, list] of closings) {
        if (!key.startsWith(`${place.tillId}\u0000`)) continue;
        // Closings of one level follow each other: the last one starting at or before this sale covers it, if any.
        let lo = 0;
        let hi = list.length - 1;
        let at = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]!.fromSaleSeq <= record.seq) {
            at = mid;
            lo = mid + 1;
          } else hi = mid - 1;
        }
        const closing = at >= 0 ? list[at]! : null;
        if (closing && record.seq <= closing.toSaleSeq) rule.add(closing.sums, record);
      }
    },
    finish() {
      if (found === 0) return { lines: ['closings: no closings in this archive'], problems: [] };
      if (!rule)
        return {
          lines: [`closings: ${found} closing records; their totals are not checked (no closing rule in this verifier)`],
          problems: [],
        };
      const problems: ArchiveProblem[] = [];
      let checked = 0;
      for (const list of closings.values()) {
        for (const closing of list) {
          checked += 1;
          const names = new Set([...Object.keys(closing.totals), ...Object.keys(closing.sums)]);
          const wrong = [...names].filter((n) => (closing.totals[n] ?? 0) !== (closing.sums[n] ?? 0));
          if (wrong.length > 0)
            problems.push({
              ...closing.place,
              chain: closingChain,
              seq: closing.seq,
              code: 'closing',
              problem: wrong.map((n) => `${n} ${closing.totals[n] ?? 0} where its sales sum to ${closing.sums[n] ?? 0}`).join('; '),
            });
        }
      }
      return { lines: [`closings: ${checked} closings checked against their sales`], problems };
    },
  };
}
