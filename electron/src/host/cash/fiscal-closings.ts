import {
  addDays,
  businessDate,
  dailyClosing,
  fiscalYearMonths,
  fiscalYearOf,
  missingDailyClosings,
  missingMonthlyClosings,
  monthlyClosing,
  monthOf,
  PosError,
  saleBusinessDate,
  yearlyClosing,
  type ClosingKind,
  type ClosingSaleRecord,
  type ClosingSummary,
  type PeriodClosingPayload,
  type SealedRecord,
} from '@pos/core';
import type { HostContext } from '../host-context';
import type { CashIndex, ClosingEntry } from './cash-index';
import { cashSettingsOf } from './cash-settings';

const PAGE = 5000;
const TYPE: Record<ClosingKind, PeriodClosingPayload['type']> = { day: 'closing.day', month: 'closing.month', year: 'closing.year' };

function summary(entry: ClosingEntry): ClosingSummary {
  return { kind: entry.kind, label: entry.label, seq: entry.seq, sealedAt: entry.sealedAt, total: entry.total, currency: entry.currency };
}

function refusal(code: string, message: string): PosError {
  return new PosError('INVALID_REQUEST', message, { closing: code });
}

/**
 * The till's fiscal closings (daily, monthly, yearly) on the closing chain: each from the sealed
 * records of the host's journal, never the page's; a month first seals every missing daily closing
 * (and any earlier month left open), a year its missing months. A closing is sealed once: asking
 * again answers the one sealed. Periods must be over: a day once it is past (or today with no cash
 * session open), a month or a fiscal year once the business date is beyond it.
 */
export class FiscalClosings {
  constructor(
    private readonly ctx: HostContext,
    private readonly index: CashIndex,
  ) {}

  private get settings() {
    return cashSettingsOf(this.ctx.profile);
  }

  list(limit: number): ClosingSummary[] {
    return this.index.closings.slice(-limit).reverse().map(summary);
  }

  run(kind: ClosingKind, period: string): Promise<ClosingSummary[]> {
    return this.ctx.sealGate.run(async () => {
      const before = this.index.closings.length;
      const today = businessDate(new Date().toISOString(), this.settings.days);
      if (kind === 'day') await this.closeDaysThrough(this.checkedDay(period, today));
      else if (kind === 'month') await this.closeMonthsThrough(this.checkedMonth(period, today));
      else await this.closeYear(this.checkedYear(period, today));
      const sealed = this.index.closings.slice(before).map(summary);
      if (sealed.length > 0) return sealed;
      const id = this.index.closingOf(TYPE[kind], period);
      const entry = this.index.closings.find((e) => e.id === id);
      return entry ? [summary(entry)] : [];
    });
  }

  private checkedDay(day: string, today: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw refusal('period-invalid', `Not a business date: ${day}`);
    monthOf(day);
    const open = this.index.state.status === 'open' || this.index.state.status === 'closing';
    if (day > today || (day === today && open)) throw refusal('period-not-over', `The business day ${day} is not over`);
    return day;
  }

  private checkedMonth(month: string, today: string): string {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw refusal('period-invalid', `Not a month: ${month}`);
    if (month >= monthOf(today)) throw refusal('period-not-over', `The month ${month} is not over`);
    return month;
  }

  private checkedYear(year: string, today: string): string {
    if (!/^\d{4}$/.test(year)) throw refusal('period-invalid', `Not a fiscal year: ${year}`);
    if (year >= fiscalYearOf(today, this.settings.fiscalYearStartMonth))
      throw refusal('period-not-over', `The fiscal year ${year} is not over`);
    return year;
  }

