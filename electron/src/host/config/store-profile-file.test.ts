import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoStoreProfile } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './host-config';
import { loadStoreProfile } from './store-profile-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (value: unknown) => writeFile(path.join(dir, 'store.json'), JSON.stringify(value));

describe('loadStoreProfile', () => {
  it('is the demo store without a store.json', async () => {
    expect(await loadStoreProfile(dir, 'S001', 'T01')).toEqual(demoStoreProfile('S001', 'T01'));
  });

  it('takes the store’s own name, scale-label layouts and cash rounding', async () => {
    const layouts = [{ id: 'weight-2-4-6', prefixes: ['23'], itemDigits: 4, valueDigits: 6, valueKind: 'weight_g' }];
    await write({
      name: 'Fromagerie Lucie',
      variableMeasureLayouts: layouts,
      cashRounding: { step: 5 },
      currency: 'CHF',
      receiptLocale: 'fr-CH',
    });
    const profile = await loadStoreProfile(dir, 'S002', 'T03');
    expect(profile).toMatchObject({
      storeId: 'S002',
      tillId: 'T03',
      name: 'Fromagerie Lucie',
      variableMeasureLayouts: layouts,
      cashRounding: { step: 5 },
      currency: 'CHF',
    });
  });

  it('takes a VAT rate listed twice with its periods (a change by law), and refuses periods that overlap', async () => {
    const others = demoStoreProfile().vatRates.filter((r) => r.id !== 'FR-20');
    const change = '2027-01-01T00:00:00.000Z';
    const vatRates = [
      ...others,
      { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %', validUntil: change },
      { id: 'FR-20', rateBp: 2100, code: 'D', label: 'TVA 21 %', validFrom: change },
    ];
    await write({ vatRates });
    expect((await loadStoreProfile(dir, 'S001', 'T01')).vatRates).toEqual(vatRates);
    await write({
      vatRates: [...others, { id: 'FR-20', rateBp: 2000, code: 'D', label: 'a' }, { id: 'FR-20', rateBp: 2100, code: 'D', label: 'b' }],
    });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/listed twice for the same time/);
  });

  it('takes the store’s tiles, and refuses a tile the till could not show (a remote image)', async () => {
    const quickKeys = [{ kind: 'category', category: 'Boulangerie', label: 'Pain', colour: '#c8793a' }];
    await write({ quickKeys });
    expect((await loadStoreProfile(dir, 'S001', 'T01')).quickKeys).toEqual(quickKeys);
    await write({ quickKeys: [{ ...quickKeys[0], image: 'https://example.com/pain.png' }] });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(
      /quickKeys must be valid tiles \(quickKeys\[0\]\.image: must be a base64 data URL/,
    );
  });

  it('takes the store’s receipt settings, and refuses a paper policy it does not know', async () => {
    await write({ receipt: { paper: 'always', digitalBaseUrl: 'https://hub.example.com/' } });
    expect((await loadStoreProfile(dir, 'S001', 'T01')).receipt).toEqual({ paper: 'always', digitalBaseUrl: 'https://hub.example.com/' });
    await write({ receipt: { paper: 'sometimes' } });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/receipt must be receipt settings with paper: ask, always or never/);
  });

  it('takes the hour the store’s business day starts, and refuses one that is not an hour', async () => {
    await write({ dayStartHour: 4 });
    expect((await loadStoreProfile(dir, 'S001', 'T01')).dayStartHour).toBe(4);
    for (const dayStartHour of [24, -1, 2.5, '4']) {
      await write({ dayStartHour });
      await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/dayStartHour must be an hour from 0 to 23/);
    }
  });

  it('refuses a layout that does not make an EAN-13, a bad rate, and identity fields', async () => {
    await write({ variableMeasureLayouts: [{ id: 'bad', prefixes: ['20'], itemDigits: 5, valueDigits: 4, valueKind: 'weight_g' }] });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/variableMeasureLayouts.*13 digits/);
    await write({ vatRates: [{ id: 'FR-20', rateBp: 'twenty' }] });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/vatRates/);
    await write({ storeId: 'S999' });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toBeInstanceOf(ConfigError);
    await write({ timeZone: 'Mars/Olympus' });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/known to Intl/);
    await writeFile(path.join(dir, 'store.json'), '{ nope');
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/not valid JSON/);
  });

  it('refuses a store whose receipts would miss the merchant’s identity: SIRET of the VAT number’s SIREN, an address', async () => {
    await write({ siret: '40483304800015' });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/siret must be valid for a receipt \(has a wrong check digit\)/);
    await write({ vatNumber: 'FR84404833048' });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/vatNumber must be valid for a receipt/);
    await write({ addressLines: [] });
    await expect(loadStoreProfile(dir, 'S001', 'T01')).rejects.toThrow(/addressLines must be valid for a receipt/);
    await write({ vatNumber: 'DE123456789' });
    expect((await loadStoreProfile(dir, 'S001', 'T01')).vatNumber).toBe('DE123456789');
  });
});
