import type { ChainHead, ChainHeads, FiscalChain, SealedRecord } from '@pos/core';

/** Where a record's line lies in the journal (its bytes, without the newline). */
export type RecordLocation = { readonly segment: string; readonly offset: number; readonly length: number };

type Placed = RecordLocation & { readonly seq: number; readonly chain: FiscalChain };

/**
 * What the journal keeps in memory: locations, not records, so memory stays small. A damaged
 * journal is indexed as far as it can be (a repeated sequence keeps its first record for reads,
 * the head follows the last), so support can read it and the integrity event can be chained.
 */
export class JournalIndex {
  private readonly placed = new Map<FiscalChain, Placed[]>();
  private readonly positions = new Map<FiscalChain, ChainHead>();
  private readonly ids = new Map<string, Placed>();
  private readonly announced = new Set<string>();
  private lastRecord: SealedRecord | null = null;

  /** Indexes a record found at `offset` of `segment`; false when an earlier record has its id (that one keeps it). */
  add(record: SealedRecord, segment: string, offset: number, length: number): boolean {
    const at: Placed = { segment, offset, length, seq: record.seq, chain: record.chain };
    let list = this.placed.get(record.chain);
    if (!list) this.placed.set(record.chain, (list = []));
    if ((list.at(-1)?.seq ?? 0) < record.seq) list.push(at);
    const head = this.positions.get(record.chain);
    if (!head || head.seq <= record.seq) this.positions.set(record.chain, { seq: record.seq, hash: record.hash });
    const fresh = !this.ids.has(record.id);
    if (fresh) this.ids.set(record.id, at);
    const payload = record.payload as { readonly type?: unknown; readonly keyId?: unknown } | null;
    if (record.chain === 'event' && payload?.type === 'key.rotate' && typeof payload.keyId === 'string') this.announced.add(payload.keyId);
    this.lastRecord = record;
    return fresh;
  }

  head(chain: FiscalChain): ChainHead | null {
    return this.positions.get(chain) ?? null;
  }

  heads(): ChainHeads {
    return Object.fromEntries(this.positions);
  }

  locate(id: string): Placed | null {
    return this.ids.get(id) ?? null;
  }

  /** Records of `chain` with seq > afterSeq, in order, at most `limit`. */
  slice(chain: FiscalChain, afterSeq: number, limit: number): readonly Placed[] {
    const list = this.placed.get(chain) ?? [];
    // Gap-free chains sit at index seq - 1; a damaged one is searched.
    let from = list[afterSeq]?.seq === afterSeq + 1 ? afterSeq : list.findIndex((p) => p.seq > afterSeq);
    if (from < 0) from = list.length;
    return list.slice(from, from + limit);
  }

  /** Whether a `key.rotate` introducing this key is in the journal. */
  announces(keyId: string): boolean {
    return this.announced.has(keyId);
  }

  last(): SealedRecord | null {
    return this.lastRecord;
  }
}
