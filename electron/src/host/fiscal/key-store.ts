import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { keyIdOf, rotationMessage, type EventPayload } from '@pos/core';
import type { SecretProtector } from '../hub/hub-credentials';
import { makeDirectoryDurably, nodeFiscalFs, writeFileDurably } from './fiscal-fs';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

export type KeyRotatePayload = Extract<EventPayload, { readonly type: 'key.rotate' }>;

/** How a key that replaced another is introduced: the sealed `key.rotate` payload, signed by `previous`. */
export type KeyRotation = { readonly payload: KeyRotatePayload; readonly previous: TillKey };

/** The till's Ed25519 signing key. The private key never leaves the host's data directory. */
export type TillKey = {
  readonly publicKeyHex: string;
  readonly keyId: string;
  sign(data: Uint8Array): string;
  /** Set on a key made by a rotation: the journal must hold this announcement before the key signs anything. */
  readonly rotation?: KeyRotation;
};

/** A key as backups, support and the journal's verification see it: no private part. */
export type TillPublicKey = {
  /** 1 for the till's first key, then 2, 3… for each rotation. */
  readonly generation: number;
  readonly keyId: string;
  readonly publicKey: string;
  /** Empty for a key made before key files recorded it (the legacy PEM). */
  readonly createdAt: string;
  /** Absent on the first key; on a rotated key, the key that endorsed it and its endorsement. */
  readonly previousKeyId?: string;
  readonly endorsement?: string;
  /** A newer key signs now; a retired key is kept forever: it verifies the records it signed. */
  readonly retired: boolean;
};

type StoredPrivateKey = { readonly pem: string } | { readonly protected: string };

/** One file per key, keys/till-key-NNNN.json (mode 0600): the public part in clear, the private key as PEM or sealed by the OS keychain. */
type StoredKey = Omit<TillPublicKey, 'retired'> & { readonly v: 1; readonly privateKey: StoredPrivateKey };

const KEYS_FOLDER = 'keys';
/** The first key of tills from before key files: a PKCS#8 PEM, readable by the owner only. */
const LEGACY_PEM = 'till-ed25519.pem';
const KEY_FILE = /^till-key-(\d{4})\.json$/;
/** Every public key of the till, for backups and support (never a private key). */
const PUBLIC_KEYS_FILE = 'public-keys.json';

const keyFileName = (generation: number) => `till-key-${String(generation).padStart(4, '0')}.json`;

function publicKeyHexOf(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Ed25519 public key has no x coordinate');
  return Buffer.from(jwk.x, 'base64url').toString('hex');
}

