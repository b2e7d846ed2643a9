import path from 'node:path';
import { loyaltyProgramProblems, type LoyaltyProgram } from '@pos/core';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

/** Versions kept per program: a sale completed with a version just replaced at head office still seals. */
const VERSIONS_KEPT = 3;
/** Programs pulled per page (the hub holds a handful: one live at a time). */
const PAGE = 100;
/** Pages at most per catch-up. */
const MAX_PAGES = 20;
const FILE = path.join('loyalty', 'programs.json');

type Stored = { readonly seq: number; readonly versions: readonly LoyaltyProgram[]; readonly live: readonly string[] };

/** One page of the hub's `loyalty_programs` collection after `seq`. */
export type LoyaltyPage = {
  readonly written: readonly unknown[];
  readonly deletedIds: readonly string[];
  readonly seq: number;
  readonly remaining: number;
};

/**
 * The loyalty programs this host holds to decide a sale's points: what the hub sent (never what
 * the page says), the last few versions of each, and which one is live. Kept in
 * <dataDir>/loyalty/programs.json with the hub's sequence it read up to, so a restart holds them
 * still and the next catch-up asks only for what changed. The renderer asks for the live one
 * (`loyalty.program`) to compute a member's earn; the host checks a sealed earn against the
 * version it names (seal-checks.ts).
 */
export class LoyaltyBook {
  private readonly versions = new Map<string, LoyaltyProgram[]>();
  private readonly live = new Set<string>();
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private seq: number,
  ) {}

  static async open(dataDir: string): Promise<LoyaltyBook> {
    const file = path.join(dataDir, FILE);
    const stored = await readJsonFile<Stored>(file);
    const book = new LoyaltyBook(file, stored?.seq ?? 0);
    for (const program of stored?.versions ?? []) book.keep(program);
    for (const id of stored?.live ?? []) book.live.add(id);
    return book;
  }

  private keep(program: LoyaltyProgram): void {
    const held = (this.versions.get(program.id) ?? []).filter((p) => p.version !== program.version);
    held.push(program);
    held.sort((a, b) => a.version - b.version);
    this.versions.set(program.id, held.slice(-VERSIONS_KEPT));
  }

  /**
   * Reads the hub's programs written after the sequence held, page by page, and saves before it
   * returns. A program core refuses is left out (it never prices a sale here); a tombstone ends
   * the program, its versions kept for sales completed just before.
   */
  async catchUp(pull: (seq: number, limit: number) => Promise<LoyaltyPage>): Promise<void> {
    let seq = this.seq;
    for (let page = 0; page < MAX_PAGES; page++) {
      const pulled = await pull(seq, PAGE);
      for (const id of pulled.deletedIds) this.live.delete(id);
      for (const doc of pulled.written) {
        if (loyaltyProgramProblems(doc).length > 0) continue;
        const program = doc as LoyaltyProgram;
        this.keep(program);
        this.live.add(program.id);
      }
      seq = pulled.seq;
      if (pulled.remaining === 0) break;
    }
    if (seq === this.seq) return;
    this.seq = seq;
    const stored: Stored = { seq, versions: [...this.versions.values()].flat(), live: [...this.live] };
    this.writing = this.writing.then(() => writeJsonFile(this.file, stored));
    await this.writing;
  }

  /** The live program in its latest version held, or null (no program: sales earn nothing). One at a time at the hub; the first id otherwise. */
  active(): LoyaltyProgram | null {
    const id = [...this.live].sort()[0];
    return id === undefined ? null : (this.versions.get(id)?.at(-1) ?? null);
  }

  /** A version of a program as held here, or null. */
  version(programId: string, version: number): LoyaltyProgram | null {
    return this.versions.get(programId)?.find((p) => p.version === version) ?? null;
  }
}
