import path from 'node:path';
import { isSaleV1, isStoredValueTender, type SalePayload, type SealedRecord, type StoredValueReservation } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

/** A reservation this host obtained from the hub for an open sale, as it answered. */
export type HeldReservation = StoredValueReservation & {
  /** The open sale (cart) it was reserved for: only that sale may use it. */
  readonly saleId: string;
  readonly currency: string;
  /** When the hub lets it run out (nothing is left to spend after). */
  readonly until: string;
};

/** Points this host reserved at the hub for a reward of an open sale. */
export type HeldPoints = {
  readonly reservationId: string;
  readonly saleId: string;
  readonly customerId: string;
  readonly programId: string;
  readonly programVersion: number;
  readonly rewardId: string;
  readonly points: number;
  readonly until: string;
};

/** What a sealed sale's loyalty discount asks of the hub: consume these reserved points, once. */
export type PointsUse = {
  readonly saleId: string;
  readonly customerId: string;
  readonly programId: string;
  readonly rewardId: string;
  readonly points: number;
};

/** What a sealed sale's tender asks of the hub: spend this reservation, once. */
export type ReservationUse = { readonly saleId: string; readonly tenderId: string; readonly cardId: string; readonly amount: number };

type Line =
  | { readonly kind: 'reserved'; readonly reservation: HeldReservation }
  | { readonly kind: 'reserved-points'; readonly reservation: HeldPoints }
  /** To give back at the hub (a removed tender); written before the hub is asked, so offline it is given back later. */
  | { readonly kind: 'release-due'; readonly reservationId: string }
  | { readonly kind: 'released'; readonly reservationId: string }
  | { readonly kind: 'spent'; readonly reservationId: string }
  /** The hub refused the spend or the release for good: kept for the report, never sent again. */
  | { readonly kind: 'refused'; readonly reservationId: string; readonly hubCode: string | null };

/** A spend the hub refused: money the sale counted that the card may not have given (reported). */
export type RefusedReservation = { readonly reservationId: string; readonly hubCode: string | null };

/**
 * The reservations this host obtained, on disk (fsynced) before the page is told, and what became
 * of them. Which sealed sale used which reservation is not written here: the fiscal journal says
 * it (this book is one of its indexers, fed every record at each start and each seal), so a kill
 * -9 between the seal and the spend leaves a reservation used and not spent, which the next run
 * spends. The hub is idempotent by sale and tender, so sending a spend twice takes the money once.
 */
export class ReservationBook {
  private readonly held = new Map<string, HeldReservation>();
  private readonly heldPoints = new Map<string, HeldPoints>();
  private readonly uses = new Map<string, ReservationUse>();
  private readonly pointsUses = new Map<string, PointsUse>();
  private readonly voidedSales = new Set<string>();
  private readonly releaseDue = new Set<string>();
  private readonly closed = new Set<string>();
  private readonly refusedOnes: RefusedReservation[] = [];
  private log: JsonLinesLog<Line> | null = null;
  /** Called after a record of the journal changes what is due (a sale spending, a void releasing). */
  onDue: () => void = () => undefined;

