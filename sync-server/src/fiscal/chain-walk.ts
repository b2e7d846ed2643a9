import { GENESIS_HASH, positionProblems, type FiscalChain, type SealedRecord } from '@pos/core';
import type { Queryable } from '../db/database';
import type { FoundBreak } from './chain-breaks';
import { chainKey, findPlaced, newHead, type ChainHeadState, type PendingRef, type PlacedRecord } from './chain-state';
import { checkRecordNow, type CheckedRecord, type CheckTools } from './record-checks';
import { placeRecord, type RecordIssue } from './record-placement';
import type { InvalidSale } from './sale-arithmetic';
import { recordsById, type StoredRecord } from './stored-records';

/** A record waiting for its place on its chain: read in this step, or pending from an earlier one. */
export type Candidate = {
  readonly ref: PendingRef;
  readonly wasPending: boolean;
  /** The stored record, once read (pending ones are read when the chain reaches them). */
  stored: StoredRecord | null;
  documentIssues: readonly RecordIssue[];
  checked: CheckedRecord | null;
  /** Placed, or flagged and set aside. */
  done: boolean;
};

export type WalkContext = CheckTools & {
  readonly tx: Queryable;
  readonly storeId: string;
  readonly graceMs: number;
  readonly now: number;
};

/** Pending records read at once when a chain reaches them. */
const PENDING_READ = 500;

const describeMs = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);

/**
 * The work of one verification step on one store, in memory: every chain of every till walked
 * from its verified head through the records read (new and pending), in sequence order. What it
 * places, flags and feeds is written by the caller in the step's transaction.
 */
export class ChainWalk {
  readonly placed: PlacedRecord[] = [];
  readonly breaks: FoundBreak[] = [];
  readonly invalidSales: InvalidSale[] = [];
  /** Verified `till.start` records, in the order they were placed: their anchors are applied after the walk. */
  readonly starts: { readonly tillId: string; readonly epoch: number; readonly docId: string; readonly record: SealedRecord<'event'> }[] =
    [];
  /** Chains whose journal restarted at 1 in this step. */
  readonly restarted: { readonly tillId: string; readonly chain: FiscalChain }[] = [];
  private readonly inStep = new Map<string, PlacedRecord>();
  private readonly chains = new Map<string, Candidate[]>();

  constructor(
    private readonly ctx: WalkContext,
    readonly heads: Map<string, ChainHeadState>,
    public feedSeq: number,
  ) {}

  head(tillId: string, chain: FiscalChain): ChainHeadState {
    const key = chainKey(tillId, chain);
    let head = this.heads.get(key);
    if (!head) {
      head = newHead(tillId, chain);
      this.heads.set(key, head);
    }
    return head;
  }

  add(candidate: Candidate): void {
    const key = chainKey(candidate.ref.tillId, candidate.ref.chain);
    const list = this.chains.get(key) ?? [];
    list.push(candidate);
    this.chains.set(key, list);
  }

  candidates(): Candidate[] {
    return [...this.chains.values()].flat();
  }

  /** A record placed on a chain (this step's, or an earlier one's). */
  async placedAt(head: ChainHeadState, seq: number): Promise<PlacedRecord | null> {
    const found = this.inStep.get(`${chainKey(head.tillId, head.chain)}\u0000${head.epoch}\u0000${seq}`);
    if (found) return found;
    const [stored] = await findPlaced(this.ctx.tx, this.ctx.storeId, head, [seq]);
    return stored ?? null;
  }

  /**
   * Walks every chain until none moves: event chains first (their rotations admit keys, their
   * starts anchor the other chains), then again while a rotation brought a key that records of
   * another chain were waiting for.
   */
  async walkAll(): Promise<void> {
    const order = [...this.chains.entries()].sort(
      ([, a], [, b]) => (a[0]!.ref.chain === 'event' ? 0 : 1) - (b[0]!.ref.chain === 'event' ? 0 : 1),
    );
    for (const [, list] of order) list.sort((a, b) => a.ref.seq - b.ref.seq || a.ref.docSeq - b.ref.docSeq);
    for (let round = 0; round < 10; round++) {
      const keysBefore = this.ctx.keys.admitted.length;
      for (const [, list] of order) await this.walk(list);
      if (this.ctx.keys.admitted.length === keysBefore) return;
    }
  }

