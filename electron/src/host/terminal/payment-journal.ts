import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CardResult } from '@pos/core';

export type PaymentAttempt = {
  readonly attemptKey: string;
  readonly amount: number;
  readonly currency: string;
  readonly requestedAt: string;
  readonly result?: CardResult;
};

type Line =
  | { readonly t: 'requested'; readonly attemptKey: string; readonly amount: number; readonly currency: string; readonly at: string }
  | { readonly t: 'result'; readonly attemptKey: string; readonly result: CardResult; readonly at: string };

/**
 * Every card attempt, written (and fsynced) before the terminal is asked and again when it answers,
 * in <dataDir>/payments/attempts.jsonl. After a crash or restart the host knows which keys were
 * already sent to the terminal, so the same key is never charged twice.
 */
export class PaymentJournal {
  private readonly attempts = new Map<string, PaymentAttempt>();
  private handle: FileHandle | null = null;

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<PaymentJournal> {
    const dir = path.join(dataDir, 'payments');
    await mkdir(dir, { recursive: true });
    const journal = new PaymentJournal(path.join(dir, 'attempts.jsonl'));
    await journal.load();
    journal.handle = await open(journal.file, 'a');
    return journal;
  }

  get(attemptKey: string): PaymentAttempt | undefined {
    return this.attempts.get(attemptKey);
  }

  async requested(attemptKey: string, amount: number, currency: string): Promise<void> {
    await this.append({ t: 'requested', attemptKey, amount, currency, at: new Date().toISOString() });
  }

  async answered(attemptKey: string, result: CardResult): Promise<void> {
    await this.append({ t: 'result', attemptKey, result, at: new Date().toISOString() });
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  private async append(line: Line): Promise<void> {
    if (!this.handle) throw new Error('The payment journal is closed');
    await this.handle.write(`${JSON.stringify(line)}\n`);
    await this.handle.datasync();
    this.apply(line);
  }

  private apply(line: Line): void {
    if (line.t === 'requested') {
      this.attempts.set(line.attemptKey, { attemptKey: line.attemptKey, amount: line.amount, currency: line.currency, requestedAt: line.at });
    } else {
      const attempt = this.attempts.get(line.attemptKey);
      if (attempt) this.attempts.set(line.attemptKey, { ...attempt, result: line.result });
    }
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const complete = text.lastIndexOf('\n') + 1;
    // A torn last line was never acknowledged: drop it (the attempt it began was not sent yet).
    if (complete < text.length) await truncate(this.file, Buffer.byteLength(text.slice(0, complete)));
    for (const raw of text.slice(0, complete).split('\n')) {
      if (raw) this.apply(JSON.parse(raw) as Line);
    }
  }
}
