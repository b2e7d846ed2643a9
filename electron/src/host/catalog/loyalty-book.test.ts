import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { afterEach, describe, expect, it } from 'vitest';
import { LoyaltyBook, type LoyaltyPage } from './loyalty-book';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A hub whose loyalty_programs collection holds `pages` in sequence order, as its pull route serves them. */
function hubOf(docs: { seq: number; doc: unknown; deleted?: string }[]) {
  const asked: number[] = [];
  const pull = async (seq: number, limit: number): Promise<LoyaltyPage> => {
    asked.push(seq);
    const after = docs.filter((d) => d.seq > seq);
    const page = after.slice(0, limit);
    return {
      written: page.filter((d) => !d.deleted).map((d) => d.doc),
      deletedIds: page.flatMap((d) => (d.deleted ? [d.deleted] : [])),
      seq: page.at(-1)?.seq ?? seq,
      remaining: after.length - page.length,
    };
  };
  return { pull, asked };
}

describe('the host’s loyalty book', () => {
  it('holds the live program and its last versions across a restart, asks only for what changed, forgets nothing a sale may name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'loyalty-book-'));
    dirs.push(dir);
    const book = await LoyaltyBook.open(dir);
    expect(book.active()).toBeNull();
    const hub = hubOf([
      { seq: 1, doc: testLoyaltyProgram({ version: 1 }) },
      { seq: 2, doc: testLoyaltyProgram({ version: 2 }) },
      // Refused by core: never held.
      { seq: 3, doc: { ...testLoyaltyProgram({ version: 3 }), earn: { kind: 'spend', points: -1 } } },
    ]);
    await book.catchUp(hub.pull);
    expect(book.active()).toMatchObject({ id: 'club', version: 2 });
    expect(book.version('club', 1)?.version).toBe(1);
    expect(book.version('club', 3)).toBeNull();

    const again = await LoyaltyBook.open(dir);
    expect(again.active()).toMatchObject({ id: 'club', version: 2 });
    const later = hubOf([
      { seq: 1, doc: testLoyaltyProgram({ version: 1 }) },
      { seq: 2, doc: testLoyaltyProgram({ version: 2 }) },
      { seq: 3, doc: null },
      { seq: 4, doc: null, deleted: 'club' },
    ]);
    await again.catchUp(later.pull);
    expect(later.asked[0]).toBe(3);
    // Ended: no sale earns in it any more, but a sale completed just before still finds its version.
    expect(again.active()).toBeNull();
    expect(again.version('club', 2)?.version).toBe(2);
  });

  it('a pull that fails (a hub older than loyalty programs) leaves the book as it was, to catch up at the next pull', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'loyalty-book-'));
    dirs.push(dir);
    const book = await LoyaltyBook.open(dir);
    await book.catchUp(hubOf([{ seq: 1, doc: testLoyaltyProgram({ version: 1 }) }]).pull);
    await expect(book.catchUp(() => Promise.reject(new Error('No synced collection is called "loyalty_programs"')))).rejects.toThrow();
    expect(book.active()).toMatchObject({ version: 1 });
    expect((await LoyaltyBook.open(dir)).active()).toMatchObject({ version: 1 });
  });
});