  private async walk(list: Candidate[]): Promise<void> {
    const first = list[0];
    if (!first) return;
    const head = this.head(first.ref.tillId, first.ref.chain);
    let i = 0;
    for (;;) {
      while (i < list.length && (list[i]!.done || list[i]!.ref.seq <= head.seq)) {
        const c = list[i]!;
        // A second genesis: the chain starts over from this record.
        if (!c.done && (await this.behind(head, c))) break;
        i += 1;
      }
      const c = list[i];
      if (!c) return;
      if (c.ref.seq > head.seq + 1) {
        // A gap: wait for it to fill, until the grace period after the first record beyond it.
        let since = Infinity;
        for (let j = i; j < list.length; j++) if (!list[j]!.done) since = Math.min(since, list[j]!.ref.firstSeen);
        if (this.ctx.now - since < this.ctx.graceMs) return;
        this.breaks.push({
          tillId: head.tillId,
          chain: head.chain,
          epoch: head.epoch,
          seq: head.seq + 1,
          collection: null,
          docId: null,
          code: 'gap',
          problem: `${c.ref.seq - 1 === head.seq + 1 ? `record ${head.seq + 1}` : `records ${head.seq + 1}–${c.ref.seq - 1}`} of the ${head.chain} chain had not arrived ${describeMs(this.ctx.graceMs)} after record ${c.ref.seq}`,
          details: { from: head.seq + 1, to: c.ref.seq - 1, after: c.ref.docId },
        });
        // No hash: the record after a gap given up on cannot be linked to the one before it.
        head.seq = c.ref.seq - 1;
        head.hash = '';
        head.changed = true;
        continue;
      }
      if (c.ref.seq !== head.seq + 1) return;
      const checked = await this.content(c);
      if (checked.keyUnknown && this.ctx.now - c.ref.firstSeen < this.ctx.graceMs) return;
      const position = head.hash !== '' && checked.record ? positionProblems(checked.record, { seq: head.seq, prevHash: head.hash }) : [];
      this.place(
        c,
        head,
        position.map((p) => ({ code: p.code, problem: p.problem })),
      );
      head.seq = c.ref.seq;
      head.hash = checked.hash;
      head.changed = true;
      i += 1;
    }
  }

  /**
   * Whether a first record is this journal's own, come late into a gap at its start (nothing
   * placed at 1, and the record placed at 2 links to it), rather than a new journal's.
   */
  private async lateFirst(head: ChainHeadState, hash: string): Promise<boolean> {
    if (await this.placedAt(head, 1)) return false;
    const second = await this.placedAt(head, 2);
    return second !== null && second.prevHash === hash;
  }

  /**
   * A record at a sequence the chain has passed: a second genesis (the till's journal was lost and
   * started again at 1: the chain starts a new journal, true is returned), a second record with a
   * sequence already placed (a fork), or a record late into a gap given up on, checked against
   * its neighbours.
   */
  private async behind(head: ChainHeadState, c: Candidate): Promise<boolean> {
    const checked = await this.content(c);
    if (checked.keyUnknown && this.ctx.now - c.ref.firstSeen < this.ctx.graceMs) return false;
    const sound = checked.record && checked.issues.length === 0 && c.documentIssues.length === 0 && !checked.keyUnknown;
    if (sound && c.ref.seq === 1 && checked.record!.prevHash === GENESIS_HASH && !(await this.lateFirst(head, checked.hash))) {
      this.breaks.push({
        ...this.identity(c, head),
        epoch: head.epoch + 1,
        code: 'lost-journal',
        problem: `the ${head.chain} chain starts again at 1 after ${head.seq} records: a second genesis, the till's journal was lost (journal ${head.epoch + 1} begins here)`,
        details: { previousJournal: head.epoch, previousHead: { seq: head.seq, hash: head.hash } },
      });
      head.epoch += 1;
      head.seq = 0;
      head.hash = GENESIS_HASH;
      head.changed = true;
      this.restarted.push({ tillId: head.tillId, chain: head.chain });
      return true;
    }
    const placed = await this.placedAt(head, c.ref.seq);
    if (placed) {
      this.breaks.push({
        ...this.identity(c, head),
        code: 'fork',
        problem: `a second record with sequence ${c.ref.seq} on the ${head.chain} chain, where document ${placed.docId} was placed`,
        details: { placedDocId: placed.docId, placedHash: placed.hash },
      });
      c.done = true;
      return false;
    }
    const [before, after] = await Promise.all([
      c.ref.seq === 1 ? Promise.resolve({ hash: GENESIS_HASH }) : this.placedAt(head, c.ref.seq - 1),
      this.placedAt(head, c.ref.seq + 1),
    ]);
    const issues: RecordIssue[] = [];
    if (before && checked.prevHash !== before.hash)
      issues.push({ code: 'link', problem: 'previous hash does not match the record before' });
    if (after && after.prevHash !== checked.hash) issues.push({ code: 'link', problem: 'the record after it does not link to it' });
    this.place(c, head, issues);
    return false;
  }

