import { chainHash, keyIdOf, type SealedRecord } from '../chain';
import type { FiscalCrypto } from '../fiscal-crypto';
import { KeyRing } from '../key-ring';
import { recordShapeProblems, signatureValid } from '../verify-chain';
import { KEYS_FILE, type ArchiveKeys } from './archive-format';
import type { ArchiveProblem } from './archive-problems';

/** When a key signed: from the rotation that introduced it (none: since enrollment) to the one that retired it. */
export type KeyPeriod = {
  readonly tillId: string;
  readonly from?: { readonly seq: number; readonly sealedAt: string };
  readonly until?: { readonly seq: number; readonly sealedAt: string };
};

/**
 * The tills' keys from keys.json: each till's ring starts with the keys the hub registered at
 * enrollment; each rotation record listed is verified on its own (shape, hash, signature by a key
 * the till already had, the old key's endorsement) before its new key is admitted. The records of
 * the chains are then checked against these rings and against each key's period of use.
 */
export class ArchiveKeyRings {
  readonly rings = new Map<string, KeyRing>();
  readonly periods = new Map<string, KeyPeriod>();
  /** Hashes of the rotation records keys.json lists, per till. */
  readonly rotationHashes = new Map<string, Set<string>>();

  constructor(private readonly crypto: FiscalCrypto) {}

  ring(tillId: string): KeyRing {
    let ring = this.rings.get(tillId);
    if (!ring) {
      ring = new KeyRing([], this.crypto);
      this.rings.set(tillId, ring);
    }
    return ring;
  }

  /** Reads keys.json; returns its problems (each names the file, the till and the rotation's sequence). */
  load(value: unknown, storeId: string): ArchiveProblem[] {
    const problems: ArchiveProblem[] = [];
    const add = (tillId: string, seq: number, code: ArchiveProblem['code'], problem: string) =>
      problems.push({ file: KEYS_FILE, line: 0, tillId, chain: seq > 0 ? 'event' : '', seq, code, problem });
    const keys = value as Partial<ArchiveKeys> | null;
    if (typeof keys !== 'object' || keys === null || !Array.isArray(keys.tills)) {
      add('', 0, 'keys', 'keys.json is not a list of tills and their keys');
      return problems;
    }
    if (keys.storeId !== storeId) add('', 0, 'keys', `keys.json is for store ${String(keys.storeId)}, the manifest for ${storeId}`);
    for (const till of keys.tills.slice(0, 1000)) {
      const tillId = typeof till?.tillId === 'string' ? till.tillId : '';
      const registered: string[] = [];
      for (const key of Array.isArray(till?.keys) ? till.keys.slice(0, 1000) : []) {
        if (typeof key?.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(key.publicKey))
          add(tillId, 0, 'keys', 'a public key is not 64 hex digits');
        else if (keyIdOf(key.publicKey, this.crypto) !== key.keyId)
          add(tillId, 0, 'keys', `key ${String(key.keyId)} is not the id of its public key`);
        else if (key.source === 'enrollment') registered.push(key.publicKey);
      }
      this.rings.set(tillId, new KeyRing(registered, this.crypto));
      for (const publicKey of registered) this.periods.set(keyIdOf(publicKey, this.crypto), { tillId });
      for (const rotation of Array.isArray(till?.rotations) ? till.rotations.slice(0, 1000) : []) {
        const problem = this.admitRotation(tillId, rotation);
        if (problem) add(tillId, (rotation as { seq?: number })?.seq ?? 0, 'rotation', problem);
      }
    }
    return problems;
  }

  private admitRotation(tillId: string, value: unknown): string | null {
    const { record, problems } = recordShapeProblems(value);
    if (!record || problems.length > 0) return `a rotation record is off its shape: ${problems.map((p) => p.problem).join('; ')}`;
    if (record.tillId !== tillId || record.chain !== 'event' || record.payload.type !== 'key.rotate')
      return 'not a key rotation of this till';
    if (chainHash(record.prevHash, record, this.crypto) !== record.hash) return 'the rotation record does not match its hash';
    const ring = this.ring(tillId);
    const signer = ring.lookup(record.keyId);
    if (!signer || !signatureValid(record, signer, this.crypto)) return 'the rotation record is not signed by a key of this till';
    const refused = ring.admit(record);
    if (refused) return refused;
    const at = { seq: record.seq, sealedAt: record.sealedAt };
    const old = this.periods.get(record.keyId);
    this.periods.set(record.keyId, { ...(old ?? { tillId }), until: at });
    this.periods.set(record.payload.keyId, { tillId, from: at });
    let hashes = this.rotationHashes.get(tillId);
    if (!hashes) this.rotationHashes.set(tillId, (hashes = new Set()));
    hashes.add(record.hash);
    return null;
  }

  /** Why this key could not sign this record then, or null: another till's key, or outside its period of use. */
  periodProblem(record: SealedRecord, tillId: string): string | null {
    const period = this.periods.get(record.keyId);
    if (!period) return null;
    if (period.tillId !== tillId) return `signed by key ${record.keyId} of till ${period.tillId}`;
    const onEvents = record.chain === 'event';
    const before = (at: { seq: number; sealedAt: string }) => (onEvents ? record.seq <= at.seq : record.sealedAt < at.sealedAt);
    const after = (at: { seq: number; sealedAt: string }) => (onEvents ? record.seq > at.seq : record.sealedAt > at.sealedAt);
    if (period.from && before(period.from))
      return `signed by key ${record.keyId} before the rotation that introduced it (event ${period.from.seq})`;
    if (period.until && after(period.until))
      return `signed by key ${record.keyId} after the rotation that retired it (event ${period.until.seq})`;
    return null;
  }
}
