import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KeyRing, nobleCrypto, rotationMessage, verifyChain } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretProtector } from '../hub/hub-credentials';
import { makeTempDir, removeDir, openTill, startEvent } from './fiscal-test-kit';
import { JournalStore } from './journal-store';
import { listTillPublicKeys, loadOrCreateTillKey, rotateTillKey } from './key-store';
import { Sealer } from './sealer';

let dir = '';
beforeEach(async () => void (dir = await makeTempDir()));
afterEach(() => removeDir(dir));

/** Stands in for Electron's safeStorage: reversible, and visibly not the plain text. */
const protector: SecretProtector = {
  encrypt: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
  decrypt: (data) => Buffer.from(data.toString().replace(/^sealed:/, ''), 'base64').toString(),
};

const keysDir = () => path.join(dir, 'keys');

describe('the till key store', () => {
  it('creates the key once, readable by the owner only, with no temporary file left and its public part exported', async () => {
    const first = await loadOrCreateTillKey(dir);
    const again = await loadOrCreateTillKey(dir);
    expect(again.keyId).toBe(first.keyId);
    expect((await stat(path.join(keysDir(), 'till-key-0001.json'))).mode & 0o777).toBe(0o600);
    expect((await readdir(keysDir())).sort()).toEqual(['public-keys.json', 'till-key-0001.json']);
    const exported = JSON.parse(await readFile(path.join(keysDir(), 'public-keys.json'), 'utf8')) as unknown[];
    expect(exported).toEqual([
      { generation: 1, keyId: first.keyId, publicKey: first.publicKeyHex, createdAt: expect.any(String), retired: false },
    ]);
    expect(JSON.stringify(exported)).not.toContain('PRIVATE');
  });

  it('keeps the private key sealed by the protector when one is given', async () => {
    const key = await loadOrCreateTillKey(dir, protector);
    const text = await readFile(path.join(keysDir(), 'till-key-0001.json'), 'utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect((await loadOrCreateTillKey(dir, protector)).keyId).toBe(key.keyId);
    await expect(loadOrCreateTillKey(dir)).rejects.toThrow(/OS keychain/);
  });

  it('goes on signing with a 0600 PEM key of a till from before key files', async () => {
    await mkdir(keysDir(), { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await writeFile(path.join(keysDir(), 'till-ed25519.pem'), pem, { mode: 0o600 });
    const key = await loadOrCreateTillKey(dir, protector);
    expect((await readdir(keysDir())).sort()).toEqual(['public-keys.json', 'till-ed25519.pem']);
    const till = await openTill(dir);
    expect(till.key.keyId).toBe(key.keyId);
    await till.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    expect(verifyChain(await till.journal.read('event', 0, 5), key.publicKeyHex)).toEqual([]);
    await till.journal.close();
  });

  it('rotates: the new key is endorsed by the old, the old is kept and marked retired, a restart loads the new', async () => {
    const old = await loadOrCreateTillKey(dir, protector);
    const { key, payload } = await rotateTillKey(dir, old, protector);
    expect(payload).toEqual({
      type: 'key.rotate',
      previousKeyId: old.keyId,
      publicKey: key.publicKeyHex,
      keyId: key.keyId,
      endorsement: expect.any(String),
    });
    const endorsement = Buffer.from(payload.endorsement, 'hex');
    expect(
      nobleCrypto.verifyEd25519(endorsement, rotationMessage(old.publicKeyHex, key.publicKeyHex), Buffer.from(old.publicKeyHex, 'hex')),
    ).toBe(true);
    expect((await listTillPublicKeys(dir)).map((k) => [k.generation, k.keyId, k.retired])).toEqual([
      [1, old.keyId, true],
      [2, key.keyId, false],
    ]);
    const exported = JSON.parse(await readFile(path.join(keysDir(), 'public-keys.json'), 'utf8')) as { retired: boolean }[];
    expect(exported.map((k) => k.retired)).toEqual([true, false]);
    const restarted = await loadOrCreateTillKey(dir, protector);
    expect(restarted.keyId).toBe(key.keyId);
    expect(restarted.rotation?.payload).toEqual(payload);
    await expect(rotateTillKey(dir, old, protector)).rejects.toThrow(/current key/);
  });
});

describe('key rotation in the journal', () => {
  it('seals the rotation with the old key, signs with the new one after, and verifies after a restart', async () => {
    const a = await openTill(dir, { checkpointEvery: 2 });
    const firstKey = a.key;
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    const { key } = await rotateTillKey(dir, a.sealer.key);
    const rotate = await a.sealer.rotateKey(key);
    expect(rotate).toMatchObject({ keyId: firstKey.keyId, payload: { type: 'key.rotate', keyId: key.keyId } });
    const after = await a.sealer.seal({ chain: 'event', id: 'e3', payload: startEvent(3) });
    expect(after.keyId).toBe(key.keyId);
    await a.journal.close();

    const b = await openTill(dir);
    expect(b.key.keyId).toBe(key.keyId);
    expect(b.journal.status).toEqual({ state: 'ok' });
    expect((await b.sealer.seal({ chain: 'event', id: 'e4', payload: startEvent(4) })).keyId).toBe(key.keyId);
    expect(verifyChain(await b.journal.read('event', 0, 10), new KeyRing([firstKey.publicKeyHex]))).toEqual([]);
    await b.journal.close();
    const c = await JournalStore.open(dir, { trustedKeys: [firstKey.publicKeyHex] });
    expect(c.status).toEqual({ state: 'ok' });
    await c.close();
  });

  it('seals a rotation lost in a crash (key file written, record not) before the new key signs', async () => {
    const a = await openTill(dir);
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    await rotateTillKey(dir, a.key);
    await a.journal.close();

    const b = await openTill(dir);
    const e2 = await b.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) });
    const [, rotate] = await b.journal.read('event', 0, 5);
    expect(rotate).toMatchObject({ seq: 2, keyId: a.key.keyId, payload: { type: 'key.rotate', keyId: b.key.keyId } });
    expect(e2).toMatchObject({ seq: 3, keyId: b.key.keyId });
    await b.journal.close();
    const c = await JournalStore.open(dir);
    expect(c.status).toEqual({ state: 'ok' });
    await c.close();
  });

  it('stops on a record signed by a key the journal never admitted', async () => {
    const a = await openTill(dir);
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    const { key } = await rotateTillKey(dir, a.key);
    // Signing with the new key without its announcement (what the Sealer never does).
    const unannounced = new Sealer(a.journal, { ...key, rotation: undefined }, { storeId: 'S001', tillId: 'T01' });
    await unannounced.seal({ chain: 'event', id: 'e2', payload: startEvent(2) });
    await a.journal.close();
    const b = await JournalStore.open(dir);
    expect(b.status).toMatchObject({
      state: 'stopped',
      problems: expect.arrayContaining([expect.objectContaining({ seq: 2, id: 'e2', code: 'key' })]),
    });
    await b.close();
  });
});