  /** Places a record on its chain with every problem found: verified and fed, broken, or a sale whose figures fail. */
  private place(c: Candidate, head: ChainHeadState, positionIssues: readonly RecordIssue[]): void {
    const checked = c.checked!;
    const issues = [...c.documentIssues, ...checked.issues, ...positionIssues];
    if (checked.keyUnknown) {
      issues.push({
        code: 'key',
        problem: `signed by key ${checked.record?.keyId}, which is not a key of this till (none came within ${describeMs(this.ctx.graceMs)})`,
      });
    }
    const record = checked.record;
    let status: PlacedRecord['status'] = issues.length > 0 || !record ? 'broken' : 'verified';
    if (status === 'verified' && record!.chain === 'event') {
      const refused = this.ctx.keys.admit(head.tillId, record!);
      if (refused) issues.push({ code: 'rotation', problem: refused });
      if (record!.payload.type === 'till.start') {
        this.starts.push({ tillId: head.tillId, epoch: head.epoch, docId: c.ref.docId, record: record as SealedRecord<'event'> });
      }
    }
    if (status === 'verified' && checked.saleProblems.length > 0) {
      status = 'invalid_sale';
      this.invalidSales.push({ tillId: head.tillId, docId: c.ref.docId, seq: c.ref.seq, problems: checked.saleProblems });
    }
    for (const issue of issues) this.breaks.push({ ...this.identity(c, head), ...issue });
    const placed: PlacedRecord = {
      tillId: head.tillId,
      chain: head.chain,
      epoch: head.epoch,
      seq: c.ref.seq,
      collection: c.ref.collection,
      docId: c.ref.docId,
      hash: checked.hash,
      prevHash: checked.prevHash,
      status,
      feedSeq: status === 'verified' ? ++this.feedSeq : null,
    };
    this.placed.push(placed);
    this.inStep.set(`${chainKey(head.tillId, head.chain)}\u0000${head.epoch}\u0000${c.ref.seq}`, placed);
    c.done = true;
  }

  private identity(c: Candidate, head: ChainHeadState) {
    return { tillId: head.tillId, chain: head.chain, epoch: head.epoch, seq: c.ref.seq, collection: c.ref.collection, docId: c.ref.docId };
  }

  /**
   * The candidate's checks: read with the next waiting records of its chain when it was pending,
   * and checked again when it waited for a key (a rotation of this step may have brought it).
   */
  private async content(c: Candidate): Promise<CheckedRecord> {
    if (!c.stored) await this.readPending(c);
    if (!c.checked || c.checked.keyUnknown) c.checked = checkRecordNow(c.stored!.record, c.ref.tillId, this.ctx);
    return c.checked;
  }

  private async readPending(c: Candidate): Promise<void> {
    const list = this.chains.get(chainKey(c.ref.tillId, c.ref.chain)) ?? [c];
    const batch = list.filter((o) => !o.stored && o.ref.seq >= c.ref.seq).slice(0, PENDING_READ);
    if (!batch.includes(c)) batch.unshift(c);
    const found = new Map(
      (
        await recordsById(
          this.ctx.tx,
          this.ctx.storeId,
          batch.map((o) => o.ref),
        )
      ).map((s) => [`${s.collection}\u0000${s.docId}`, s]),
    );
    for (const o of batch) {
      const stored = found.get(`${o.ref.collection}\u0000${o.ref.docId}`);
      // Documents are never deleted; one missing here cannot be verified: flagged as unreadable.
      o.stored = stored ?? {
        collection: 'sales',
        docId: o.ref.docId,
        docSeq: o.ref.docSeq,
        tillId: o.ref.tillId,
        copies: { storeId: null, tillId: null, seq: null, chain: null },
        record: null,
      };
      const placement = placeRecord(o.stored, this.ctx.storeId);
      o.documentIssues = placement.placed
        ? placement.documentIssues
        : [{ code: 'unreadable', problem: 'the stored record can no longer be read' }];
    }
  }
}
