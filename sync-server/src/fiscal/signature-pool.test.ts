import { describe, expect, it } from 'vitest';
import { newTillKey } from '../test-support/till-keys';
import { SignaturePool } from './signature-pool';

describe('signature pool', () => {
  it('verifies Ed25519 signatures on its threads: the good ones true, a forged, malformed or mismatched one false, in order', async () => {
    const [a, b] = [newTillKey(), newTillKey()];
    const hashes = Array.from({ length: 600 }, (_, i) => Buffer.alloc(32, i % 256).toString('hex'));
    const jobs = hashes.map((hash, i) => {
      const key = i % 2 ? a : b;
      return { hash, publicKey: key.publicKey, signature: key.sign(Buffer.from(hash, 'hex')) };
    });
    const pool = new SignaturePool(2);
    try {
      const forged = { ...jobs[0]!, signature: jobs[1]!.signature };
      const otherKey = { ...jobs[2]!, publicKey: a.publicKey === jobs[2]!.publicKey ? b.publicKey : a.publicKey };
      const malformed = { ...jobs[3]!, signature: 'zz', publicKey: '00' };
      const [good, bad] = await Promise.all([pool.verify(jobs), pool.verify([forged, otherKey, malformed, jobs[4]!])]);
      expect(good).toEqual(jobs.map(() => true));
      expect(bad).toEqual([false, false, false, true]);
      expect(await pool.verify([])).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});
