import { isSaleV1, type ChainHeads, type SealedRecord, type TrainingState } from '@pos/core';

/**
 * What the host must know of everything it sealed to decide what it may seal next, rebuilt from
 * the journal at every start (fed record by record as the journal is read, then as it grows):
 * which approvals and card attempts a record already used, which carts were voided, how many
 * duplicates each receipt has, how much of each sale was refunded, how much of each line returned.
 */
export class SealedIndex {
  private readonly approvals = new Map<string, string>();
  private readonly cardAttempts = new Map<string, string>();
  private readonly voids = new Map<string, string>();
  private readonly duplicates = new Map<string, number>();
  private readonly refunds = new Map<string, number>();
  private readonly refundRequests = new Map<string, string>();
  /** Per original sale: how much of each of its lines returns took back. */
  private readonly returned = new Map<string, Map<string, number>>();
  private anchor: ChainHeads | null = null;
  private training: TrainingState = { on: false };

  /** The indexer the journal calls for each record, in journal order. */
  readonly add = (record: SealedRecord): void => {
    const cite = (approvalId: string | undefined) => {
      if (approvalId) this.approvals.set(approvalId, record.id);
    };
    if (record.chain === 'sale') {
      const sale = (record as SealedRecord<'sale'>).payload;
      for (const line of sale.lines) {
        cite(line.discount?.approvalId);
        cite(line.priceOverride?.approvalId);
      }
      cite(sale.cartDiscountApproval?.approvalId);
      if (isSaleV1(sale)) cite(sale.returnApproval?.approvalId);
      if (isSaleV1(sale) && sale.kind === 'return' && sale.returnOf) {
        const lines = this.returned.get(sale.returnOf.saleId) ?? new Map<string, number>();
        for (const line of sale.returnOf.lines) lines.set(line.lineId, (lines.get(line.lineId) ?? 0) + line.quantity);
        this.returned.set(sale.returnOf.saleId, lines);
      }
      for (const tender of sale.tenders)
        if (tender.method === 'card' && tender.status === 'approved') this.cardAttempts.set(tender.attemptKey, record.id);
      return;
    }
    if (record.chain === 'duplicate') {
      const { saleId, duplicateNumber } = (record as SealedRecord<'duplicate'>).payload;
      this.duplicates.set(saleId, Math.max(this.duplicateCount(saleId), duplicateNumber));
      return;
    }
    const event = (record as SealedRecord<'event'>).payload;
    switch (event.type) {
      case 'sale.void':
        this.voids.set(event.saleId, record.id);
        cite(event.approvalId);
        break;
      case 'receipt.reprint':
        this.duplicates.set(event.saleId, Math.max(this.duplicateCount(event.saleId), event.reprintNumber));
        break;
      case 'drawer.open':
      case 'cash.movement':
        cite(event.approvalId);
        break;
      case 'refund.request':
        this.refunds.set(event.saleId, this.refundedOf(event.saleId) + event.amount);
        this.refundRequests.set(event.attemptKey, record.id);
        cite(event.approvalId);
        break;
      case 'till.start':
        if (event.heads) this.anchor = event.heads;
        break;
      // Training mode lasts from its start event to its stop event, across restarts.
      case 'training.start':
        this.training = { on: true, since: record.sealedAt, staffId: event.staffId, approvedBy: event.approvedBy };
        break;
      case 'training.stop':
        this.training = { on: false };
        break;
      default:
        break;
    }
  };

  /** The id of the record that used this approval, if one did. */
  approvalUsedBy(approvalId: string): string | undefined {
    return this.approvals.get(approvalId);
  }

  /** The id of the sale an approved card attempt paid, if one did. */
  cardAttemptUsedBy(attemptKey: string): string | undefined {
    return this.cardAttempts.get(attemptKey);
  }

  voidOf(saleId: string): string | undefined {
    return this.voids.get(saleId);
  }

  duplicateCount(saleId: string): number {
    return this.duplicates.get(saleId) ?? 0;
  }

  refundedOf(saleId: string): number {
    return this.refunds.get(saleId) ?? 0;
  }

  /** How much of each line of a sale the returns sealed so far took back (by original line id). */
  returnedOf(saleId: string): ReadonlyMap<string, number> {
    return this.returned.get(saleId) ?? new Map();
  }

  refundRequestOf(attemptKey: string): string | undefined {
    return this.refundRequests.get(attemptKey);
  }

  /** Whether training mode is on: the last training.start with no training.stop after it. */
  get trainingState(): TrainingState {
    return this.training;
  }

  /** Every chain's head as the last start sealed it (null before the first start that recorded them). */
  get lastAnchor(): ChainHeads | null {
    return this.anchor;
  }
}
