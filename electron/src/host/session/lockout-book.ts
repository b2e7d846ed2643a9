import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeFiscalFs, writeFileDurably } from '../fiscal/fiscal-fs';

export type LockoutPolicy = { readonly maxAttempts: number; readonly lockMs: number };

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockMs: 60_000 };

type Counter = { readonly failures: number; readonly locks: number; readonly lockedUntil: number };

/** Who was unlocked by which manager, and when: kept with the counters so an audit can ask. */
export type UnlockRecord = { readonly key: string; readonly unlockedBy: string; readonly at: string };

type LockoutFile = { readonly counters: Readonly<Record<string, Counter>>; readonly unlocks: readonly UnlockRecord[] };

/** The file stays small: only the latest unlocks are kept. */
const KEEP_UNLOCKS = 200;

const EMPTY: LockoutFile = { counters: {}, unlocks: [] };

/**
 * The file as written by this book, or nothing: a file edited by hand must not stop the till
 * from starting (its writes are atomic, so a power cut never leaves half of one).
 */
function parseLockouts(text: string): LockoutFile {
  if (text === '') return EMPTY;
  try {
    const parsed = JSON.parse(text) as Partial<LockoutFile> | null;
    const counters = Object.fromEntries(
      Object.entries(parsed?.counters ?? {}).filter(
        ([, c]) => typeof c === 'object' && c !== null && [c.failures, c.locks, c.lockedUntil].every(Number.isFinite),
      ),
    );
    return { counters, unlocks: Array.isArray(parsed?.unlocks) ? parsed.unlocks : [] };
  } catch {
    return EMPTY;
  }
}

/** What a wrong PIN did to the person's counter. */
export type Failure = { readonly attemptsLeft: number; readonly retryInMs: number };

/**
 * Wrong-PIN counters per person (a key per staff member, and one for anonymous PINs), kept in
 * <dataDir>/lockouts.json and written durably on every change, so pulling the plug does not
 * give a guesser five fresh tries. After `maxAttempts` wrong PINs in a row that person is locked
 * for `lockMs`, doubling at each further lock until a right PIN or a manager's unlock.
 */
export class LockoutBook {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private state: LockoutFile,
    private readonly file: string,
    private readonly policy: LockoutPolicy,
    private readonly now: () => number,
  ) {}

  static async open(dataDir: string, policy: LockoutPolicy = DEFAULT_LOCKOUT, now: () => number = Date.now): Promise<LockoutBook> {
    const file = path.join(dataDir, 'lockouts.json');
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return new LockoutBook(parseLockouts(text), file, policy, now);
  }

  /** Milliseconds until `key` may try a PIN again; 0 when it may now. */
  retryInMs(key: string): number {
    return Math.max(0, (this.state.counters[key]?.lockedUntil ?? 0) - this.now());
  }

  /** Every key locked now, with the time left. */
  locked(): { readonly key: string; readonly retryInMs: number }[] {
    return Object.keys(this.state.counters).flatMap((key) => {
      const retryInMs = this.retryInMs(key);
      return retryInMs > 0 ? [{ key, retryInMs }] : [];
    });
  }

  async failed(key: string): Promise<Failure> {
    const was = this.state.counters[key] ?? { failures: 0, locks: 0, lockedUntil: 0 };
    const failures = was.failures + 1;
    const locking = failures >= this.policy.maxAttempts;
    const counter: Counter = locking
      ? { failures: 0, locks: was.locks + 1, lockedUntil: this.now() + this.policy.lockMs * 2 ** was.locks }
      : { ...was, failures };
    await this.save({ ...this.state, counters: { ...this.state.counters, [key]: counter } });
    return { attemptsLeft: locking ? 0 : this.policy.maxAttempts - failures, retryInMs: this.retryInMs(key) };
  }

  /** A right PIN forgives the earlier wrong ones (the file is only written when there were some). */
  async succeeded(key: string): Promise<void> {
    if (!this.state.counters[key]) return;
    await this.save({ ...this.state, counters: this.without(key) });
  }

  async unlock(key: string, unlockedBy: string): Promise<void> {
    const record: UnlockRecord = { key, unlockedBy, at: new Date(this.now()).toISOString() };
    await this.save({ counters: this.without(key), unlocks: [...this.state.unlocks, record].slice(-KEEP_UNLOCKS) });
  }

  get unlocks(): readonly UnlockRecord[] {
    return this.state.unlocks;
  }

  private without(key: string): Record<string, Counter> {
    const { [key]: _forgotten, ...rest } = this.state.counters;
    return rest;
  }

  /** One write at a time, in order: two wrong PINs at once must both count. */
  private save(next: LockoutFile): Promise<void> {
    this.state = next;
    const text = JSON.stringify(next);
    this.writing = this.writing.catch(() => undefined).then(() => writeFileDurably(nodeFiscalFs, this.file, text));
    return this.writing;
  }
}
