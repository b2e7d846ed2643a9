import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A single-use code of this till's block: the promotion it gives. */
export type BlockCode = { readonly code: string; readonly promotionId: string };

/** More than head office gives a till (1,000 a block, a few blocks): a file beyond it is not read. */
const MAX_CODES = 10_000;

/**
 * The single-use codes head office gave this till to accept offline (its block), as the hub last
 * listed them (only this till's: the hub answers by device token). Replaced whole at each refresh,
 * written to a temporary file then renamed, so a crash leaves the old list or the new one.
 */
export class CouponBlock {
  private codes = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: string) {}

  static async open(dataDir: string): Promise<CouponBlock> {
    const block = new CouponBlock(path.join(dataDir, 'coupons', 'block.json'));
    try {
      const stored = JSON.parse(await readFile(block.file, 'utf8')) as { codes?: unknown };
      if (Array.isArray(stored.codes)) block.set(stored.codes.slice(0, MAX_CODES) as BlockCode[]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return block;
  }

  /** The promotion of a code of the block, or undefined. */
  promotionOf(code: string): string | undefined {
    return this.codes.get(code);
  }

  /** How many codes of the block give this promotion. */
  countFor(promotionId: string): number {
    let n = 0;
    for (const p of this.codes.values()) if (p === promotionId) n += 1;
    return n;
  }

  get size(): number {
    return this.codes.size;
  }

  /** The block as the hub lists it now; saved before it resolves. */
  async replace(codes: readonly BlockCode[]): Promise<void> {
    this.set(codes.slice(0, MAX_CODES));
    const list = [...this.codes].map(([code, promotionId]) => ({ code, promotionId }));
    this.writing = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFile(`${this.file}.tmp`, JSON.stringify({ codes: list }), { mode: 0o600 });
      await rename(`${this.file}.tmp`, this.file);
    });
    await this.writing;
  }

  private set(codes: readonly BlockCode[]): void {
    this.codes = new Map(
      codes
        .filter(
          (c) => typeof c?.code === 'string' && typeof c.promotionId === 'string' && c.code.length <= 64 && c.promotionId.length <= 64,
        )
        .map((c) => [c.code, c.promotionId]),
    );
  }
}
