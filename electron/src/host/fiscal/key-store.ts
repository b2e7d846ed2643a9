import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { keyIdOf } from '@pos/core';

/** The till's Ed25519 signing key. The private key never leaves the host's data directory. */
export type TillKey = {
  readonly publicKeyHex: string;
  readonly keyId: string;
  sign(data: Uint8Array): string;
};

function publicKeyHex(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Ed25519 public key has no x coordinate');
  return Buffer.from(jwk.x, 'base64url').toString('hex');
}

/** Loads the key, creating it (file mode 0600) on the till's first start. */
export async function loadOrCreateTillKey(dataDir: string): Promise<TillKey> {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'till-ed25519.pem');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  const hex = publicKeyHex(privateKey);
  await writeFile(path.join(dir, 'till-ed25519.pub.hex'), `${hex}\n`);
  return {
    publicKeyHex: hex,
    keyId: keyIdOf(hex),
    sign: (data) => sign(null, data, privateKey).toString('hex'),
  };
}
