import path from 'node:path';
import {
  checkpointMessage,
  FISCAL_CHAINS,
  HEX_64,
  type ChainHeads,
  type CheckpointSegment,
  type FiscalCrypto,
  type JournalCheckpoint,
  type KeyLookup,
} from '@pos/core';
import { array, check, integer, literal, object, pattern, record, text } from '@pos/core/validation/shape';
import { writeFileDurably, type FiscalFs } from './fiscal-fs';
import { CHECKPOINT_FILE, SEGMENT_NAME } from './journal-layout';

/** What signs a checkpoint: the key that signed the journal's last record. */
export type CheckpointSigner = { readonly keyId: string; sign(data: Uint8Array): string };

export type CheckpointContent = {
  readonly storeId: string;
  readonly tillId: string;
  readonly heads: ChainHeads;
  readonly segments: readonly CheckpointSegment[];
};

const CHECKPOINT_SHAPE = object({
  v: literal(1),
  storeId: text(32, 1),
  tillId: text(32, 1),
  keyId: pattern(/^[0-9a-f]{16}$/, 16, '16 lowercase hex digits'),
  writtenAt: text(40, 1),
  heads: record(new RegExp(`^(${FISCAL_CHAINS.join('|')})$`), object({ seq: integer(1), hash: HEX_64 }), FISCAL_CHAINS.length),
  segments: array(object({ name: pattern(SEGMENT_NAME, 16, 'a journal file name'), bytes: integer(0), sha256: HEX_64 }), 100_000),
  signature: pattern(/^[0-9a-f]{128}$/, 128, '128 lowercase hex digits'),
});

/**
 * The journal's checkpoint when it is whole and signed by one of `keys`; null when it is missing,
 * unreadable, or its signature fails: then every record is verified one by one.
 */
export async function readCheckpoint(fs: FiscalFs, dir: string, keys: KeyLookup, crypto: FiscalCrypto): Promise<JournalCheckpoint | null> {
  let value: unknown;
  try {
    value = JSON.parse((await fs.readFile(path.join(dir, CHECKPOINT_FILE))).toString('utf8'));
  } catch {
    return null;
  }
  if (check(CHECKPOINT_SHAPE, value, 'checkpoint').length > 0) return null;
  const checkpoint = value as JournalCheckpoint;
  const publicKey = keys(checkpoint.keyId);
  if (!publicKey) return null;
  const signed = crypto.verifyEd25519(
    Buffer.from(checkpoint.signature, 'hex'),
    checkpointMessage(checkpoint),
    Buffer.from(publicKey, 'hex'),
  );
  return signed ? checkpoint : null;
}

/** Signs and replaces the checkpoint atomically (a power cut leaves the old one or the new one). */
export async function writeCheckpoint(
  fs: FiscalFs,
  dir: string,
  content: CheckpointContent,
  signer: CheckpointSigner,
  writtenAt: Date,
): Promise<JournalCheckpoint> {
  const fields: Omit<JournalCheckpoint, 'signature'> = { v: 1, ...content, keyId: signer.keyId, writtenAt: writtenAt.toISOString() };
  const checkpoint: JournalCheckpoint = { ...fields, signature: signer.sign(checkpointMessage(fields)) };
  await writeFileDurably(fs, path.join(dir, CHECKPOINT_FILE), `${JSON.stringify(checkpoint, null, 2)}\n`, 0o644);
  return checkpoint;
}
