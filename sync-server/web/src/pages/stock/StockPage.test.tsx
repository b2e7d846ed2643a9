import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OFFICE_ROLES, ROLE_ACTIONS } from '@pos/core';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient, type OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { accessTo } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import StockPage from '../StockPage';

const at = '2026-12-06T09:30:00.000Z';
const level = (productId: string, name: string, value: number) => ({
  productId,
  sku: productId.toUpperCase(),
  name,
  level: value,
  updatedAt: at,
});
const movement = (movementId: string, kind: string, quantityDelta: number, sourceCollection = 'admin') => ({
  movementId,
  productId: 'prd-1',
  name: 'Pâté',
  kind,
  quantityDelta,
  sourceCollection,
  sourceId: movementId,
  createdAt: at,
});

const product = (id: string, name: string, barcodes: string[] = []) => ({
  id,
  sku: id.toUpperCase(),
  name,
  barcodes,
  words: [],
  price: 250,
  currency: 'EUR',
  vatRateId: 'B',
  measure: 'unit' as const,
  category: 'Épicerie',
});
const PATE = product('prd-1', 'Pâté', ['3017620422003']);
const CROUTE = product('prd-4', 'Pâté en croûte');
/** The catalog's search as the hub answers it: name words by prefix, or an exact id or barcode. */
const searchCatalog = (q: string) =>
  [PATE, CROUTE].filter((p) => p.id === q || p.barcodes.includes(q) || p.name.toLowerCase().startsWith(q.toLowerCase()));

