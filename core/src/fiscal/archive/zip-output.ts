import type { ArchiveOutput } from './archive-builder';

/** fflate writes no ZIP64: a file past this size could not be read back. */
const ZIP32_LIMIT = 0xffff_ffff;

/** What ZipOutput uses of fflate's streaming `Zip` and `ZipDeflate`: core imports no zip library, the hub and the till pass fflate's. */
export type ZipEntryStream = { push(chunk: Uint8Array, final?: boolean): void };
export type ZipLibrary<E extends ZipEntryStream> = {
  readonly Zip: new (callback: (error: Error | null, chunk: Uint8Array, final: boolean) => void) => {
    add(entry: E): void;
    end(): void;
  };
  readonly ZipDeflate: new (name: string, options: { readonly level: DeflateLevel }) => E;
};
export type DeflateLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Where the zip's bytes go: a Node Writable (an HTTP response, a file stream) fits. */
export type ZipByteStream = {
  write(chunk: Uint8Array): unknown;
  readonly writableNeedDrain: boolean;
  readonly destroyed: boolean;
  on(event: 'drain' | 'close' | 'error', listener: (error?: Error) => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: (error?: Error) => void): unknown;
};

/**
 * A zip written to a stream as its files are written (fflate's streaming Zip, deflate): entries
 * one after the other, each file's bytes pushed as they come, and the writer waits for the stream
 * to drain before going on, so a year of records never sits in memory. The hub streams it to an
 * HTTP response or a file, the till to a file of its data directory.
 */
export class ZipOutput<E extends ZipEntryStream> implements ArchiveOutput {
  private readonly zip: InstanceType<ZipLibrary<E>['Zip']>;
  private failure: Error | null = null;
  private ended: Promise<void>;

  /** `level`: deflate's, 1 (fast) to 9 (small); 6 by default. */
  constructor(
    private readonly out: ZipByteStream,
    private readonly library: ZipLibrary<E>,
    private readonly level: DeflateLevel = 6,
  ) {
    let finish: () => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    this.ended = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    this.ended.catch(() => undefined);
    this.zip = new library.Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        fail(error);
        return;
      }
      out.write(chunk);
      if (final) finish();
    });
    out.on('error', (error) => {
      this.failure = error ?? new Error('The archive’s destination failed');
      fail(this.failure);
    });
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain) {
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          this.out.off('drain', done);
          this.out.off('close', done);
          this.out.off('error', done);
          if (error) reject(error);
          else resolve();
        };
        this.out.on('drain', done);
        // Closed by the other side (a client gone): no drain will come.
        this.out.on('close', done);
        this.out.on('error', done);
      });
    }
    if (this.failure) throw this.failure;
    if (this.out.destroyed) throw new Error('The archive’s destination was closed');
  }

  open(name: string) {
    const entry = new this.library.ZipDeflate(name, { level: this.level });
    this.zip.add(entry);
    let size = 0;
    return {
      write: async (bytes: Uint8Array) => {
        size += bytes.length;
        if (size > ZIP32_LIMIT) throw new Error(`${name} would pass 4 GiB, more than a zip without ZIP64 holds: archive a shorter period`);
        entry.push(bytes);
        await this.drain();
      },
      close: async () => {
        entry.push(new Uint8Array(0), true);
        await this.drain();
      },
    };
  }

  /** Writes the central directory; resolves once every byte went to the stream. */
  async end(): Promise<void> {
    this.zip.end();
    await this.ended;
    await this.drain();
  }
}
