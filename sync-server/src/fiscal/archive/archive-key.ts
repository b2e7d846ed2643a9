import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { keyIdOf } from '@pos/core';
import type { Queryable } from '../../db/database';
import { nodeFiscalCrypto } from '../node-fiscal-crypto';

/** The hub's archive signing key: its id, public key (hex), and a signer of raw bytes (hex signature). */
export type ArchiveKey = { readonly keyId: string; readonly publicKey: string; sign(message: Uint8Array): string };

function archiveKeyOf(privateKey: KeyObject): ArchiveKey {
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  return { keyId: keyIdOf(publicKey, nodeFiscalCrypto), publicKey, sign: (message) => sign(null, message, privateKey).toString('hex') };
}

type Row = { key_id: string; private_key: string };

async function currentKey(db: Queryable): Promise<Row | undefined> {
  const [row] = await db.query<Row>(
    'SELECT key_id, private_key FROM hub_archive_keys WHERE retired_at IS NULL ORDER BY created_at, key_id LIMIT 1',
  );
  return row;
}

/**
 * The current archive key, made on the first archive: an Ed25519 key whose private half is kept
 * in the database (PKCS #8, DER, base64), like the hub's other secrets it never leaves the hub;
 * every hub instance of one database signs with the same key. Two instances making the first key
 * at once both converge on the oldest; the other is removed.
 */
export async function loadOrCreateArchiveKey(db: Queryable): Promise<ArchiveKey> {
  let row = await currentKey(db);
  if (!row) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const key = archiveKeyOf(privateKey);
    await db.query('INSERT INTO hub_archive_keys (key_id, public_key, private_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      key.keyId,
      key.publicKey,
      privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    ]);
    row = await currentKey(db);
    if (row && row.key_id !== key.keyId) await db.query('DELETE FROM hub_archive_keys WHERE key_id = $1', [key.keyId]);
  }
  if (!row) throw new Error('The hub could not keep its archive key');
  return archiveKeyOf(createPrivateKey({ key: Buffer.from(row.private_key, 'base64'), format: 'der', type: 'pkcs8' }));
}
