import {
  chainHash,
  canonicalText,
  GENESIS_HASH,
  PosError,
  type FiscalChain,
  type SealedFields,
  type SealedRecord,
  type SealRequest,
} from '@pos/core';
import type { TillKey } from './key-store';
import type { JournalStore } from './journal-store';

export type SealerIdentity = { readonly storeId: string; readonly tillId: string };

/**
 * Seals records one at a time (a queue, so sequence numbers are gap-free and the journal order is
 * the chain order). Sealing the same id twice returns the first seal: a renderer that lost the
 * reply retries safely. The same id with other content is refused, never sealed twice.
 */
export class Sealer {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly journal: JournalStore,
    private readonly key: TillKey,
    private readonly identity: SealerIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  seal<C extends FiscalChain>(request: SealRequest<C>): Promise<SealedRecord<C>> {
    const next = this.queue.then(() => this.sealNow(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async sealNow<C extends FiscalChain>(request: SealRequest<C>): Promise<SealedRecord<C>> {
    const existing = await this.journal.get(request.id);
    if (existing) {
      if (existing.chain === request.chain && canonicalText(existing.payload) === canonicalText(request.payload)) {
        return existing as SealedRecord<C>;
      }
      throw new PosError('SEAL_CONFLICT', `Record ${request.id} is already sealed with other content`, { seq: existing.seq });
    }
    const head = this.journal.head(request.chain);
    const fields: SealedFields<C> = {
      chain: request.chain,
      id: request.id,
      seq: (head?.seq ?? 0) + 1,
      storeId: this.identity.storeId,
      tillId: this.identity.tillId,
      sealedAt: this.now().toISOString(),
      keyId: this.key.keyId,
      payload: request.payload,
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, fields);
    const record: SealedRecord<C> = { ...fields, prevHash, hash, signature: this.key.sign(Buffer.from(hash, 'hex')) };
    await this.journal.append(record);
    return record;
  }
}
