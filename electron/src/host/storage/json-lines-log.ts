import { mkdir, open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * An append-only log of JSON lines, each appended line flushed to disk (fdatasync) before the
 * append resolves. At open every whole line is replayed in order; a torn last line (a crash
 * mid-append, so never acknowledged) is cut off. The host's small durable logs use it: card
 * attempts, issued approvals, printed originals.
 */
export class JsonLinesLog<T> {
  private constructor(private handle: FileHandle | null) {}

  static async open<T>(file: string, replay: (line: T) => void, mode = 0o600): Promise<JsonLinesLog<T>> {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const complete = text.lastIndexOf('\n') + 1;
    if (complete < text.length) await truncate(file, Buffer.byteLength(text.slice(0, complete)));
    for (const raw of text.slice(0, complete).split('\n')) if (raw) replay(JSON.parse(raw) as T);
    return new JsonLinesLog<T>(await open(file, 'a', mode));
  }

  async append(line: T): Promise<void> {
    if (!this.handle) throw new Error('The log is closed');
    await this.handle.write(`${JSON.stringify(line)}\n`);
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}
