import path from 'node:path';
import { isSaleV1, PosError, type IssuedVoucher, type SalePayload, type SealedRecord, type VoucherWaiting } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

/** One card to make or load at the hub for a voucher line of a sealed sale. */
export type VoucherRequest = {
  readonly saleId: string;
  readonly lineId: string;
  readonly cardKind: 'gift_card' | 'store_credit';
  readonly operation: 'issue' | 'reload';
  readonly amount: number;
  readonly currency: string;
  readonly cardId?: string;
  /** Store credit is a member's: the return's customer id. */
  readonly customerId?: string;
};

/** What the hub answered for one request (the code in clear the first time a card is made only). */
export type VoucherAnswer = { readonly cardId: string; readonly maskedCode?: string; readonly code?: string; readonly available?: number };

type Line =
  | { readonly kind: 'due'; readonly request: VoucherRequest }
  | { readonly kind: 'done'; readonly key: string; readonly cardId: string; readonly maskedCode: string; readonly available?: number }
  | { readonly kind: 'refused'; readonly key: string; readonly hubCode: string | null }
  /** The sale chain has been read up to this sequence number. */
  | { readonly kind: 'read'; readonly seq: number };

type Done = { readonly cardId: string; readonly maskedCode: string; readonly available?: number };

export type VoucherOutboxDeps = {
  /** The sale chain's records after `afterSeq` (the host's journal). */
  readonly readSales: (afterSeq: number, limit: number) => Promise<readonly SealedRecord[]>;
  readonly send: (request: VoucherRequest) => Promise<VoucherAnswer>;
};

const READ_BATCH = 500;
const SAVE_EVERY = 1000;

export function voucherKey(saleId: string, lineId: string): string {
  return `${saleId}:${lineId}`;
}

/** The voucher lines of a sealed sale as requests to the hub (none for a version 0 sale). */
export function voucherRequests(sale: SalePayload): VoucherRequest[] {
  if (!isSaleV1(sale) || !sale.vouchers) return [];
  return sale.vouchers.map((v) => ({
    saleId: sale.saleId,
    lineId: v.lineId,
    cardKind: v.cardKind,
    operation: v.operation,
    amount: v.amount,
    currency: sale.currency,
    ...(v.cardId ? { cardId: v.cardId } : {}),
    ...(v.cardKind === 'store_credit' && sale.customerId ? { customerId: sale.customerId } : {}),
  }));
}

/** Only the hub saying no (a 4xx with its code) is final; anything else (offline, busy, down) is tried again later. */
function refusedForGood(error: unknown): boolean {
  if (!(error instanceof PosError) || error.code !== 'HUB_REFUSED') return false;
  const status = typeof error.details?.status === 'number' ? error.details.status : 0;
  return status >= 400 && status < 500 && status !== 429 && status !== 408;
}

/**
 * The cards the till's sealed sales pay for, made or loaded at the hub after the seal. The journal
 * is the source: every sale chain record read is turned into `due` lines (fsynced) before the
 * read position moves on, so a kill -9 between the seal and the hub's answer loses nothing (the
 * next start reads the sale again) and a sale never sealed (abandoned, voided) asks for nothing.
 * The hub is idempotent by sale and line, so a second sending after a crash gets the same card.
 * Codes in clear are kept in memory only, handed out once, and never written to disk.
 */
export class VoucherOutbox {
  private readonly due = new Map<string, VoucherRequest>();
  private readonly done = new Map<string, Done>();
  private readonly refused = new Map<string, string | null>();
  private readonly codes = new Map<string, string>();
  private readSeq = 0;
  private savedSeq = 0;
  private log: JsonLinesLog<Line> | null = null;
  private running: Promise<void> | null = null;

  private constructor(private readonly deps: VoucherOutboxDeps) {}

