import {
  canonicalText,
  chainHash,
  GENESIS_HASH,
  PosError,
  RECORD_FORMAT,
  recordShape,
  type EventPayload,
  type FiscalChain,
  type PayloadOf,
  type RecordProblem,
  type SealedFields,
  type SealedRecord,
  type SealRequest,
} from '@pos/core';
import { check } from '@pos/core/validation/shape';
import { createHash } from 'node:crypto';
import type { JournalStore } from './journal-store';
import type { TillKey } from './key-store';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

export type SealerIdentity = { readonly storeId: string; readonly tillId: string };

/** The most problems a `journal.integrity` event carries (its published shape); problemCount has the total. */
const INTEGRITY_PROBLEMS = 20;

/** Hashes and signs sealed fields as the host does (format 1, Node's crypto); the journal write is the caller's. */
export function signRecord<C extends FiscalChain>(fields: SealedFields<C>, prevHash: string, key: TillKey): SealedRecord<C> {
  const hash = chainHash(prevHash, fields, nodeFiscalCrypto);
  return { ...fields, prevHash, hash, signature: key.sign(Buffer.from(hash, 'hex')) };
}

/** A problem as the integrity event's shape accepts it, whatever a damaged record claimed. */
function boundedProblem(p: RecordProblem): RecordProblem {
  return {
    chain: String(p.chain).slice(0, 16),
    seq: Number.isSafeInteger(p.seq) && p.seq >= 0 ? p.seq : 0,
    id: p.id.slice(0, 64),
    code: p.code.slice(0, 32),
    problem: p.problem.slice(0, 300),
  };
}

/**
 * Seals records one at a time (a queue, so sequence numbers are gap-free and the journal order is
 * the chain order). Sealing the same id twice returns the first seal: a renderer that lost the
 * reply retries safely. The same id with other content is refused, never sealed twice. While the
 * journal is stopped nothing is sealed, except the one `journal.integrity` event that records
 * the damage (sealIntegrityEvent).
 */
export class Sealer {
  private queue: Promise<unknown> = Promise.resolve();
  private signingKey: TillKey;

  constructor(
    private readonly journal: JournalStore,
    key: TillKey,
    private readonly identity: SealerIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.signingKey = key;
  }

  /** The key the next record is signed with. */
  get key(): TillKey {
    return this.signingKey;
  }

  seal<C extends FiscalChain>(request: SealRequest<C>): Promise<SealedRecord<C>> {
    return this.enqueue(async () => {
      this.refuseWhenStopped();
      await this.announce(this.signingKey);
      return this.sealNow(request, this.signingKey);
    });
  }

  /**
   * Seals the `journal.integrity` event naming the problems the journal found at open (or
   * `problems`, the host's choice of them): the one record a damaged journal takes. Its id derives
   * from the problems, so a restart with the same damage returns the event already sealed instead
   * of adding another. Null when the journal is sound; refused when a write failed (the file's
   * end is not trusted).
   */
  sealIntegrityEvent(problems?: readonly RecordProblem[]): Promise<SealedRecord<'event'> | null> {
    return this.enqueue(async () => {
      const status = this.journal.status;
      if (status.state === 'ok') return null;
      if (status.reason !== 'journal-damaged') this.refuseWhenStopped();
      const named = problems?.length ? problems : status.problems;
      const payload: EventPayload = {
        type: 'journal.integrity',
        problemCount: Math.max(1, named.length, this.journal.problemCount),
        problems: named.slice(0, INTEGRITY_PROBLEMS).map(boundedProblem),
      };
      const digest = createHash('sha256').update(canonicalText(payload)).digest('hex').slice(0, 24);
      return this.sealNow({ chain: 'event', id: `journal-integrity-${digest}`, payload }, this.announcedKey(this.signingKey));
    });
  }

  /**
   * Moves to a key made by rotateTillKey: its `key.rotate` is sealed by the current key (which
   * must be the one that endorsed it), then the new key signs everything after.
   */
  rotateKey(next: TillKey): Promise<SealedRecord<'event'>> {
    return this.enqueue(async () => {
      this.refuseWhenStopped();
      const rotation = next.rotation;
      if (!rotation || rotation.previous.keyId !== this.signingKey.keyId) {
        throw new PosError('INVALID_REQUEST', 'The new key was not endorsed by the key the till signs with', {
          reason: 'key-not-endorsed',
        });
      }
      await this.announce(this.signingKey);
      const record = await this.sealNow({ chain: 'event', id: `key-rotate-${next.keyId}`, payload: rotation.payload }, this.signingKey);
      this.signingKey = next;
      return record;
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private refuseWhenStopped(): void {
    const status = this.journal.status;
    if (status.state === 'ok') return;
    throw new PosError('SEALING_STOPPED', 'The fiscal journal is stopped: nothing is sealed until support restores it', {
      reason: status.reason,
      problems: status.problems.slice(0, INTEGRITY_PROBLEMS),
    });
  }

  /**
   * A key made by a rotation signs nothing before the journal holds its `key.rotate` (signed by
   * the key before it): after a crash between the new key's file and that record, the
   * announcement is sealed here, on the first seal after the restart.
   */
  private async announce(key: TillKey): Promise<void> {
    const rotation = key.rotation;
    if (!rotation || this.journal.keyAnnounced(key.keyId)) return;
    await this.announce(rotation.previous);
    await this.sealNow({ chain: 'event', id: `key-rotate-${key.keyId}`, payload: rotation.payload }, rotation.previous);
  }

  /** The newest key the journal already admits: what signs when no announcement can be sealed. */
  private announcedKey(key: TillKey): TillKey {
    let current = key;
    while (current.rotation && !this.journal.keyAnnounced(current.keyId)) current = current.rotation.previous;
    return current;
  }

  private async sealNow<C extends FiscalChain>(
    request: { readonly chain: C; readonly id: string; readonly payload: PayloadOf<C> },
    key: TillKey,
  ): Promise<SealedRecord<C>> {
    const existing = await this.journal.get(request.id);
    if (existing) {
      if (existing.chain === request.chain && canonicalText(existing.payload) === canonicalText(request.payload)) {
        return existing as SealedRecord<C>;
      }
      throw new PosError('SEAL_CONFLICT', `Record ${request.id} is already sealed with other content`, { seq: existing.seq });
    }
    const head = this.journal.head(request.chain);
    const fields: SealedFields<C> = {
      v: RECORD_FORMAT,
      chain: request.chain,
      id: request.id,
      seq: (head?.seq ?? 0) + 1,
      storeId: this.identity.storeId,
      tillId: this.identity.tillId,
      sealedAt: this.now().toISOString(),
      keyId: key.keyId,
      payload: request.payload,
    };
    const record = signRecord(fields, head?.hash ?? GENESIS_HASH, key);
    // Whatever the callers checked, nothing is sealed that a verifier would refuse for its shape:
    // a journal must read the same with its checkpoint as record by record.
    const unfit = check(recordShape(record.chain), record, 'record');
    if (unfit.length > 0) {
      throw new PosError('SEAL_REFUSED', `Refused: ${unfit.slice(0, 3).join('; ')}`, {
        problems: unfit.slice(0, 20).map((message) => ({ code: 'shape', message })),
      });
    }
    await this.journal.append(record, key);
    return record;
  }
}
