import type { CashMovementPayload, CashSessionClosePayload, CashSessionOpenPayload } from '../../cash/cash-session-payloads';
import { expectedByTender } from '../../cash/session-report';
import { cashExpected } from '../../closing/cash-expected';
import { countsInTotals, type ClosingSale } from '../../closing/closing-sale';
import type { PeriodClosingPayload } from '../../closing/period-closing';
import { figuresOf, sumFigures, type PeriodFigures } from '../../closing/period-figures';
import { reportTotals, type ReportTotals } from '../../closing/report-totals';
import type { ZClosingPayload } from '../../closing/z-closing';
import { monthOf } from '../../time/business-date';
import type { SealedRecord } from '../chain';
import type { EventPayload } from '../events';
import type { ArchiveCheck, RecordPlace } from './archive-checks';
import type { ArchiveProblem } from './archive-problems';
import { figureDifferences } from './closing-figures';
import { addReports } from './report-sum';

/** Sales summed at once before their figures join their closing's (memory stays bounded whatever the period). */
const BUFFER = 256;

/** The sales of one closing (a Z's session, a daily closing's business day), summed as they come. */
class SaleSum {
  private buffer: ClosingSale[] = [];
  private report: ReportTotals | null = null;
  last: { seq: number; hash: string } | null = null;
  error: string | null = null;

  add(record: SealedRecord, sale: ClosingSale): void {
    if (this.error) return;
    this.buffer.push(sale);
    if (!this.last || record.seq > this.last.seq) this.last = { seq: record.seq, hash: record.hash };
    if (this.buffer.length >= BUFFER) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    try {
      const part = reportTotals(this.buffer);
      this.report = this.report ? addReports(this.report, part) : part;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.buffer = [];
  }

  totals(events: readonly EventPayload[] = []): ReportTotals {
    this.flush();
    const voids = reportTotals([], events);
    return this.report ? addReports(this.report, voids) : voids;
  }
}

type Closing = { readonly record: SealedRecord; readonly place: RecordPlace };
type Session = {
  open?: { seq: number; payload: CashSessionOpenPayload };
  close?: { seq: number; payload: CashSessionClosePayload };
  movements: CashMovementPayload[];
};

type Till = {
  readonly sessions: Map<string, Session>;
  readonly voids: { readonly seq: number; readonly payload: EventPayload }[];
  readonly closings: Closing[];
  firstClosingSeq: number | null;
  firstSaleSeq: number | null;
  /** Built at the till's first sale (its closing file is read before its sales). */
  sums: { readonly z: Map<string, SaleSum>; readonly day: Map<string, SaleSum>; readonly ranges: { to: number; date: string }[] } | null;
};

const PERIOD_FIGURES = ['count', 'salesCount', 'returnsCount', 'total', 'byVat', 'byTender'] as const;

function pick(value: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]]));
}

type GrandTotals = Pick<PeriodClosingPayload, 'perpetualGrandTotal' | 'perpetualGrandTotalAbsolute'>;

function grandTotals(previous: GrandTotals, total: PeriodFigures['total']): GrandTotals {
  return {
    perpetualGrandTotal: previous.perpetualGrandTotal + total.net,
    perpetualGrandTotalAbsolute: previous.perpetualGrandTotalAbsolute + total.sales + total.returns,
  };
}

const ZERO_TOTALS: GrandTotals = { perpetualGrandTotal: 0, perpetualGrandTotalAbsolute: 0 };

/**
 * Closings' totals recomputed from the archive's records with core's functions (the ones the till
 * used): a Z against its session's sales (by session id), voids sealed while it was open and cash
 * movements (reportTotals, cashExpected, expectedByTender); a daily closing against the sales of
 * its business date (figuresOf, and its last sale); a monthly closing against its month's daily
 * closings and a yearly one against its monthly closings (sumFigures); and the perpetual grand
 * totals of each level accumulating from one closing to the next. A closing whose records begin
 * before the archive (a session opened before its period, a day whose earlier sales are in the
 * previous archive) is counted as not checkable, never as wrong. Each wrong closing is a `closing`
 * problem naming its record.
 */