  /** The sale chain's records of these business dates (read from the journal, in sequence order). */
  private async salesOf(dates: ReadonlySet<string>): Promise<Map<string, ClosingSaleRecord[]>> {
    const near = (d: string) => [addDays(d, -1), d, addDays(d, 1)];
    const kept = this.index.pendingSales([...dates], near);
    if (kept) return kept;
    const byDate = new Map<string, ClosingSaleRecord[]>();
    const keys = [...dates].flatMap(near);
    const range = this.index.saleRange(keys);
    if (!range) return byDate;
    const days = this.settings.days;
    let after = range.first - 1;
    while (after < range.last) {
      const records = (await this.ctx.journal.read('sale', after, PAGE)) as SealedRecord<'sale'>[];
      if (records.length === 0) break;
      for (const r of records) {
        if (r.seq > range.last) break;
        const date = saleBusinessDate(r.payload, days);
        if (!dates.has(date)) continue;
        const list = byDate.get(date) ?? [];
        list.push({ seq: r.seq, hash: r.hash, payload: r.payload });
        byDate.set(date, list);
      }
      after = records[records.length - 1]!.seq;
    }
    return byDate;
  }

  private async seal(payload: PeriodClosingPayload): Promise<void> {
    const id = `${payload.type}-${payload.period}`;
    await this.ctx.sealer.seal({ chain: 'closing', id, payload });
  }

  private async closingPayload(type: PeriodClosingPayload['type'], period: string): Promise<PeriodClosingPayload> {
    const id = this.index.closingOf(type, period);
    const record = id ? await this.ctx.journal.get(id) : null;
    if (!record || record.chain !== 'closing') throw refusal('missing', `No ${type} of ${period}`);
    return record.payload as PeriodClosingPayload;
  }

  /** Seals every daily closing due up to `through` (the days with sales not yet closed, and `through` itself), in order. */
  private async closeDaysThrough(through: string, includeThrough = true): Promise<void> {
    const closed = this.index.closedPeriods('closing.day');
    const last = this.index.previousClosing('closing.day')?.period;
    const due = missingDailyClosings(closed, this.index.saleDays, through);
    if (includeThrough && !closed.includes(through)) due.push(through);
    const days = [...new Set(due)].filter((d) => last === undefined || d > last).sort();
    if (days.length === 0) return;
    // One pass over the journal for all of them: a month's 60,000 sales are read once.
    const sales = await this.salesOf(new Set(days));
    for (const day of days) {
      await this.seal(
        dailyClosing({
          date: day,
          currency: this.ctx.profile.currency,
          sales: sales.get(day) ?? [],
          ...(this.index.previousClosing('closing.day') ? { previous: this.index.previousClosing('closing.day')! } : {}),
        }),
      );
    }
  }

  private lastDayOf(month: string): string {
    return addDays(`${month === '9999-12' ? month : nextMonth(month)}-01`, -1);
  }

  /** Seals every monthly closing due up to `through` (earlier months left open first), each after its missing days. */
  private async closeMonthsThrough(through: string): Promise<void> {
    await this.closeDaysThrough(this.lastDayOf(through), false);
    const months = missingMonthlyClosings(this.index.closedPeriods('closing.month'), this.index.closedPeriods('closing.day'), through);
    if (!this.index.closingOf('closing.month', through)) months.push(through);
    const last = this.index.previousClosing('closing.month')?.period;
    for (const month of [...new Set(months)].filter((m) => last === undefined || m > last).sort()) {
      const dailies = await Promise.all(
        this.index
          .closedPeriods('closing.day')
          .filter((d) => monthOf(d) === month)
          .map((d) => this.closingPayload('closing.day', d)),
      );
      const previous = this.index.previousClosing('closing.month');
      await this.seal(monthlyClosing({ month, currency: this.ctx.profile.currency, dailies, ...(previous ? { previous } : {}) }));
    }
  }

  private async closeYear(year: string): Promise<void> {
    const startMonth = this.settings.fiscalYearStartMonth;
    const months = fiscalYearMonths(year, startMonth);
    await this.closeMonthsThrough(months[months.length - 1]!);
    if (this.index.closingOf('closing.year', year)) return;
    const monthlies = await Promise.all(
      this.index
        .closedPeriods('closing.month')
        .filter((m) => months.includes(m))
        .map((m) => this.closingPayload('closing.month', m)),
    );
    const previous = this.index.previousClosing('closing.year');
    await this.seal(
      yearlyClosing({
        fiscalYear: year,
        fiscalYearStartMonth: startMonth,
        currency: this.ctx.profile.currency,
        monthlies,
        ...(previous ? { previous } : {}),
      }),
    );
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
}
