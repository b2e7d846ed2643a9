import {
  applyCashPayload,
  NO_CASH_SESSION,
  type CashSessionPayload,
  type CashSessionState,
  type ClosingPayload,
  type ClosingSale,
  type ClosingSaleRecord,
  type EventPayload,
  type PeriodClosingPayload,
  type SalePayload,
  type SealedRecord,
  type ZClosingPayload,
} from '@pos/core';

/** At most this many sales of days not yet closed are kept in memory; beyond, closings read the journal. */
const MAX_PENDING_SALES = 250_000;

/** What a closing needs of a sale, and nothing more (lines reduced to their net and salesperson). */
function compact(sale: SalePayload & { businessDate?: string; kind?: 'sale' | 'return'; training?: boolean }): ClosingSale {
  return {
    saleId: sale.saleId,
    staffId: sale.staffId,
    currency: sale.currency,
    completedAt: sale.completedAt,
    total: sale.total,
    discountTotal: sale.discountTotal,
    cashRounding: sale.cashRounding,
    vat: sale.vat.map((v) => ({ rateBp: v.rateBp, base: v.base, vat: v.vat, inclusive: v.inclusive })),
    tenders: sale.tenders.map((t) => ({ method: t.method, amount: t.amount, ...('status' in t ? { status: t.status } : {}) })),
    lines: sale.lines.map((l) => ({ net: l.net, ...('salespersonId' in l && l.salespersonId ? { salespersonId: l.salespersonId } : {}) })),
    ...(sale.kind ? { kind: sale.kind } : {}),
    ...(sale.businessDate ? { businessDate: sale.businessDate } : {}),
    ...(sale.training ? { training: true } : {}),
  };
}

const CASH_TYPES = new Set(['cash.session.open', 'cash.movement', 'cash.count', 'cash.session.close']);

/** One sealed closing as the manager's list shows it. */
export type ClosingEntry = {
  readonly kind: 'z' | 'day' | 'month' | 'year';
  readonly label: string;
  readonly seq: number;
  readonly id: string;
  readonly sealedAt: string;
  readonly total: number;
  readonly currency: string;
};

/** The sale chain's records by a coarse day key (the business date, or the UTC day of a version 0 sale): a range of sequences to read. */
type SeqRange = { first: number; last: number };

/**
 * What the host keeps of its journal for cash sessions and closings, rebuilt at every start from the
 * journal (an indexer fed record by record): the session's state, the sealed sales and voids of
 * the session not yet closed by a Z, which sessions have their Z, the last closing of each level,
 * and where each day's sales sit on the sale chain. The records themselves stay in the journal.
 */
export class CashIndex {
  private cashState: CashSessionState = NO_CASH_SESSION;
  private sessionSales: ClosingSaleRecord[] = [];
  private sessionEvents: EventPayload[] = [];
  private readonly zBySession = new Map<string, number>();
  private lastZPayload: ZClosingPayload | undefined;
  private readonly lastClosing = new Map<string, PeriodClosingPayload>();
  /** Per closing type, the period closed → the closing's id. */
  private readonly closed = new Map<string, Map<string, string>>();
  private readonly dayRanges = new Map<string, SeqRange>();
  private readonly entries: ClosingEntry[] = [];
  private broken: string | null = null;
  /** Sales of version 1 of business days not closed yet, by business date (a daily closing needs no journal read). */
  private readonly pending = new Map<string, ClosingSaleRecord[]>();
  private pendingCount = 0;
  /** Day keys holding version 0 sales (no sealed business date): their closings read the journal. */
  private readonly undated = new Set<string>();
  private overflow = false;

  readonly add = (record: SealedRecord): void => {
    if (record.chain === 'sale') this.addSale(record as SealedRecord<'sale'>);
    else if (record.chain === 'event') this.addEvent((record as SealedRecord<'event'>).payload);
    else if (record.chain === 'closing') this.addClosing(record as SealedRecord<'closing'>);
  };

  get state(): CashSessionState {
    return this.cashState;
  }

  /** A journal whose cash records do not follow one another (never sealed by this host): nothing more is done with them. */
  get problem(): string | null {
    return this.broken;
  }

  /** The sealed sales of the current (or last closed) session, in sequence order. */
  get sales(): readonly ClosingSaleRecord[] {
    return this.sessionSales;
  }

  /** The voids sealed while the session was open. */
  get events(): readonly EventPayload[] {
    return this.sessionEvents;
  }

  get lastZ(): ZClosingPayload | undefined {
    return this.lastZPayload;
  }