async function readStoredKeys(dir: string): Promise<StoredKey[]> {
  let names: string[];
  try {
    names = await nodeFiscalFs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const keys: StoredKey[] = [];
  if (names.includes(LEGACY_PEM)) {
    const pem = (await nodeFiscalFs.readFile(path.join(dir, LEGACY_PEM))).toString('utf8');
    const publicKey = publicKeyHexOf(createPrivateKey(pem));
    keys.push({ v: 1, generation: 1, keyId: keyIdOf(publicKey, nodeFiscalCrypto), publicKey, createdAt: '', privateKey: { pem } });
  }
  for (const name of names.filter((n) => KEY_FILE.test(n)).sort()) {
    const stored = JSON.parse((await nodeFiscalFs.readFile(path.join(dir, name))).toString('utf8')) as StoredKey;
    if (stored.v !== 1 || name !== keyFileName(stored.generation) || keyIdOf(stored.publicKey, nodeFiscalCrypto) !== stored.keyId) {
      throw new Error(`keys/${name} is not a key file of this till`);
    }
    keys.push(stored);
  }
  keys.forEach((key, i) => {
    if (key.generation !== i + 1) throw new Error(`keys/ has no key of generation ${i + 1} (found ${key.generation})`);
  });
  return keys;
}

function privateKeyOf(stored: StoredKey, protector: SecretProtector | undefined): KeyObject {
  let pem: string;
  if ('pem' in stored.privateKey) pem = stored.privateKey.pem;
  else if (protector) pem = protector.decrypt(Buffer.from(stored.privateKey.protected, 'base64'));
  else throw new Error(`keys/${keyFileName(stored.generation)} is sealed by the OS keychain: start this till in the desktop app`);
  const key = createPrivateKey(pem);
  if (publicKeyHexOf(key) !== stored.publicKey)
    throw new Error(`keys/${keyFileName(stored.generation)}: the private key is not the recorded one`);
  return key;
}

/**
 * The TillKey of every generation, oldest first. Only the newest is decrypted at once (a key
 * the till cannot use must stop it at start); older ones only if asked to sign an announcement.
 */
function tillKeysOf(stored: readonly StoredKey[], protector: SecretProtector | undefined): TillKey[] {
  const keys: TillKey[] = [];
  stored.forEach((entry, i) => {
    let privateKey: KeyObject | undefined = i === stored.length - 1 ? privateKeyOf(entry, protector) : undefined;
    const key: TillKey = {
      publicKeyHex: entry.publicKey,
      keyId: entry.keyId,
      sign: (data) => sign(null, data, (privateKey ??= privateKeyOf(entry, protector))).toString('hex'),
    };
    const previous = keys[i - 1];
    if (!entry.endorsement) {
      keys.push(key);
      return;
    }
    if (!previous || entry.previousKeyId !== previous.keyId)
      throw new Error(`keys/${keyFileName(entry.generation)} names another previous key`);
    const payload: KeyRotatePayload = {
      type: 'key.rotate',
      previousKeyId: previous.keyId,
      publicKey: entry.publicKey,
      keyId: entry.keyId,
      endorsement: entry.endorsement,
    };
    keys.push({ ...key, rotation: { payload, previous } });
  });
  return keys;
}

function publicKeysOf(stored: readonly StoredKey[]): TillPublicKey[] {
  return stored.map(({ v: _v, privateKey: _p, ...entry }, i) => ({ ...entry, retired: i < stored.length - 1 }));
}

async function exportPublicKeys(dir: string, stored: readonly StoredKey[]): Promise<void> {
  const text = `${JSON.stringify(publicKeysOf(stored), null, 2)}\n`;
  const file = path.join(dir, PUBLIC_KEYS_FILE);
  const current = await nodeFiscalFs.readFile(file).then(
    (bytes) => bytes.toString('utf8'),
    () => '',
  );
  if (current !== text) await writeFileDurably(nodeFiscalFs, file, text, 0o644);
}

/**
 * Makes a key of `generation` and makes its file durable before anyone can sign with it: a power
 * cut must never keep records and lose the key that signed them. A rotated key carries the
 * previous key's endorsement of it.
 */
async function createStoredKey(dir: string, generation: number, protector?: SecretProtector, previous?: TillKey): Promise<StoredKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const publicKey = publicKeyHexOf(privateKey);
  const stored: StoredKey = {
    v: 1,
    generation,
    keyId: keyIdOf(publicKey, nodeFiscalCrypto),
    publicKey,
    createdAt: new Date().toISOString(),
    ...(previous ? { previousKeyId: previous.keyId, endorsement: previous.sign(rotationMessage(previous.publicKeyHex, publicKey)) } : {}),
    privateKey: protector ? { protected: protector.encrypt(pem).toString('base64') } : { pem },
  };
  await writeFileDurably(nodeFiscalFs, path.join(dir, keyFileName(generation)), `${JSON.stringify(stored, null, 2)}\n`, 0o600);
  return stored;
}

/**
 * The key the till signs with now (its newest), created on the till's first start. With a
 * SecretProtector (Electron's safeStorage) a new private key is sealed by the OS keychain;
 * without one (browser mode) it is kept in a file only the host's user can read.
 */
export async function loadOrCreateTillKey(dataDir: string, protector?: SecretProtector): Promise<TillKey> {
  const dir = path.join(dataDir, KEYS_FOLDER);
  let stored = await readStoredKeys(dir);
  if (stored.length === 0) {
    await makeDirectoryDurably(nodeFiscalFs, dir, 0o700);
    stored = [await createStoredKey(dir, 1, protector)];
  }
  await exportPublicKeys(dir, stored);
  return tillKeysOf(stored, protector).at(-1)!;
}

/**
 * Replaces the till's key: the new key is made durable first, endorsed by `current` (which must
 * be the newest); `current` is kept, retired, never deleted. Seal `payload` with `current`
 * (Sealer.rotateKey does) before the new key signs anything; after a restart the host loads the
 * new key, whose `rotation` lets the Sealer seal a lost announcement.
 */
export async function rotateTillKey(
  dataDir: string,
  current: TillKey,
  protector?: SecretProtector,
): Promise<{ readonly key: TillKey; readonly payload: KeyRotatePayload }> {
  const dir = path.join(dataDir, KEYS_FOLDER);
  const stored = await readStoredKeys(dir);
  const newest = stored.at(-1);
  if (!newest || newest.keyId !== current.keyId) throw new Error('Only the till’s current key can endorse its successor');
  const next = await createStoredKey(dir, newest.generation + 1, protector, current);
  const all = [...stored, next];
  await exportPublicKeys(dir, all);
  // Read back through the keychain like any start would, so a key that cannot be used fails here, not at its first seal.
  const { rotation, ...key } = tillKeysOf(all, protector).at(-1)!;
  return { key: { ...key, rotation: { payload: rotation!.payload, previous: current } }, payload: rotation!.payload };
}

/** Every key the till has had, oldest first, without private parts (no keychain needed). */
export async function listTillPublicKeys(dataDir: string): Promise<TillPublicKey[]> {
  return publicKeysOf(await readStoredKeys(path.join(dataDir, KEYS_FOLDER)));
}
