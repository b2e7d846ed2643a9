import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalText } from './chain';
import type { ChainHeads } from './events';

export const CHECKPOINT_DOMAIN = 'POS-FISCAL-CHECKPOINT-V1';

/** One journal file as far as the checkpoint covers it: its first `bytes` bytes hash to `sha256`. */
export type CheckpointSegment = { readonly name: string; readonly bytes: number; readonly sha256: string };

/**
 * A signed statement of the till host about its own journal: the heads of the chains and the
 * SHA-256 of each journal file up to that point. At open the host hashes the files (fast) instead
 * of re-verifying every record before the checkpoint (slow): any byte changed before it fails the
 * file hash, and the records after it are verified one by one.
 */
export type JournalCheckpoint = {
  readonly v: 1;
  readonly storeId: string;
  readonly tillId: string;
  readonly keyId: string;
  readonly writtenAt: string;
  readonly heads: ChainHeads;
  readonly segments: readonly CheckpointSegment[];
  /** Ed25519 (hex) of checkpointMessage(everything else). */
  readonly signature: string;
};

/** The domain "POS-FISCAL-CHECKPOINT-V1", a zero byte, then the canonical JSON of the checkpoint without its signature. */
export function checkpointMessage(checkpoint: Omit<JournalCheckpoint, 'signature'>): Uint8Array {
  const { signature: _ignored, ...fields } = checkpoint as JournalCheckpoint;
  return utf8ToBytes(`${CHECKPOINT_DOMAIN}\u0000${canonicalText(fields)}`);
}