  static async open(dataDir: string): Promise<ReservationBook> {
    const book = new ReservationBook();
    book.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'ledgers', 'reservations.jsonl'), (line) => book.apply(line));
    return book;
  }

  /** The journal's indexer: every sealed record, in order, at each start and each seal. */
  readonly add = (record: SealedRecord): void => {
    if (record.chain === 'sale') {
      const sale = record.payload as SalePayload;
      if (isSaleV1(sale) && sale.kind === 'return') return;
      let due = false;
      for (const t of sale.tenders) {
        if (!isStoredValueTender(t)) continue;
        this.uses.set(t.reservationId, { saleId: record.id, tenderId: t.id, cardId: t.cardId, amount: t.amount });
        due = true;
      }
      // A reward's points, as the sealed loyalty discount names them (the journal says what is due, not this book).
      for (const d of isSaleV1(sale) && sale.customerId ? sale.discounts : []) {
        if (d.source !== 'loyalty' || !sale.customerId) continue;
        const use = { saleId: record.id, customerId: sale.customerId, programId: d.sourceId, rewardId: d.rewardId, points: d.points };
        this.pointsUses.set(d.reservationId, use);
        due = true;
      }
      if (due) this.onDue();
    } else if (record.chain === 'event') {
      const event = (record as SealedRecord<'event'>).payload;
      if (event.type === 'sale.void') {
        this.voidedSales.add(event.saleId);
        this.onDue();
      }
    }
  };

  get(reservationId: string): HeldReservation | undefined {
    return this.held.get(reservationId);
  }

  getPoints(reservationId: string): HeldPoints | undefined {
    return this.heldPoints.get(reservationId);
  }

  /** The sealed sale that used the reservation (a tender's or a reward's points), if any. */
  usedBy(reservationId: string): string | undefined {
    return this.uses.get(reservationId)?.saleId ?? this.pointsUses.get(reservationId)?.saleId;
  }

  /** Points sealed sales spent that the hub has not consumed yet, oldest first (from the journal, like spendsDue). */
  pointsConsumesDue(): readonly (PointsUse & { readonly reservationId: string })[] {
    return [...this.pointsUses].filter(([id]) => !this.closed.has(id)).map(([id, use]) => ({ reservationId: id, ...use }));
  }

  /** Given back, spent or refused: no tender may use it any more. */
  isClosed(reservationId: string): boolean {
    return this.closed.has(reservationId) || this.releaseDue.has(reservationId);
  }

  get refused(): readonly RefusedReservation[] {
    return this.refusedOnes;
  }

  /**
   * Spends of sealed sales the hub has not taken yet, oldest first. The journal alone says what is
   * due (the sealed tender names the card, the reservation and the amount): a sale is spent even if
   * this book lost its line for the reservation.
   */
  spendsDue(): readonly (ReservationUse & { readonly reservationId: string })[] {
    return [...this.uses].filter(([id]) => !this.closed.has(id)).map(([id, use]) => ({ reservationId: id, ...use }));
  }

  /** Reservations to give back: removed tenders, and those of a voided sale that no sealed sale used. */
  releasesDue(): readonly HeldReservation[] {
    return [...this.held.values()].filter(
      (r) =>
        !this.closed.has(r.reservationId) &&
        !this.uses.has(r.reservationId) &&
        (this.releaseDue.has(r.reservationId) || this.voidedSales.has(r.saleId)),
    );
  }

  /** Points reserved for a reward and not given back: those of a voided sale, or whose reward was removed. */
  pointsReleasesDue(): readonly HeldPoints[] {
    return [...this.heldPoints.values()].filter(
      (r) =>
        !this.closed.has(r.reservationId) &&
        !this.pointsUses.has(r.reservationId) &&
        (this.releaseDue.has(r.reservationId) || this.voidedSales.has(r.saleId)),
    );
  }

  async holdPoints(reservation: HeldPoints): Promise<void> {
    if (!this.heldPoints.has(reservation.reservationId)) await this.record({ kind: 'reserved-points', reservation });
  }

  async hold(reservation: HeldReservation): Promise<void> {
    if (this.held.has(reservation.reservationId)) return;
    await this.record({ kind: 'reserved', reservation });
  }

  async wantRelease(reservationId: string): Promise<void> {
    if (!this.releaseDue.has(reservationId) && !this.closed.has(reservationId)) await this.record({ kind: 'release-due', reservationId });
  }

  async released(reservationId: string): Promise<void> {
    await this.record({ kind: 'released', reservationId });
  }

  async spent(reservationId: string): Promise<void> {
    await this.record({ kind: 'spent', reservationId });
  }

  async refuse(reservationId: string, hubCode: string | null): Promise<void> {
    await this.record({ kind: 'refused', reservationId, hubCode });
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = null;
  }

  private async record(line: Line): Promise<void> {
    if (!this.log) throw new Error('The reservation book is closed');
    await this.log.append(line);
    this.apply(line);
  }

  private apply(line: Line): void {
    switch (line.kind) {
      case 'reserved':
        this.held.set(line.reservation.reservationId, line.reservation);
        break;
      case 'reserved-points':
        this.heldPoints.set(line.reservation.reservationId, line.reservation);
        break;
      case 'release-due':
        this.releaseDue.add(line.reservationId);
        break;
      case 'refused':
        this.refusedOnes.push({ reservationId: line.reservationId, hubCode: line.hubCode });
        this.closed.add(line.reservationId);
        break;
      default:
        this.closed.add(line.reservationId);
    }
  }
}
