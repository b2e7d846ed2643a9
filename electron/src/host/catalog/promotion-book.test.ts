import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SaleDiscount } from '@pos/core';
import { samplePromotion } from '@pos/core/test-support/promotion-samples';
import { afterEach, describe, expect, it } from 'vitest';
import { PromotionBook } from './promotion-book';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const rule = (id: string, version: number) =>
  samplePromotion(id, { type: 'percent-off', target: { categories: ['c'] }, bp: 1_000 }, { version });

const naming = (...named: [string, number][]): { discounts: SaleDiscount[] } => ({
  discounts: named.map(([sourceId, sourceVersion]) => ({
    source: 'promotion',
    sourceId,
    sourceVersion,
    lineId: 'l1',
    kind: 'percent',
    value: 1_000,
    amount: 1,
  })),
});

const held = (book: PromotionBook, ...named: [string, number][]) =>
  book.setFor(naming(...named)).promotions.map((c) => `${c.promotion.id}@${c.promotion.version}`);

describe('the host’s promotion book', () => {
  it('keeps the last versions the hub sent, forgets deleted rules, and holds them across a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'promotion-book-'));
    dirs.push(dir);
    const book = await PromotionBook.open(dir);
    expect(book.filled).toBe(false);
    await book.record([rule('a', 1), rule('b', 1)], []);
    await book.record([rule('a', 2), rule('a', 3), rule('a', 4)], ['b']);
    expect(book.filled).toBe(true);
    expect(book.size).toBe(1);
    // Only the rules a sale names, in the versions it names: the oldest version of a beyond the last three is gone.
    expect(held(book, ['a', 2])).toEqual(['a@2']);
    expect(held(book, ['a', 1], ['b', 1])).toEqual([]);
    expect(held(book)).toEqual([]);
    const again = await PromotionBook.open(dir);
    expect(again.filled).toBe(true);
    expect(held(again, ['a', 4])).toEqual(['a@4']);
    // The same choice is compiled once.
    expect(again.setFor(naming(['a', 4]))).toBe(again.setFor(naming(['a', 4])));
    await again.record([rule('c', 1)], [], true);
    expect(again.size).toBe(1);
  });
});