/** A hub in memory for the stock routes: two pages of levels and of movements; refuses what `refuse` names with its code. */
function stockHub(refuse: Record<string, string> = {}) {
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    const code = refuse[`${method} ${path.split('?')[0]}`];
    if (code) throw new OfficeApiError(code, 409, { error: code, problems: [{ field: 'lines[0].productId', message: 'x' }] });
    const [route, query = ''] = path.split('?');
    const params = new URLSearchParams(query);
    if (route === '/stores')
      return {
        stores: [
          { storeId: 'S1', name: 'Lyon' },
          { storeId: 'S2', name: 'Paris' },
        ],
      };
    if (route === '/stores/S1/stock/exceptions')
      return { exceptions: [{ storeId: 'S1', productId: 'prd-2', level: -2, updatedAt: at, sku: 'PRD-2', name: 'Biscuits' }] };
    if (route === '/stores/S1/stock') {
      if (params.get('negative') === 'true') return { rows: [level('prd-2', 'Biscuits', -2)], next: null };
      return params.get('cursor') === 'c2'
        ? { rows: [level('prd-3', 'Comté', 3000)], next: null }
        : { rows: [level('prd-1', 'Pâté', 12), level('prd-2', 'Biscuits', -2)], next: 'c2' };
    }
    if (route === '/stores/S1/stock/movements')
      return params.get('cursor') === 'm2'
        ? { rows: [movement('DEL-1', 'receipt', 12)], next: null }
        : { rows: [movement('sale-1:l1', 'sale', -1, 'sales')], next: 'm2' };
    if (route === '/products') return { products: searchCatalog(params.get('q') ?? ''), next: null };
    if (route === '/stores/S1/stock-movements') {
      const [moved] = (body as { movements: { productId: string }[] }).movements;
      return { recorded: 1, alreadyRecorded: 0, levels: [{ productId: moved?.productId, level: 20 }] };
    }
    if (route === '/stock-transfers') return { id: 'x', applied: true, createdAt: at, levels: { from: [], to: [] } };
    throw new OfficeApiError('not_found', 404);
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof stockHub>, role: OfficeRole = 'store-manager', locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <StockPage page="stock" access={accessTo(role, 'stock') ?? 'read'} me={userWith(role, { stores: ['S1'] })} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the stock page', () => {
  it('shows the negative stock, the levels page by page, searched, and the movements with their filters', async () => {
    const hub = stockHub();
    open(hub);
    const exceptions = await screen.findByRole('table', { name: '1 produit vendu au-delà du stock enregistré' });
    expect(within(exceptions).getByRole('rowheader').textContent).toBe('Biscuits (prd-2)');
    const levels = await screen.findByRole('table', { name: /^Stock du magasin S1 par produit/ });
    expect(
      within(levels)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Pâté (prd-1)', 'Biscuits (prd-2)']);
    const levelsPanel = screen.getByRole('region', { name: 'Niveaux de stock' });
    await userEvent.click(within(levelsPanel).getByRole('button', { name: 'Afficher la suite' }));
    await waitFor(() => expect(within(levels).getAllByRole('rowheader')).toHaveLength(3));
    expect(within(levels).getByText(/^3\s000$/)).toBeTruthy();
    await userEvent.type(within(levelsPanel).getByLabelText('Produit, référence, code-barres ou nom'), 'pate');
    await userEvent.click(within(levelsPanel).getByRole('button', { name: 'Rechercher' }));
    expect(hub.admin).toHaveBeenCalledWith('GET', '/stores/S1/stock?q=pate&limit=50');
    await userEvent.click(within(levelsPanel).getByLabelText('Stocks négatifs seulement'));
    expect(hub.admin).toHaveBeenCalledWith('GET', '/stores/S1/stock?q=pate&negative=true&limit=50');

    const movementsPanel = screen.getByRole('region', { name: 'Mouvements de stock' });
    const movements = await within(movementsPanel).findByRole('table', { name: 'Mouvements du magasin S1, les plus récents d’abord' });
    expect(within(movements).getByText('Ticket sale-1:l1')).toBeTruthy();
    expect(within(movements).getByText(/^[-−]1$/)).toBeTruthy();
    await userEvent.click(within(movementsPanel).getByRole('button', { name: 'Afficher la suite' }));
    expect(await within(movements).findByText('Siège : DEL-1')).toBeTruthy();
    await userEvent.type(within(movementsPanel).getByLabelText('Identifiant du produit'), 'prd-1');
    await userEvent.selectOptions(within(movementsPanel).getByLabelText('Type de mouvement'), 'receipt');
    await userEvent.click(within(movementsPanel).getByRole('button', { name: 'Filtrer' }));
    expect(hub.admin).toHaveBeenCalledWith('GET', '/stores/S1/stock/movements?productId=prd-1&kind=receipt&limit=50');
    expect(within(movementsPanel).getByRole('button', { name: /CSV/ })).toBeTruthy();
  });

  it('records goods received and a count (the quantity on the shelf), the product picked by name or scanned, each with its own id', async () => {
    const hub = stockHub();
    open(hub);
    const receipt = screen.getByRole('form', { name: 'Réception de marchandises' });
    const field = within(receipt).getByRole('combobox', { name: 'Produit (nom, code-barres ou identifiant)' });
    await userEvent.type(field, 'pâ');
    const list = await within(receipt).findByRole('listbox', { name: 'Produits trouvés pour : Produit (nom, code-barres ou identifiant)' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Pâté prd-1 · 3017620422003', 'Pâté en croûte prd-4']);
    expect(within(receipt).getByText('2 produits trouvés : flèches pour choisir, Entrée pour valider.').getAttribute('role')).toBe(
      'status',
    );
    // The arrows move through the matches (announced as the active option); Enter chooses, it does not send the form.
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(field.getAttribute('aria-activedescendant')).toBe(within(list).getByRole('option', { name: /croûte/ }).id);
    await userEvent.keyboard('{Enter}');
    expect((field as HTMLInputElement).value).toBe('prd-4');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe('Pâté en croûte');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    await userEvent.type(within(receipt).getByLabelText('Quantité reçue'), '0');
    await userEvent.click(within(receipt).getByRole('button', { name: 'Enregistrer la réception' }));
    expect(within(receipt).getByRole('alert').textContent).toMatch(/^La quantité reçue est un nombre entier de 1 à/);
    await userEvent.clear(within(receipt).getByLabelText('Quantité reçue'));
    await userEvent.type(within(receipt).getByLabelText('Quantité reçue'), '8');
    await userEvent.click(within(receipt).getByRole('button', { name: 'Enregistrer la réception' }));
    expect(await within(receipt).findByText('Réception enregistrée : stock de Pâté en croûte (prd-4) à 20.')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('POST', '/stores/S1/stock-movements', {
      movements: [{ movementId: expect.stringMatching(/^receipt-/), productId: 'prd-4', kind: 'receipt', quantity: 8 }],
    });
    expect((field as HTMLInputElement).value).toBe('');

    // A scanned barcode matching one product chooses it at once; its id is what is sent.
    const count = screen.getByRole('form', { name: 'Inventaire d’un produit' });
    const counted = within(count).getByLabelText('Produit (nom, code-barres ou identifiant)');
    await userEvent.click(counted);
    await userEvent.paste('3017620422003');
    await waitFor(() => expect(document.getElementById(counted.getAttribute('aria-describedby')!)?.textContent).toBe('Pâté'));
    expect(hub.admin).toHaveBeenCalledWith('GET', '/products?q=3017620422003&limit=8');
    await userEvent.type(within(count).getByLabelText('Quantité comptée'), '20');
    await userEvent.click(within(count).getByRole('button', { name: 'Enregistrer le comptage' }));
    await within(count).findByText('Comptage enregistré : stock de Pâté (prd-1) à 20.');
    expect(hub.admin).toHaveBeenCalledWith('POST', '/stores/S1/stock-movements', {
      movements: [{ movementId: expect.stringMatching(/^count-/), productId: 'prd-1', kind: 'count_adjustment', counted: 20 }],
    });
  });

  it('takes a typed product id when the catalog cannot be searched', async () => {
    const hub = stockHub({ 'GET /products': 'forbidden' });
    open(hub);
    const receipt = screen.getByRole('form', { name: 'Réception de marchandises' });
    const field = within(receipt).getByLabelText('Produit (nom, code-barres ou identifiant)');
    await userEvent.type(field, 'prd-9');
    expect(await within(receipt).findByText('Recherche de produits indisponible : saisissez l’identifiant du produit.')).toBeTruthy();
    expect(within(receipt).queryByRole('combobox')).toBeNull();
    await userEvent.type(within(receipt).getByLabelText('Quantité reçue'), '2');
    await userEvent.click(within(receipt).getByRole('button', { name: 'Enregistrer la réception' }));
    await waitFor(() =>
      expect(hub.admin).toHaveBeenCalledWith('POST', '/stores/S1/stock-movements', {
        movements: [{ movementId: expect.stringMatching(/^receipt-/), productId: 'prd-9', kind: 'receipt', quantity: 2 }],
      }),
    );
  });

  it('lets every role that moves stock search the catalog (the pickers need catalog.read)', () => {
    const moving = OFFICE_ROLES.filter((role) => ROLE_ACTIONS[role].includes('store.stock'));
    expect(moving).toContain('store-manager');
    expect(moving.filter((role) => !ROLE_ACTIONS[role].includes('catalog.read'))).toEqual([]);
  });

  it('sends a transfer once per submission, products picked per line, and says a refusal from its code, in English', async () => {
    const hub = stockHub({ 'POST /stock-transfers': 'transfer_conflict' });
    open(hub, 'regional', 'en');
    const form = screen.getByRole('form', { name: 'Transfer to another store' });
    await userEvent.click(within(form).getByRole('button', { name: 'Transfer' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose the receiving store.');
    const to = within(form).getByLabelText('Receiving store');
    await waitFor(() => expect(within(to).getAllByRole('option')).toHaveLength(2));
    await userEvent.selectOptions(to, 'S2');
    await userEvent.type(within(form).getByLabelText('Product of line 1'), 'pâté');
    const list = await within(form).findByRole('listbox', { name: 'Products found for: Product of line 1' });
    await userEvent.click(within(list).getByRole('option', { name: /^Pâté prd-1/ }));
    expect((within(form).getByLabelText('Product of line 1') as HTMLInputElement).value).toBe('prd-1');
    await userEvent.type(within(form).getByLabelText('Quantity of line 1'), '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Add a line' }));
    await userEvent.type(within(form).getByLabelText('Product of line 2'), 'prd-1');
    await waitFor(() => expect(within(form).getAllByText('Pâté')).toHaveLength(2));
    await userEvent.type(within(form).getByLabelText('Quantity of line 2'), '1');
    await userEvent.click(within(form).getByRole('button', { name: 'Transfer' }));
    expect(within(form).getByRole('alert').textContent).toBe('The same product is on two lines: put them together.');
    await userEvent.click(within(form).getByRole('button', { name: 'Remove line 2' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Transfer' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('There is no product prd-1 in the catalog.');
    expect(hub.admin).toHaveBeenCalledWith('POST', '/stock-transfers', {
      id: expect.stringMatching(/^transfer-/),
      from: 'S1',
      to: 'S2',
      lines: [{ productId: 'prd-1', quantity: 5 }],
    });
  });

  it('shows the stock without its forms to an accountant', async () => {
    open(stockHub(), 'accountant');
    expect(await screen.findByText('Votre rôle permet de consulter le stock, pas d’enregistrer des mouvements.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Réception de marchandises' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Transfert vers un autre magasin' })).toBeNull();
  });

  it('tells a store manager of one store that a transfer needs another store of theirs', async () => {
    const hub = stockHub();
    hub.admin.mockImplementation(async (_method, path) =>
      path === '/stores' ? { stores: [{ storeId: 'S1', name: 'Lyon' }] } : { rows: [], next: null, exceptions: [] },
    );
    open(hub);
    const form = screen.getByRole('form', { name: 'Transfert vers un autre magasin' });
    expect(await within(form).findByText(/^Vous ne couvrez aucun autre magasin/)).toBeTruthy();
  });
});
