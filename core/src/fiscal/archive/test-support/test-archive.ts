import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { cashSale } from '../../../test-support/sample-sale';
import { chainHash, GENESIS_HASH, keyIdOf, RECORD_FORMAT, type SealedFields, type SealedRecord } from '../../chain';
import type { FiscalChain, PayloadOf } from '../../events';
import { rotationMessage } from '../../key-ring';
import { ArchiveBuilder, archiveLineOf } from '../archive-builder';
import { bytesToText } from '../verify-archive';
import { MANIFEST_FILE, manifestSignatureMessage, SIGNATURE_FILE, type ArchiveManifest, type ArchiveTillKeys } from '../archive-format';

/** Test archives, sealed with noble: tills with their chains, keys and rotations, written into a map of files. */
export type TestKey = { readonly secret: Uint8Array; readonly publicKey: string; readonly keyId: string };

export function testKey(seed?: number): TestKey {
  const secret = seed === undefined ? ed25519.utils.randomSecretKey() : sha256(utf8ToBytes(`test-key-${seed}`));
  const publicKey = bytesToHex(ed25519.getPublicKey(secret));
  return { secret, publicKey, keyId: keyIdOf(publicKey) };
}

const signHex = (bytes: Uint8Array, key: TestKey) => bytesToHex(ed25519.sign(bytes, key.secret));

/** A till sealing like the host: each chain's next sequence linked to its head, signed by its current key. */
export class TestTill {
  readonly records: SealedRecord[] = [];
  readonly enrolled: TestKey;
  private readonly heads = new Map<string, { seq: number; hash: string }>();
  private clock = Date.parse('2026-03-02T09:00:00.000Z');

  constructor(
    readonly storeId: string,
    readonly tillId: string,
    public key: TestKey,
  ) {
    this.enrolled = key;
  }

  seal<C extends FiscalChain>(chain: C, id: string, payload: PayloadOf<C>): SealedRecord<C> {
    const head = this.heads.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
    this.clock += 60_000;
    const fields: SealedFields<C> = {
      v: RECORD_FORMAT,
      chain,
      id,
      seq: head.seq + 1,
      storeId: this.storeId,
      tillId: this.tillId,
      sealedAt: new Date(this.clock).toISOString(),
      keyId: this.key.keyId,
      payload,
    };
    const hash = chainHash(head.hash, fields);
    const record = { ...fields, prevHash: head.hash, hash, signature: signHex(hexToBytes(hash), this.key) } as SealedRecord<C>;
    this.heads.set(chain, { seq: record.seq, hash });
    this.records.push(record);
    return record;
  }

  start(): SealedRecord<'event'> {
    const heads = Object.fromEntries([...this.heads].filter(([c]) => c !== 'event'));
    return this.seal('event', `start-${this.records.length}`, { type: 'till.start', appVersion: '1.0.0', heads });
  }

  sale(n: number): SealedRecord<'sale'> {
    const payload = cashSale({ saleId: `${this.tillId}-sale-${n}`, storeId: this.storeId, tillId: this.tillId });
    return this.seal('sale', payload.saleId, payload);
  }

  rotate(next: TestKey): SealedRecord<'event'> {
    const previous = this.key;
    const record = this.seal('event', `rotate-${next.keyId}`, {
      type: 'key.rotate',
      previousKeyId: previous.keyId,
      publicKey: next.publicKey,
      keyId: next.keyId,
      endorsement: signHex(rotationMessage(previous.publicKey, next.publicKey), previous),
    });
    this.key = next;
    return record;
  }

  keys(): ArchiveTillKeys {
    return {
      tillId: this.tillId,
      keys: [
        { keyId: this.enrolled.keyId, publicKey: this.enrolled.publicKey, source: 'enrollment', registeredAt: '2026-01-01T00:00:00.000Z' },
      ],
      rotations: this.records.filter((r) => r.chain === 'event' && r.payload.type === 'key.rotate'),
    };
  }
}

async function* batches<T>(items: readonly T[]): AsyncIterable<readonly T[]> {
  yield items;
}

/** Writes the tills' records into a map of files, manifest and signature included. */
export async function writeTestArchive(
  tills: readonly TestTill[],
  archiveKey: TestKey,
  period = { from: '2026-01-01', to: '2026-12-31' },
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const output = {
    open(name: string) {
      const parts: Uint8Array[] = [];
      return {
        write: (bytes: Uint8Array) => void parts.push(bytes),
        close: () => void files.set(name, concatBytes(...parts)),
      };
    },
  };
  const storeId = tills[0]!.storeId;
  const builder = new ArchiveBuilder(output, storeId, period);
  await builder.keys({ storeId, tills: tills.map((t) => t.keys()) });
  for (const till of tills) {
    for (const chain of ['event', 'closing', 'sale', 'duplicate'] as const) {
      const records = till.records.filter((r) => r.chain === chain);
      if (records.length === 0) continue;
      await builder.chain(till.tillId, chain, batches(records.map(archiveLineOf)));
      if (chain === 'sale') await builder.salesCsv(till.tillId, batches(records));
    }
  }
  signManifest(
    files,
    builder.manifest(
      tills.map((t) => t.tillId),
      { keyId: archiveKey.keyId, publicKey: archiveKey.publicKey },
      '2027-01-02T03:04:05.000Z',
    ),
    archiveKey,
  );
  return files;
}

export function signManifest(files: Map<string, Uint8Array>, manifest: Uint8Array, key: TestKey): void {
  files.set(MANIFEST_FILE, manifest);
  files.set(SIGNATURE_FILE, utf8ToBytes(`${signHex(manifestSignatureMessage(manifest), key)}\n`));
}

/** A forger holding the archive key: the manifest rewritten to the files as they now are, and signed again. */
export function resign(files: Map<string, Uint8Array>, key: TestKey, edit: (m: ArchiveManifest) => ArchiveManifest = (m) => m): void {
  const manifest = JSON.parse(textOf(files.get(MANIFEST_FILE)!)) as ArchiveManifest;
  const rewritten = edit({
    ...manifest,
    files: manifest.files.map((f) => {
      const bytes = files.get(f.name) ?? new Uint8Array(0);
      return { ...f, sha256: bytesToHex(sha256(bytes)), bytes: bytes.length };
    }),
  });
  signManifest(files, utf8ToBytes(JSON.stringify(rewritten)), key);
}

export const textOf = bytesToText;