export function closingRecordsCheck(closingChain = 'closing'): ArchiveCheck {
  const tills = new Map<string, Till>();
  let found = 0;
  const tillOf = (tillId: string): Till => {
    let till = tills.get(tillId);
    if (!till) {
      till = { sessions: new Map(), voids: [], closings: [], firstClosingSeq: null, firstSaleSeq: null, sums: null };
      tills.set(tillId, till);
    }
    return till;
  };

  function sessionOf(till: Till, id: string): Session {
    let session = till.sessions.get(id);
    if (!session) {
      session = { movements: [] };
      till.sessions.set(id, session);
    }
    return session;
  }

  function event(till: Till, record: SealedRecord<'event'>): void {
    const p = record.payload;
    if (p.type === 'cash.session.open') sessionOf(till, p.sessionId).open = { seq: record.seq, payload: p };
    else if (p.type === 'cash.session.close') sessionOf(till, p.sessionId).close = { seq: record.seq, payload: p };
    else if (p.type === 'cash.movement') sessionOf(till, p.sessionId).movements.push(p);
    else if (p.type === 'sale.void') till.voids.push({ seq: record.seq, payload: p });
  }

  function sumsOf(till: Till): NonNullable<Till['sums']> {
    if (till.sums) return till.sums;
    const z = new Map<string, SaleSum>();
    const day = new Map<string, SaleSum>();
    const ranges: { to: number; date: string }[] = [];
    for (const { record } of till.closings) {
      const p = record.payload as ZClosingPayload | PeriodClosingPayload;
      if (p.type === 'closing.z') z.set(p.sessionId, new SaleSum());
      else if (p.type === 'closing.day') {
        day.set(p.period, new SaleSum());
        if (p.lastSaleSeq !== null) ranges.push({ to: p.lastSaleSeq, date: p.period });
      }
    }
    ranges.sort((a, b) => a.to - b.to);
    till.sums = { z, day, ranges };
    return till.sums;
  }

  /** A sale without a business date (version 0): the day whose closing's range of sales holds it. */
  function dateBySeq(ranges: readonly { to: number; date: string }[], seq: number): string | undefined {
    let lo = 0;
    let hi = ranges.length - 1;
    let at: string | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.to >= seq) {
        at = ranges[mid]!.date;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return at;
  }

  function sale(till: Till, record: SealedRecord<'sale'>): void {
    till.firstSaleSeq ??= record.seq;
    if (till.closings.length === 0) return;
    const payload = record.payload as ClosingSale;
    if (!countsInTotals(payload)) return;
    const sums = sumsOf(till);
    if (payload.sessionId !== undefined) sums.z.get(payload.sessionId)?.add(record, payload);
    const date = payload.businessDate ?? dateBySeq(sums.ranges, record.seq);
    if (date !== undefined) sums.day.get(date)?.add(record, payload);
  }

  return {
    name: 'closings',
    record(record, place) {
      const till = tillOf(place.tillId);
      if (record.chain === closingChain) {
        found += 1;
        till.firstClosingSeq ??= record.seq;
        till.closings.push({ record, place });
      } else if (record.chain === 'event') event(till, record as SealedRecord<'event'>);
      else if (record.chain === 'sale') sale(till, record as SealedRecord<'sale'>);
    },
    finish() {
      if (found === 0) return { lines: ['closings: no closings in this archive'], problems: [] };
      const problems: ArchiveProblem[] = [];
      let checked = 0;
      let notCheckable = 0;
      for (const till of tills.values()) {
        const result = checkTill(till);
        checked += result.checked;
        notCheckable += result.notCheckable;
        problems.push(...result.problems);
      }
      const lines = [`closings: ${checked} closings checked against their records`];
      if (notCheckable > 0) lines.push(`closings: ${notCheckable} not checkable from this archive alone (their records begin before it)`);
      return { lines, problems };
    },
  };

  function checkTill(till: Till): { checked: number; notCheckable: number; problems: ArchiveProblem[] } {
    const problems: ArchiveProblem[] = [];
    let checked = 0;
    let notCheckable = 0;
    const sums = sumsOf(till);
    // The previous closing of each level, when it is in the archive (or the chain starts here: zeros).
    const atGenesis = till.firstClosingSeq === 1;
    const previous = new Map<string, (ZClosingPayload | PeriodClosingPayload) | null>();
    const byPeriod = new Map<string, PeriodClosingPayload>();
    const report = (closing: Closing, label: string, what: string) =>
      problems.push({ ...closing.place, chain: closingChain, seq: closing.record.seq, code: 'closing', problem: `${label}: ${what}` });

    for (const closing of [...till.closings].sort((a, b) => a.record.seq - b.record.seq)) {
      const p = closing.record.payload as ZClosingPayload | PeriodClosingPayload;
      const prev = previous.has(p.type) ? previous.get(p.type)! : atGenesis ? null : undefined;
      previous.set(p.type, p);
      const compare = (label: string, sealed: object, recomputed: object) => {
        checked += 1;
        const diffs = figureDifferences(sealed, recomputed);
        if (diffs.length > 0) {
          const words = diffs.slice(0, 3).map((d) => `${d.figure} ${String(d.sealed)} where its records give ${String(d.recomputed)}`);
          report(closing, label, `${words.join('; ')}${diffs.length > 3 ? ` (and ${diffs.length - 3} more)` : ''}`);
        }
      };
      const grand = (figures: PeriodFigures['total']) => (prev === undefined ? {} : grandTotals(prev ?? ZERO_TOTALS, figures));
      const sealedGrand = (q: GrandTotals) => (prev === undefined ? {} : pick(q, ['perpetualGrandTotal', 'perpetualGrandTotalAbsolute']));

      if (p.type === 'closing.z') {
        const label = `Z ${p.zNumber} of session ${p.sessionId}`;
        const session = till.sessions.get(p.sessionId);
        if (!session?.open) {
          notCheckable += 1;
          continue;
        }
        if (!session.close) {
          checked += 1;
          report(closing, label, 'the close of its session is not in the archive');
          continue;
        }
        const sum = sums.z.get(p.sessionId)!;
        const open = session.open;
        const close = session.close;
        const voids = till.voids.filter((v) => v.seq > open.seq && v.seq < close.seq).map((v) => v.payload);
        const totals = sum.totals(voids);
        if (sum.error) {
          checked += 1;
          report(closing, label, `its sales cannot be summed: ${sum.error}`);
          continue;
        }
        const float = open.payload.float.total;
        const zPrev = prev as ZClosingPayload | null | undefined;
        const chained = zPrev === undefined || (zPrev === null ? p.zNumber === 1 : zPrev.zNumber === p.zNumber - 1);
        compare(
          label,
          { figures: pick(p.figures, ['totals', 'cash', 'expected']), ...(chained ? sealedGrand(p) : {}) },
          {
            figures: {
              totals: { ...totals, currency: open.payload.currency },
              cash: cashExpected(float, totals, session.movements),
              expected: expectedByTender(float, totals, session.movements),
            },
            ...(chained ? grand(totals.total) : {}),
          },
        );
      } else if (p.type === 'closing.day') {
        const label = `daily closing of ${p.period}`;
        byPeriod.set(p.period, p);
        const day = prev as PeriodClosingPayload | null | undefined;
        const from = day === undefined ? undefined : (day?.lastSaleSeq ?? 0) + 1;
        const covered =
          from !== undefined && (till.firstSaleSeq === null ? p.lastSaleSeq === (day?.lastSaleSeq ?? null) : till.firstSaleSeq <= from);
        if (!covered) {
          notCheckable += 1;
          continue;
        }
        const sum = sums.day.get(p.period)!;
        const totals = sum.totals();
        if (sum.error) {
          checked += 1;
          report(closing, label, `its sales cannot be summed: ${sum.error}`);
          continue;
        }
        const last = sum.last ?? (day ? { seq: day.lastSaleSeq, hash: day.lastSaleHash } : { seq: null, hash: null });
        compare(
          label,
          { ...pick(p, [...PERIOD_FIGURES, 'lastSaleSeq', 'lastSaleHash']), ...sealedGrand(p) },
          {
            ...figuresOf(totals),
            lastSaleSeq: last.seq,
            lastSaleHash: last.hash,
            ...grand(totals.total),
          },
        );
      } else {
        const label = `${p.type === 'closing.month' ? 'monthly' : 'yearly'} closing of ${p.period}`;
        const parts = (p.closings ?? []).map((period) => byPeriod.get(period));
        if (parts.some((part) => part === undefined)) {
          notCheckable += 1;
          continue;
        }
        const figures = sumFigures(parts as PeriodClosingPayload[]);
        const lastPart = parts.at(-1);
        let lastSale: PeriodClosingPayload | undefined;
        for (const part of parts as PeriodClosingPayload[])
          if (part.lastSaleSeq !== null && (lastSale?.lastSaleSeq ?? -1) < part.lastSaleSeq) lastSale = part;
        // A year's months depend on the fiscal year's first month, which the archive does not say: only a month's days are checked here.
        const inPeriod = (part: string) => p.type !== 'closing.month' || monthOf(part) === p.period;
        compare(
          label,
          {
            ...pick(p, [...PERIOD_FIGURES, 'lastSaleSeq', 'lastSaleHash']),
            ...sealedGrand(p),
            ...(lastPart ? { levelBelow: pick(p, ['perpetualGrandTotal']) } : {}),
          },
          {
            ...figures,
            lastSaleSeq: lastSale?.lastSaleSeq ?? (prev as PeriodClosingPayload | null | undefined)?.lastSaleSeq ?? null,
            lastSaleHash: lastSale?.lastSaleHash ?? (prev as PeriodClosingPayload | null | undefined)?.lastSaleHash ?? null,
            ...grand(figures.total),
            ...(lastPart ? { levelBelow: pick(lastPart, ['perpetualGrandTotal']) } : {}),
          },
        );
        if (!(p.closings ?? []).every(inPeriod)) report(closing, label, 'it sums closings of another period');
        byPeriod.set(p.period, p);
      }
    }
    return { checked, notCheckable, problems };
  }
}
