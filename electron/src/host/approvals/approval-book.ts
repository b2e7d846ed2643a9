import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ApprovalAction, ApprovalSubject } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

/** An approval the host issued: who approved what, for whom. Used at most once, by a sealed record. */
export type IssuedApproval = {
  readonly approvalId: string;
  readonly action: ApprovalAction;
  readonly approvedBy: string;
  /** The signed-in person who asked (the approver when they approved themselves). */
  readonly requestedBy: string;
  readonly subject: ApprovalSubject;
  readonly issuedAt: string;
};

/** Approvals older than this are forgotten when the book is opened: a cart is not kept for a week. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The approvals this host issued, kept in <dataDir>/approvals/issued.jsonl and fsynced before
 * the approval is given to the page, so a cart restored after a restart can still be sealed with
 * the discount a manager approved. Whether an approval was used is not kept here: the journal
 * says it (the sealed record that cites it), so an approval and its use can never disagree.
 */
export class ApprovalBook {
  private readonly issued = new Map<string, IssuedApproval>();
  private log: JsonLinesLog<IssuedApproval> | null = null;

  private constructor(private readonly now: () => Date) {}

  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<ApprovalBook> {
    const book = new ApprovalBook(now);
    const oldest = now().getTime() - KEEP_MS;
    book.log = await JsonLinesLog.open<IssuedApproval>(path.join(dataDir, 'approvals', 'issued.jsonl'), (approval) => {
      if (Date.parse(approval.issuedAt) >= oldest) book.issued.set(approval.approvalId, approval);
    });
    return book;
  }

  get(approvalId: string): IssuedApproval | undefined {
    return this.issued.get(approvalId);
  }

  async issue(approval: Omit<IssuedApproval, 'approvalId' | 'issuedAt'>): Promise<IssuedApproval> {
    if (!this.log) throw new Error('The approval book is closed');
    const issued: IssuedApproval = { ...approval, approvalId: randomUUID(), issuedAt: this.now().toISOString() };
    await this.log.append(issued);
    this.issued.set(issued.approvalId, issued);
    return issued;
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = null;
  }
}
