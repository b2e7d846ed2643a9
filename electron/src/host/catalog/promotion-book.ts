import path from 'node:path';
import { compilePromotions, salePromotions, type CompiledPromotions, type Promotion, type SalePayloadV1 } from '@pos/core';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

/** Versions kept per rule: a cart priced with a rule just replaced at head office still seals (the engine picks the one a sale names). */
const VERSIONS_KEPT = 3;
const FILE = path.join('promotions', 'promotions.json');

type Stored = { readonly rules: readonly Promotion[] };

/**
 * The promotions this host holds to decide a sale: the rules the hub sent through it (the renderer
 * only chooses where a pull starts, never what a rule says), the last few versions of each, deleted
 * ones gone. Kept in <dataDir>/promotions/promotions.json so a restart holds them still. The host
 * prices every sale again with them before sealing (seal-checks.ts).
 */
export class PromotionBook {
  private readonly versions = new Map<string, Promotion[]>();
  private compiled: { readonly key: string; readonly set: CompiledPromotions } | null = null;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    /** False until the book was written once: a host that never kept the rules must fetch them all. */
    public filled: boolean,
  ) {}

  static async open(dataDir: string): Promise<PromotionBook> {
    const file = path.join(dataDir, FILE);
    const stored = await readJsonFile<Stored>(file);
    const book = new PromotionBook(file, stored !== null);
    for (const rule of stored?.rules ?? []) book.keep(rule);
    return book;
  }

  private keep(rule: Promotion): void {
    const held = (this.versions.get(rule.id) ?? []).filter((r) => r.version !== rule.version);
    held.push(rule);
    held.sort((a, b) => a.version - b.version);
    this.versions.set(rule.id, held.slice(-VERSIONS_KEPT));
  }

  /** Rules written (a new version of each) and deleted by a page the hub sent; saved before it returns. */
  async record(written: readonly Promotion[], deletedIds: readonly string[], replaceAll = false): Promise<void> {
    if (written.length === 0 && deletedIds.length === 0 && !replaceAll && this.filled) return;
    if (replaceAll) this.versions.clear();
    for (const id of deletedIds) this.versions.delete(id);
    for (const rule of written) this.keep(rule);
    this.compiled = null;
    this.filled = true;
    const rules = [...this.versions.values()].flat();
    const saved = { rules } satisfies Stored;
    this.writing = this.writing.then(() => writeJsonFile(this.file, saved));
    await this.writing;
  }

  /** The newest version held of a rule (an offline block code gives it), if any. */
  latestVersion(promotionId: string): number | undefined {
    return this.versions.get(promotionId)?.at(-1)?.version;
  }

  /** The rules whose coupon is single-use (newest version held): the till keeps an offline block of their codes. */
  singleUsePromotionIds(): string[] {
    return [...this.versions].filter(([, held]) => held.at(-1)?.coupon?.kind === 'single-use').map(([id]) => id);
  }

  /** How many rules (ids) are held. */
  get size(): number {
    return this.versions.size;
  }

  /**
   * The rules to price `sale` with: those it names, in the versions it names, when held (a version
   * not held is left out, so the check names it unknown). Only those: a rule that reached the host
   * after the cart was priced must not refuse a sale being paid; whether the till missed a better
   * rule is the hub's report. Compiled once per such choice.
   */
  setFor(sale: Pick<SalePayloadV1, 'discounts'>): CompiledPromotions {
    const rules = new Map<string, Promotion>();
    for (const p of salePromotions(sale)) {
      const rule = this.versions.get(p.sourceId)?.find((r) => r.version === p.sourceVersion);
      if (rule) rules.set(`${rule.id}:${rule.version}`, rule);
    }
    const key = [...rules.keys()].sort().join(',');
    if (this.compiled?.key !== key) this.compiled = { key, set: compilePromotions([...rules.values()]) };
    return this.compiled.set;
  }
}
