import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SignatureJob, SignatureVerifier } from './record-checks';

/** Bytes of one job: the signature (64), the signed hash (32), the public key (32). */
const JOB_BYTES = 128;

/**
 * What each thread runs: Ed25519 verifications with Node's crypto (OpenSSL), a batch at a time.
 * Plain JavaScript given as text, so the same code runs from the sources (tests, tsx) and from
 * the hub's bundle. A key object is built once per public key of a batch (a batch holds the
 * records of a few tills).
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
parentPort.on('message', ({ id, jobs }) => {
  const count = jobs.length / ${JOB_BYTES};
  const results = new Uint8Array(count);
  const keys = new Map();
  for (let i = 0; i < count; i++) {
    const at = i * ${JOB_BYTES};
    const raw = jobs.subarray(at + 96, at + 128);
    const x = Buffer.from(raw).toString('base64url');
    try {
      let key = keys.get(x);
      if (!key) {
        key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
        keys.set(x, key);
      }
      results[i] = crypto.verify(null, jobs.subarray(at + 64, at + 96), key, jobs.subarray(at, at + 64)) ? 1 : 0;
    } catch {
      results[i] = 0;
    }
  }
  parentPort.postMessage({ id, results }, [results.buffer]);
});
`;

/** Threads the hub verifies signatures on by default: the machine's cores but one (for the event loop and the database), at most 4, at least 1. */
export function defaultSignatureThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

type Pending = { resolve(results: Uint8Array): void; reject(error: Error): void };

/**
 * Ed25519 verifications spread over worker threads, so the verifier's event loop reads, hashes
 * and checks the next records while the signatures of the last ones are verified. Jobs are sent
 * as bytes (transferred, not copied); a malformed job is simply not valid, as with the inline
 * verification. A thread that fails fails the batches it holds (the step is retried).
 */
export class SignaturePool implements SignatureVerifier {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private nextThread = 0;

  private closed = false;

  constructor(threads = defaultSignatureThreads()) {
    for (let i = 0; i < Math.max(1, threads); i++) this.threads.push(this.spawn(i));
  }

  private spawn(slot: number): Worker {
    const thread = new Worker(THREAD_SOURCE, { eval: true });
    // Idle threads never keep the hub's process alive; close() ends them.
    thread.unref();
    thread.on('message', ({ id, results }: { id: number; results: Uint8Array }) => {
      this.pending.get(id)?.resolve(results);
      this.pending.delete(id);
    });
    thread.on('error', (error) => this.failAll(error));
    // A thread gone (an error, or killed): its batches failed above; a new one takes its place.
    thread.on('exit', () => {
      if (!this.closed) this.threads[slot] = this.spawn(slot);
    });
    return thread;
  }

  verify(jobs: readonly SignatureJob[]): Promise<boolean[]> {
    if (jobs.length === 0) return Promise.resolve([]);
    const bytes = new Uint8Array(jobs.length * JOB_BYTES);
    jobs.forEach((job, i) => {
      const at = i * JOB_BYTES;
      // Hex the shape check already held to its length; anything else verifies as false.
      bytes.set(Buffer.from(job.signature, 'hex').subarray(0, 64), at);
      bytes.set(Buffer.from(job.hash, 'hex').subarray(0, 32), at + 64);
      bytes.set(Buffer.from(job.publicKey, 'hex').subarray(0, 32), at + 96);
    });
    const id = this.nextId++;
    const thread = this.threads[this.nextThread++ % this.threads.length]!;
    return new Promise<Uint8Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.postMessage({ id, jobs: bytes }, [bytes.buffer]);
    }).then((results) => Array.from(results, (r) => r === 1));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.terminate()));
    this.threads.length = 0;
    this.failAll(new Error('The signature threads were closed'));
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
