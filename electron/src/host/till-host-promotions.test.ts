import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePromotions, demoProduct, type Promotion, type SalePayloadV1, type SealedRecord } from '@pos/core';
import { demoPromotions } from '@pos/core/test-support/promotion-cart';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, hostPool, signIn, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

/** The host prices a sale's promotions again before sealing it, with the rules it holds. */
const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const oignons = demoProduct(100);
const other = demoProduct(205);

const rules = demoPromotions;

/** A host that kept these rules from the hub (its promotions file, as a pull through it leaves it). */
async function hostHolding(held: readonly Promotion[]): Promise<TestHost> {
  const dir = await dirs.make();
  await mkdir(path.join(dir, 'promotions'), { recursive: true });
  await writeFile(path.join(dir, 'promotions', 'promotions.json'), JSON.stringify({ rules: held }));
  const host = await hosts.start(dir);
  await signIn(host);
  return host;
}

/** A cash sale of 3 oignons and 1 of the other product, priced with `priced` as a till holding them would. */
function promotedSale(saleId: string, priced: readonly Promotion[]): SalePayloadV1 {
  return cashSale({ saleId, products: [100, 100, 100, 205], promotions: compilePromotions(priced) }) as SalePayloadV1;
}

const seal = (host: TestHost, sale: SalePayloadV1) => host.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale });

describe('promotions at the till host', () => {
  it('seals a sale whose promotional discounts the host prices the same, each with its id and version', async () => {
    const host = await hostHolding(rules());
    const sale = promotedSale('promo-ok', rules());
    expect(sale.discounts.map((d) => (d.source === 'promotion' ? [d.sourceId, d.sourceVersion, d.amount] : d.source))).toEqual([
      ['oignons-3-pour-2', 2, oignons.price],
      ['rayon', 1, Math.round(other.price * 0.2)],
    ]);
    const record = valueOf<SealedRecord<'sale'>>(await seal(host, sale));
    expect(record.payload).toEqual(sale);
  });

  it('refuses a promotion version it does not hold, and a discount the rule does not give', async () => {
    const host = await hostHolding(rules());
    // Priced by a page with a version 3 the hub never sent through this host.
    const unknown = promotedSale(
      'promo-v3',
      rules().map((r) => (r.id === 'rayon' ? { ...r, version: 3 } : r)),
    );
    const refused = errorOf(await seal(host, unknown));
    expect(refused.code).toBe('SEAL_REFUSED');
    expect(refused.message).toMatch(/unknown-promotion: rayon v3/);
    // A rule made more generous by the page (50 % instead of 20 %) under the held id and version.
    const richer = promotedSale(
      'promo-rich',
      rules().map((r) => (r.id === 'rayon' ? { ...r, benefit: { ...r.benefit, bp: 5_000 } as Promotion['benefit'] } : r)),
    );
    const error = errorOf(await seal(host, richer));
    expect(error.code).toBe('SEAL_REFUSED');
    expect(error.message).toMatch(/amount: rayon v1/);
    expect((error.details as { problems: { code: string }[] }).problems.map((p) => p.code)).toEqual(['promotion']);
    // The right one still seals afterwards: nothing was sealed by the refusals.
    expect(valueOf<SealedRecord<'sale'>>(await seal(host, promotedSale('promo-after', rules()))).seq).toBe(1);
  });

  it('refuses every promotional discount when it holds no rules, and seals a sale without any', async () => {
    const host = await hostHolding([]);
    expect(errorOf(await seal(host, promotedSale('promo-none', rules()))).message).toMatch(/unknown-promotion/);
    expect(valueOf<SealedRecord<'sale'>>(await seal(host, promotedSale('plain', []))).seq).toBe(1);
  });
});
