import 'fake-indexeddb/auto';
import { demoStoreProfile } from '@pos/core';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { CatalogDb } from '../../db/catalog-db';
import { importCatalog } from '../../db/catalog-import';
import { demoCatalogPageForTest } from '../../db/test-support/demo-pull';
import { createI18n } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { renderTill, startTill, stopTill } from '../../test-support/till-harness';
import { resolveCode } from '../sale/resolve-code';
import { BarcodeSheet } from './BarcodeSheet';
import { demoBarcodes, type DemoBarcode } from './demo-barcodes';

const layouts = demoStoreProfile().variableMeasureLayouts;
let db: CatalogDb;
beforeAll(async () => {
  db = new CatalogDb('barcode-sheet-test');
  await importCatalog(db, demoCatalogPageForTest(2000));
});
afterAll(() => db.close());

/** What a scanner sends for the printed symbol: a GS1-128 with its AIM identifier, the AIs without their brackets. */
function scanned(code: DemoBarcode): string {
  return code.bcid === 'gs1-128' ? `]C1${code.text.replace(/[()]/g, '')}` : code.text;
}

describe('the demo barcode sheet', () => {
  it('holds codes the till reads as the sheet says', async () => {
    const today = '2026-12-06';
    const results = new Map<string, unknown>();
    for (const code of demoBarcodes()) results.set(code.id, await resolveCode(db, scanned(code), layouts, null, today));
    expect(results.get('unit')).toMatchObject({ kind: 'product', product: { measure: 'unit' } });
    expect(results.get('weighed')).toMatchObject({ kind: 'needs-weight' });
    expect(results.get('scaleWeight')).toMatchObject({ kind: 'product', quantity: 1250 });
    expect(results.get('scalePrice')).toMatchObject({ kind: 'product', labelAmount: 1234 });
    expect(results.get('gs1')).toMatchObject({ kind: 'product', quantity: 1250 });
    expect(results.get('gs1Expired')).toMatchObject({ kind: 'error', key: 'scan.expired' });
    expect(results.get('checkDigit')).toMatchObject({ kind: 'error', key: 'scan.checkDigit' });
  });

  it('draws each code as an image, with what it does in the screen’s language', async () => {
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <BarcodeSheet onClose={() => undefined} />
      </I18nextProvider>,
    );
    const sheet = screen.getByRole('dialog', { name: 'Codes-barres du magasin de démonstration' });
    await waitFor(() => expect(within(sheet).getAllByRole('img')).toHaveLength(demoBarcodes().length));
    expect(within(sheet).getByText('Pommes Gala au kg : 1,250 kg, à consommer jusqu’au 2030-12-31.')).toBeTruthy();
    expect(within(sheet).getByRole('button', { name: 'Imprimer' })).toBeTruthy();
  });
});

describe('the way to the sheet', () => {
  it('is a button of the help, and the sheet closes back to it', async () => {
    await startTill();
    try {
      renderTill();
      act(() => useAppStore.getState().toggleHelp(true));
      fireEvent.click(screen.getByRole('button', { name: 'Codes-barres de démonstration' }));
      const sheet = screen.getByRole('dialog', { name: 'Codes-barres du magasin de démonstration' });
      fireEvent.click(within(sheet).getByRole('button', { name: 'Fermer' }));
      expect(screen.queryByRole('dialog', { name: 'Codes-barres du magasin de démonstration' })).toBeNull();
      expect(screen.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeTruthy();
    } finally {
      await stopTill();
    }
  });
});
