import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient, type OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { accessTo } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import CatalogPage from '../CatalogPage';
import type { Product } from './catalog-api';

const product = (id: string, name: string, price: number, extra: Partial<Product> = {}): Product => ({
  id,
  sku: id.toUpperCase(),
  name,
  barcodes: ['3760000000017'],
  words: [],
  price,
  currency: 'EUR',
  vatRateId: 'FR-5.5',
  measure: 'unit',
  category: 'Épicerie',
  ...extra,
});
const PATE = product('p1', 'Pâté de campagne', 349);
const POMMES = product('p2', 'Pommes Gala', 299, { measure: 'weight', barcodes: [], category: '' });
const ROW_ERRORS = {
  error: 'invalid_import',
  message: '…',
  errorCount: 2,
  errors: [
    { row: 3, column: 'price', message: '…', code: 'invalid_price', params: { value: '1,999' } },
    {
      row: 4,
      column: 'barcodes',
      message: '…',
      code: 'barcode_taken',
      params: { barcode: '3760000000017', ownerId: 'p1', ownerName: 'Pâté' },
    },
  ],
};

const TAKEN = {
  error: 'invalid_product',
  message: '…',
  problems: [
    { field: 'barcodes', message: '…', code: 'barcode_taken', params: { barcode: '3760000000017', ownerId: 'p9', ownerName: 'Sel' } },
  ],
};

/** A hub in memory for the catalog routes: records each call; the first import check is refused with row errors. */
function catalogHub() {
  let checks = 0;
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    if (method === 'GET' && path.startsWith('/products?')) {
      const q = new URLSearchParams(path.slice('/products?'.length));
      if (q.get('after') === 'p2') return { products: [product('p3', 'Sel fin', 150)], next: null };
      if (q.get('q') === 'pomme') return { products: [POMMES], next: null };
      return { products: [PATE, POMMES], next: 'p2' };
    }
    if (method === 'GET' && path === '/products/p1') return { product: PATE, deleted: false, seq: 4 };
    if (path === '/categories') return { categories: ['Épicerie', 'Fruits'], truncated: false };
    if (path === '/price-lists') return { priceLists: [] };
    if (path === '/promotions') return { promotions: [], next: null };
    if (path === '/vat-rates')
      return {
        vatRates: [
          { id: 'FR-5.5', rateBp: 550, code: 'B', label: 'TVA 5,5 %' },
          { id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %' },
        ],
      };
    if (method === 'PATCH') return { product: { ...PATE, price: (body as { price: number }).price }, deleted: false, seq: 5 };
    if (method === 'PUT' && (body as { sku: string }).sku === 'TAKEN') throw new OfficeApiError('invalid_product', 422, TAKEN);
    if (method === 'PUT') return { product: { ...PATE, ...(body as object) }, deleted: false, seq: 6 };
    if (path.startsWith('/imports/products')) {
      if (path.includes('dryRun') && checks++ === 0) throw new OfficeApiError('invalid_import', 422, ROW_ERRORS);
      return { rows: 2, written: 1, unchanged: 1, dryRun: path.includes('dryRun'), lastSeq: null };
    }
    throw new OfficeApiError('not_found', 404);
  });
  return { client: fakeClient({ admin }), admin };
}

