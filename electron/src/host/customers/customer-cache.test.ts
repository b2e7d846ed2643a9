import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCustomerQuery, type CustomerQuery } from '@pos/core/customers/customer-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerCache, customerSoldTo } from './customer-cache';

const query = (text: string): CustomerQuery => {
  const parsed = parseCustomerQuery(text);
  if (!parsed.ok) throw new Error(parsed.code);
  return parsed.query;
};
const ids = (cache: CustomerCache, text: string) => cache.search(query(text)).map((c) => c.id);

describe('the customers the till keeps for offline searches', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'customer-cache-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('finds those created here by name, phone, e-mail and card, through a restart, without keeping a whole contact', async () => {
    let cache = await CustomerCache.open(dataDir);
    await cache.rememberCreated('c-1', {
      lastName: 'Lefèvre',
      firstName: 'Anaïs',
      phone: '06 12 34 56 78',
      email: 'Anais@Exemple.fr',
      cardNumber: 'loy-0042-7781',
    });
    await cache.rememberCreated('c-2', { lastName: 'Lefort' });
    await cache.close();
    cache = await CustomerCache.open(dataDir);
    expect(ids(cache, 'lef')).toEqual(['c-1', 'c-2']);
    expect(ids(cache, 'lefevre an')).toEqual(['c-1']);
    expect(ids(cache, '+33 6 12 34 56 78')).toEqual(['c-1']);
    expect(ids(cache, 'anais@exemple.fr')).toEqual(['c-1']);
    expect(ids(cache, 'LOY-0042-7781')).toEqual(['c-1']);
    expect(ids(cache, '06 12 34 56 79')).toEqual([]);
    expect(cache.search(query('lefevre'))).toEqual([
      { id: 'c-1', lastName: 'Lefèvre', firstName: 'Anaïs', phoneEnd: '5678', emailHint: 'a•••@exemple.fr', cardEnd: '7781' },
    ]);
    const file = await readFile(path.join(dataDir, 'customers', 'cache.jsonl'), 'utf8');
    for (const whole of ['612345678', 'anais@exemple.fr', 'LOY-0042-7781']) expect(file).not.toContain(whole);
    await cache.close();
  });

  it('learns from the hub’s answers the ways of finding a customer the query proves', async () => {
    const cache = await CustomerCache.open(dataDir);
    await cache.rememberFound(query('0612345678'), [
      { id: 'h-1', lastName: 'Durand', phoneEnd: '5678' },
      // Found by the digits as a card number, not as a phone: only the card key is proven.
      { id: 'h-2', lastName: 'Dupont', cardEnd: '5678' },
    ]);
    await cache.rememberFound(query('durand'), [{ id: 'h-3', lastName: 'Durand', firstName: 'Paul' }]);
    expect(ids(cache, '+33612345678')).toEqual(['h-1']); // not a card number: as the hub
    expect(ids(cache, '0612345678')).toEqual(['h-1', 'h-2']);
    expect(ids(cache, 'durand')).toEqual(['h-1', 'h-3']);
    expect(ids(cache, 'durand pa')).toEqual(['h-3']);
    expect(ids(cache, 'martin')).toEqual([]);
    await cache.close();
  });

  it('keeps the most recent only, and a file that grew is rewritten to what it keeps', async () => {
    let cache = await CustomerCache.open(dataDir, 5);
    for (let i = 0; i < 12; i += 1) await cache.rememberCreated(`c-${i}`, { lastName: `Martin` });
    await cache.touch('c-7'); // sold to again: the most recent
    await cache.rememberCreated('c-12', { lastName: 'Martin' });
    expect(cache.size).toBe(5);
    expect(ids(cache, 'martin')).toEqual(['c-10', 'c-11', 'c-12', 'c-7', 'c-9']);
    await cache.close();
    const lines = (await readFile(path.join(dataDir, 'customers', 'cache.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    cache = await CustomerCache.open(dataDir, 5);
    expect(ids(cache, 'martin')).toEqual(['c-10', 'c-11', 'c-12', 'c-7', 'c-9']);
    await cache.close();
  });

  it('a sale sealed for a customer makes them the most recent: a regular is kept', async () => {
    const cache = await CustomerCache.open(dataDir, 2);
    const soldTo = customerSoldTo(cache);
    await cache.rememberCreated('c-1', { lastName: 'Martin' });
    await cache.rememberCreated('c-2', { lastName: 'Martin' });
    soldTo('fiscal.seal', { ok: true, value: { chain: 'sale', payload: { customerId: 'c-1' } } });
    soldTo('fiscal.seal', { ok: false, error: { code: 'SEAL_REFUSED', message: 'no' } });
    soldTo('receipt.print', { ok: true, value: { chain: 'sale', payload: { customerId: 'c-2' } } });
    await cache.rememberCreated('c-3', { lastName: 'Martin' });
    expect(ids(cache, 'martin')).toEqual(['c-1', 'c-3']);
    await cache.close();
  });

  it('starts with a damaged file, skipping what it did not write', async () => {
    let cache = await CustomerCache.open(dataDir);
    await cache.rememberCreated('c-1', { lastName: 'Durand' });
    await cache.close();
    const file = path.join(dataDir, 'customers', 'cache.jsonl');
    await appendFile(
      file,
      `{"match":{"id":"../x"},"last":"durand","first":"","keys":[]}\n${'x'.repeat(10_000)}\n{"match":{"id":"c-2","lastName":"Durand"},"last":"durand","first":"","keys":[]}\n{"mat`,
    );
    cache = await CustomerCache.open(dataDir);
    expect(ids(cache, 'durand')).toEqual(['c-1', 'c-2']);
    await cache.close();
  });
});