  zOf(sessionId: string): number | undefined {
    return this.zBySession.get(sessionId);
  }

  previousClosing(type: PeriodClosingPayload['type']): PeriodClosingPayload | undefined {
    return this.lastClosing.get(type);
  }

  /** The id of the closing of `period` at level `type`, when sealed. */
  closingOf(type: PeriodClosingPayload['type'], period: string): string | undefined {
    return this.closed.get(type)?.get(period);
  }

  closedPeriods(type: PeriodClosingPayload['type']): string[] {
    return [...(this.closed.get(type)?.keys() ?? [])];
  }

  /** Where the sales of these day keys sit on the sale chain (an empty list when none). */
  saleRange(keys: readonly string[]): SeqRange | undefined {
    let range: SeqRange | undefined;
    for (const key of keys) {
      const r = this.dayRanges.get(key);
      if (!r) continue;
      range = range ? { first: Math.min(range.first, r.first), last: Math.max(range.last, r.last) } : { ...r };
    }
    return range;
  }

  /**
   * The sales of these business dates kept in memory, or undefined when the journal must be read
   * (too many kept, or version 0 sales near these dates, whose business date is the store's to compute).
   */
  pendingSales(dates: readonly string[], near: (date: string) => readonly string[]): Map<string, ClosingSaleRecord[]> | undefined {
    if (this.overflow || dates.some((d) => near(d).some((k) => this.undated.has(k)))) return undefined;
    return new Map(dates.map((d) => [d, this.pending.get(d) ?? []]));
  }

  /** Every day key with sales. */
  get saleDays(): string[] {
    return [...this.dayRanges.keys()];
  }

  get closings(): readonly ClosingEntry[] {
    return this.entries;
  }

  private addSale(record: SealedRecord<'sale'>): void {
    const sale = record.payload as SalePayload & { businessDate?: string; sessionId?: string };
    const key = sale.businessDate ?? sale.completedAt.slice(0, 10);
    const range = this.dayRanges.get(key);
    if (range) range.last = record.seq;
    else this.dayRanges.set(key, { first: record.seq, last: record.seq });
    if (sale.businessDate === undefined) this.undated.add(key);
    else if (!this.overflow) {
      const kept = this.pending.get(key) ?? [];
      kept.push({ seq: record.seq, hash: record.hash, payload: compact(sale) });
      this.pending.set(key, kept);
      this.pendingCount += 1;
      if (this.pendingCount > MAX_PENDING_SALES) {
        this.overflow = true;
        this.pending.clear();
      }
    }
    const state = this.cashState;
    if (state.status !== 'none' && sale.sessionId === state.session.sessionId) {
      this.sessionSales.push({ seq: record.seq, hash: record.hash, payload: sale });
    }
  }

  private addEvent(event: EventPayload): void {
    if (CASH_TYPES.has(event.type)) {
      const payload = event as CashSessionPayload;
      try {
        this.cashState = applyCashPayload(this.cashState, payload);
      } catch (error) {
        this.broken = (error as Error).message;
        return;
      }
      if (payload.type === 'cash.session.open') {
        this.sessionSales = [];
        this.sessionEvents = [];
      }
      return;
    }
    if (event.type === 'sale.void' && (this.cashState.status === 'open' || this.cashState.status === 'closing')) {
      this.sessionEvents.push(event);
    }
  }

  private addClosing(record: SealedRecord<'closing'>): void {
    const payload: ClosingPayload = record.payload;
    if (payload.type === 'closing.z') {
      this.zBySession.set(payload.sessionId, record.seq);
      this.lastZPayload = payload;
      this.entries.push({
        kind: 'z',
        label: String(payload.zNumber),
        seq: record.seq,
        id: record.id,
        sealedAt: record.sealedAt,
        total: payload.figures.totals.total.net,
        currency: payload.figures.currency,
      });
      return;
    }
    this.lastClosing.set(payload.type, payload);
    if (payload.type === 'closing.day') {
      this.pendingCount -= this.pending.get(payload.period)?.length ?? 0;
      this.pending.delete(payload.period);
    }
    const periods = this.closed.get(payload.type) ?? new Map<string, string>();
    periods.set(payload.period, record.id);
    this.closed.set(payload.type, periods);
    const kind = payload.type === 'closing.day' ? 'day' : payload.type === 'closing.month' ? 'month' : 'year';
    this.entries.push({
      kind,
      label: payload.period,
      seq: record.seq,
      id: record.id,
      sealedAt: record.sealedAt,
      total: payload.total.net,
      currency: payload.currency,
    });
  }
}
