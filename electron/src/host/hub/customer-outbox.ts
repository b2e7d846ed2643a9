import path from 'node:path';
import { PosError, type CustomerDraft } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

type Line =
  | { readonly kind: 'queued'; readonly id: string; readonly customer: CustomerDraft; readonly at: string }
  | { readonly kind: 'sent'; readonly id: string }
  | { readonly kind: 'refused'; readonly id: string; readonly hubCode: string | null };

/** What became of a customer the hub refused (a card number taken…): kept for the log, never sent again. */
export type RefusedCustomer = { readonly id: string; readonly hubCode: string | null };

/**
 * Customers created at the till while the hub could not be reached: each kept on disk (fsynced)
 * before the cashier is told, then sent in order once the hub answers. Sending is idempotent at
 * the hub (the id made on the till, the same body): a crash between the hub's answer and the
 * `sent` line only sends it once more, to the same customer.
 */
export class CustomerOutbox {
  private readonly waiting = new Map<string, CustomerDraft>();
  private readonly refusedOnes: RefusedCustomer[] = [];
  private log: JsonLinesLog<Line> | null = null;
  private flushing: Promise<number> | null = null;

  private constructor(private readonly send: (id: string, customer: CustomerDraft) => Promise<void>) {}

  static async open(dataDir: string, send: (id: string, customer: CustomerDraft) => Promise<void>): Promise<CustomerOutbox> {
    const outbox = new CustomerOutbox(send);
    outbox.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'customers', 'outbox.jsonl'), (line) => outbox.apply(line));
    return outbox;
  }

  get pending(): number {
    return this.waiting.size;
  }

  get refused(): readonly RefusedCustomer[] {
    return this.refusedOnes;
  }

  /** Kept on disk before it resolves; a customer already waiting is kept as first given. */
  async keep(id: string, customer: CustomerDraft): Promise<void> {
    if (this.waiting.has(id)) return;
    const line: Line = { kind: 'queued', id, customer, at: new Date().toISOString() };
    await this.log!.append(line);
    this.apply(line);
  }

  /**
   * Sends what waits, oldest first, until the hub cannot be reached (the rest waits for the next
   * flush). A customer the hub refuses is set aside with its code and not sent again. Resolves to
   * the number sent; one flush at a time.
   */
  flush(): Promise<number> {
    this.flushing ??= this.sendAll().finally(() => (this.flushing = null));
    return this.flushing;
  }

  async close(): Promise<void> {
    await this.flushing?.catch(() => undefined);
    await this.log?.close();
    this.log = null;
  }

  private async sendAll(): Promise<number> {
    let sent = 0;
    for (const [id, customer] of [...this.waiting]) {
      if (!this.log) break;
      try {
        await this.send(id, customer);
      } catch (error) {
        if (!(error instanceof PosError) || error.code !== 'HUB_REFUSED') break; // offline: later
        const hubCode = typeof error.details?.hubCode === 'string' ? error.details.hubCode : null;
        await this.record({ kind: 'refused', id, hubCode });
        continue;
      }
      await this.record({ kind: 'sent', id });
      sent += 1;
    }
    return sent;
  }

  private async record(line: Line): Promise<void> {
    await this.log!.append(line);
    this.apply(line);
  }

  private apply(line: Line): void {
    if (line.kind === 'queued') this.waiting.set(line.id, line.customer);
    else {
      this.waiting.delete(line.id);
      if (line.kind === 'refused') this.refusedOnes.push({ id: line.id, hubCode: line.hubCode });
    }
  }
}