  static async open(dataDir: string, deps: VoucherOutboxDeps): Promise<VoucherOutbox> {
    const outbox = new VoucherOutbox(deps);
    outbox.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'vouchers', 'outbox.jsonl'), (line) => outbox.apply(line));
    return outbox;
  }

  get pending(): number {
    return this.due.size;
  }

  /**
   * Reads the sales sealed since the last read, then sends what waits, oldest first, until the hub
   * cannot be reached. One run at a time; a run asked for during another waits for it and runs again.
   */
  run(): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const next = previous.then(() => this.readAndSend());
    this.running = next.finally(() => {
      if (this.running === next) this.running = null;
    });
    return next;
  }

  /**
   * What became of a sale's vouchers. A code in clear stays in memory until `takeCodes` (the
   * original receipt) hands it out, then is forgotten; codes never reach the disk.
   */
  resultOf(sale: SalePayload, options: { readonly takeCodes: boolean }): { cards: IssuedVoucher[]; others: VoucherWaiting[] } {
    const cards: IssuedVoucher[] = [];
    const others: VoucherWaiting[] = [];
    for (const request of voucherRequests(sale)) {
      const key = voucherKey(request.saleId, request.lineId);
      const done = this.done.get(key);
      if (done) {
        const code = this.codes.get(key);
        if (options.takeCodes) this.codes.delete(key);
        cards.push({
          lineId: request.lineId,
          maskedCode: done.maskedCode,
          ...(code ? { code } : {}),
          ...(done.available !== undefined ? { available: done.available } : {}),
        });
      } else if (this.refused.has(key)) others.push({ lineId: request.lineId, state: 'refused', hubCode: this.refused.get(key) ?? null });
      else others.push({ lineId: request.lineId, state: 'waiting' });
    }
    return { cards, others };
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.log?.close();
    this.log = null;
  }

  private async readAndSend(): Promise<void> {
    await this.readJournal();
    for (const [key, request] of [...this.due]) {
      if (!this.log) return;
      let answer: VoucherAnswer;
      try {
        answer = await this.deps.send(request);
      } catch (error) {
        if (!refusedForGood(error)) return; // offline or the hub down: the next run
        const hubCode = error instanceof PosError && typeof error.details?.hubCode === 'string' ? error.details.hubCode : null;
        await this.record({ kind: 'refused', key, hubCode });
        continue;
      }
      if (answer.code) this.codes.set(key, answer.code);
      await this.record({
        kind: 'done',
        key,
        cardId: answer.cardId,
        maskedCode: answer.maskedCode ?? '',
        ...(answer.available !== undefined ? { available: answer.available } : {}),
      });
    }
  }

  private async readJournal(): Promise<void> {
    for (;;) {
      const records = await this.deps.readSales(this.readSeq, READ_BATCH);
      if (records.length === 0 || !this.log) return;
      let found = false;
      for (const record of records) {
        for (const request of voucherRequests(record.payload as SalePayload)) {
          const key = voucherKey(request.saleId, request.lineId);
          found = true;
          if (!this.due.has(key) && !this.done.has(key) && !this.refused.has(key)) await this.record({ kind: 'due', request });
        }
      }
      const seq = records[records.length - 1]!.seq;
      // Sales without vouchers move the position in memory; on disk only now and then (reading them again is harmless).
      if (found || seq - this.savedSeq >= SAVE_EVERY) await this.record({ kind: 'read', seq });
      else this.readSeq = seq;
      if (records.length < READ_BATCH) return;
    }
  }

  private async record(line: Line): Promise<void> {
    await this.log!.append(line);
    this.apply(line);
  }

  private apply(line: Line): void {
    if (line.kind === 'read') {
      this.readSeq = Math.max(this.readSeq, line.seq);
      this.savedSeq = this.readSeq;
    } else if (line.kind === 'due') this.due.set(voucherKey(line.request.saleId, line.request.lineId), line.request);
    else {
      this.due.delete(line.key);
      if (line.kind === 'done')
        this.done.set(line.key, {
          cardId: line.cardId,
          maskedCode: line.maskedCode,
          ...(line.available !== undefined ? { available: line.available } : {}),
        });
      else this.refused.set(line.key, line.hubCode);
    }
  }
}