/** A row's text with the no-break spaces of number formats as plain spaces. */
const text = (row: HTMLElement) => (row.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

function open(hub: ReturnType<typeof catalogHub>, role: OfficeRole = 'admin', locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <CatalogPage page="catalog" access={accessTo(role, 'catalog') ?? 'read'} me={userWith(role)} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the catalog page', () => {
  it('lists and searches products, pages on, and changes a price in place (euros typed, cents sent)', async () => {
    const hub = catalogHub();
    open(hub);
    const table = await screen.findByRole('table', { name: 'Produits du catalogue' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(text)).toEqual([
      'IdentifiantNomCodes-barresCatégorieTVAPrix TTCActions',
      'p1Pâté de campagne3760000000017ÉpicerieTVA 5,5 %3,49 € Changer le prixModifier',
      'p2Pommes GalaSans catégorieTVA 5,5 %2,99 € le kg Changer le prixModifier',
    ]);
    expect(screen.getByRole('button', { name: 'Exporter les produits en CSV' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter les produits en Excel (XLSX)' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Afficher les produits suivants' }));
    expect(await within(table).findByText('Sel fin')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('GET', '/products?limit=50&after=p2');

    const price = screen.getByLabelText('Nouveau prix de Pâté de campagne en euros');
    await userEvent.clear(price);
    await userEvent.type(price, '3,9');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le prix de Pâté de campagne' }));
    expect(hub.admin).toHaveBeenCalledWith('PATCH', '/products/p1', { price: 390 });
    expect(text(await screen.findByText(/Le prix de Pâté/))).toBe(
      'Le prix de Pâté de campagne est maintenant 3,90 € : les caisses connectées l’ont reçu.',
    );
    await userEvent.clear(price);
    await userEvent.type(price, '3,999');
    await userEvent.click(screen.getByRole('button', { name: 'Changer le prix de Pâté de campagne' }));
    expect(screen.getByRole('alert').textContent).toContain('au plus deux décimales');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Nom, référence, code-barres ou identifiant' }), 'pomme');
    await userEvent.selectOptions(screen.getByLabelText('Catégorie'), 'Fruits');
    await userEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(within(table).queryByText('Pâté de campagne')).toBeNull());
    expect(hub.admin).toHaveBeenCalledWith('GET', '/products?q=pomme&category=Fruits&limit=50');
  });

  it('edits a product: its fields read from the hub, the price in euros saved in cents with PUT', async () => {
    const hub = catalogHub();
    open(hub);
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier Pâté de campagne' }));
    const form = await screen.findByRole('form', { name: 'Modifier le produit p1' });
    const name = within(form).getByLabelText('Nom');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Pâté de campagne'));
    await userEvent.clear(name);
    await userEvent.type(name, 'Pâté en croûte');
    await userEvent.type(within(form).getByLabelText('Codes-barres'), '{enter}PLU-7');
    await userEvent.selectOptions(within(form).getByLabelText('TVA'), 'FR-20');
    const price = within(form).getByLabelText('Prix TTC en euros');
    await userEvent.clear(price);
    await userEvent.type(price, '12,5');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer le produit' }));
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/products/p1', {
      sku: 'P1',
      name: 'Pâté en croûte',
      barcodes: ['3760000000017', 'PLU-7'],
      price: 1250,
      currency: 'EUR',
      vatRateId: 'FR-20',
      measure: 'unit',
      category: 'Épicerie',
    });
    expect(within(form).getByRole('status').textContent).toContain('Le produit Pâté en croûte est enregistré');
  });

  it('marks a product as a service (its note prints from 25 € TTC) and back to goods, the whole product put each time', async () => {
    const hub = catalogHub();
    open(hub);
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier Pâté de campagne' }));
    const form = await screen.findByRole('form', { name: 'Modifier le produit p1' });
    await waitFor(() => expect((within(form).getByLabelText('Nom') as HTMLInputElement).value).toBe('Pâté de campagne'));
    const service = within(form).getByLabelText('Service (prestation)') as HTMLInputElement;
    expect(service.checked).toBe(false);
    expect(service.getAttribute('aria-describedby')).toBeTruthy();
    await userEvent.click(service);
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer le produit' }));
    const puts = () => hub.admin.mock.calls.filter(([method]) => method === 'PUT').map(([, path, body]) => [path, body]);
    expect(puts()).toEqual([['/products/p1', expect.objectContaining({ sku: 'P1', service: true })]]);
    await userEvent.click(service);
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer le produit' }));
    expect(puts()).toHaveLength(2);
    expect(puts()[1]![1]).not.toHaveProperty('service');
  });

  it('a new product: its id checked here, a barcode of another product said in French from the hub’s code', async () => {
    const hub = catalogHub();
    open(hub);
    await userEvent.click(screen.getByRole('button', { name: 'Nouveau produit' }));
    const form = screen.getByRole('form', { name: 'Nouveau produit' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Identifiant'));
    const save = within(form).getByRole('button', { name: 'Enregistrer le produit' });
    await userEvent.type(within(form).getByLabelText('Identifiant'), 'p 9');
    await userEvent.click(save);
    expect(within(form).getByRole('alert').textContent).toBe('L’identifiant compte 1 à 64 lettres, chiffres, « . », « _ » ou « - ».');
    await userEvent.clear(within(form).getByLabelText('Identifiant'));
    await userEvent.type(within(form).getByLabelText('Identifiant'), 'p9');
    await userEvent.type(within(form).getByLabelText('Nom'), 'Sel fin');
    await userEvent.type(within(form).getByLabelText('Référence (SKU)'), 'TAKEN');
    await userEvent.type(within(form).getByLabelText('Codes-barres'), '3760000000017');
    await userEvent.selectOptions(within(form).getByLabelText('TVA'), 'FR-5.5');
    await userEvent.type(within(form).getByLabelText('Prix TTC en euros'), '1,5');
    await userEvent.click(save);
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toBe('Le code-barres 3760000000017 appartient déjà au produit p9 (Sel).'),
    );
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/products/p9', expect.objectContaining({ price: 150, barcodes: ['3760000000017'] }));
  });

  it('checks a CSV file first and shows its row errors in French, then imports a good one', async () => {
    const hub = catalogHub();
    open(hub);
    const form = screen.getByRole('form', { name: 'Importer un fichier CSV' });
    const importButton = within(form).getByRole('button', { name: 'Importer' });
    await userEvent.click(within(form).getByRole('button', { name: 'Vérifier le fichier' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choisissez d’abord un fichier CSV.');
    await userEvent.upload(
      within(form).getByLabelText('Fichier CSV des produits'),
      new File(['id;sku\n'], 'produits.csv', { type: 'text/csv' }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Vérifier le fichier' }));
    const errors = await within(form).findByRole('table', { name: 'Erreurs du fichier, ligne par ligne' });
    expect(
      within(errors)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'LigneColonneProblème',
      '3price« 1,999 » n’est pas un prix en euros d’au plus deux décimales (par exemple 12,50).',
      '4barcodesLe code-barres 3760000000017 appartient déjà au produit p1 (Pâté).',
    ]);
    expect(within(form).getByRole('alert').textContent).toContain('2 erreur(s) : rien n’a été importé');
    expect(importButton).toHaveProperty('disabled', true);
    const [, , file] = hub.admin.mock.calls.find((c) => c[1] === '/imports/products?dryRun=true')!;
    expect(file).toBeInstanceOf(Blob);

    await userEvent.upload(
      within(form).getByLabelText('Fichier CSV des produits'),
      new File(['id;sku\n'], 'corrige.csv', { type: 'text/csv' }),
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Vérifier le fichier' }));
    expect((await within(form).findByRole('status')).textContent).toContain(
      'Fichier vérifié, sans erreur : 2 produits, dont 1 à créer ou modifier',
    );
    await waitFor(() => expect(importButton).toHaveProperty('disabled', false));
    await userEvent.click(importButton);
    expect((await within(form).findByText(/Import terminé/)).textContent).toBe(
      'Import terminé : 2 produits, dont 1 créés ou modifiés et 1 inchangés.',
    );
    expect(hub.admin).toHaveBeenCalledWith('POST', '/imports/products', expect.any(Blob));
  });

  it('a store manager reads the catalog: details, no price change, no import (in English too)', async () => {
    const hub = catalogHub();
    open(hub, 'store-manager', 'en');
    expect(screen.getByText('Your role lets you read the catalog, not change it.')).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Details of Pâté de campagne' }));
    const form = await screen.findByRole('form', { name: 'Product p1' });
    await waitFor(() => expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Pâté de campagne'));
    expect(within(form).getByLabelText('Name')).toHaveProperty('disabled', true);
    expect(within(form).queryByRole('button', { name: 'Save the product' })).toBeNull();
    expect(screen.queryByLabelText(/New price of/)).toBeNull();
    expect(screen.queryByRole('form', { name: 'Import a CSV file' })).toBeNull();
    expect(text(screen.getAllByRole('row')[2]!)).toBe('p2Pommes GalaNo categoryTVA 5,5 %€2.99 per kgDetails');
  });
});
