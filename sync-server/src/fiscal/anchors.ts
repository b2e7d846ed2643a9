import { FISCAL_CHAINS, GENESIS_HASH } from '@pos/core';
import { chainKey, type AnchorState } from './chain-state';
import type { ChainWalk } from './chain-walk';

/**
 * Anchors: every `till.start` seals each chain's head before that start. A chain that never
 * reaches a head its till anchored (within the grace period), that reaches it with another
 * record, or a later start anchoring a lower head than an earlier one: the till's journal lost
 * its tail (`dropped-tail`). One anchor is kept per till and chain, the highest, in the chain's
 * journal; a chain that starts a new journal (lost-journal) starts with no anchor.
 */
export class Anchors {
  constructor(
    private readonly anchors: Map<string, AnchorState>,
    private readonly walk: ChainWalk,
    private readonly graceMs: number,
    private readonly now: number,
  ) {}

  all(): AnchorState[] {
    return [...this.anchors.values()];
  }

  /** After the walk: restarted journals, the starts placed in this step, then every anchor waiting. */
  async apply(): Promise<void> {
    for (const { tillId, chain } of this.walk.restarted) {
      // A lost journal takes every chain of the till with it: its event chain's starts anchored them all.
      for (const a of this.anchors.values()) if (a.tillId === tillId && (chain === 'event' || a.chain === chain)) a.removed = true;
    }
    for (const start of this.walk.starts) this.anchor(start);
    for (const anchor of this.anchors.values()) if (anchor.status === 'waiting' && !anchor.removed) await this.check(anchor);
  }

  /** When the earliest waiting anchor's grace period ends (null: none waits; one passed in a gap waits for the gap). */
  nextDeadline(): number | null {
    let next: number | null = null;
    for (const a of this.anchors.values()) {
      if (a.status !== 'waiting' || a.removed || this.walk.head(a.tillId, a.chain).seq >= a.seq) continue;
      next = Math.min(next ?? Infinity, a.anchoredAt + this.graceMs);
    }
    return next;
  }

  private anchor(start: ChainWalk['starts'][number]): void {
    const { record } = start;
    if (record.payload.type !== 'till.start') return;
    const heads = record.payload.heads ?? {};
    for (const chain of FISCAL_CHAINS) {
      const anchored = heads[chain] ?? { seq: 0, hash: GENESIS_HASH };
      const head = this.walk.head(start.tillId, chain);
      const key = chainKey(start.tillId, chain);
      const current = this.anchors.get(key);
      const live = current && !current.removed && current.epoch === head.epoch ? current : null;
      if (live && anchored.seq < live.seq) {
        this.walk.breaks.push({
          tillId: start.tillId,
          chain: 'event',
          epoch: start.epoch,
          seq: record.seq,
          collection: 'till_records',
          docId: start.docId,
          code: 'dropped-tail',
          problem: `this start anchors the ${chain} chain at ${anchored.seq}, where the start at event ${live.eventSeq} anchored it at ${live.seq}: records ${anchored.seq + 1}–${live.seq} were dropped from the till's journal`,
          details: { chain, anchoredSeq: anchored.seq, earlierSeq: live.seq, earlierStartDocId: live.eventDocId },
        });
        continue;
      }
      if (anchored.seq === 0 || (live && live.seq === anchored.seq && live.hash === anchored.hash)) continue;
      this.anchors.set(key, {
        tillId: start.tillId,
        chain,
        epoch: head.epoch,
        seq: anchored.seq,
        hash: anchored.hash,
        eventSeq: record.seq,
        eventDocId: start.docId,
        anchoredAt: this.now,
        status: 'waiting',
        changed: true,
        removed: false,
      });
    }
  }

  private async check(anchor: AnchorState): Promise<void> {
    const head = this.walk.head(anchor.tillId, anchor.chain);
    if (head.epoch !== anchor.epoch) return;
    const reached = head.seq >= anchor.seq ? await this.walk.placedAt(head, anchor.seq) : null;
    if (reached) {
      anchor.changed = true;
      if (reached.hash === anchor.hash) {
        anchor.status = 'reached';
        return;
      }
      anchor.status = 'flagged';
      this.walk.breaks.push({
        tillId: anchor.tillId,
        chain: anchor.chain,
        epoch: anchor.epoch,
        seq: anchor.seq,
        collection: reached.collection,
        docId: reached.docId,
        code: 'dropped-tail',
        problem: `record ${anchor.seq} of the ${anchor.chain} chain is not the one the start at event ${anchor.eventSeq} anchored: the records after ${anchor.seq - 1} were dropped and sealed again`,
        details: { anchoredHash: anchor.hash, startDocId: anchor.eventDocId },
      });
      return;
    }
    // Passed, but the anchored record is in a gap given up on: that gap is the break; it may fill yet.
    if (head.seq >= anchor.seq || this.now - anchor.anchoredAt < this.graceMs) return;
    anchor.status = 'flagged';
    anchor.changed = true;
    this.walk.breaks.push({
      tillId: anchor.tillId,
      chain: anchor.chain,
      epoch: anchor.epoch,
      seq: anchor.seq,
      collection: 'till_records',
      docId: anchor.eventDocId,
      code: 'dropped-tail',
      problem: `the start at event ${anchor.eventSeq} anchored the ${anchor.chain} chain at ${anchor.seq}; the hub has it up to ${head.seq} and no more came within the grace period: records ${head.seq + 1}–${anchor.seq} were dropped`,
      details: { anchoredSeq: anchor.seq, verifiedSeq: head.seq },
    });
  }
}
