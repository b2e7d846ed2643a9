import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient, type OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { accessTo } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import CatalogPage from '../CatalogPage';

const GROS = { id: 'pl-gros', name: 'Grossistes', entries: [{ productId: 'p1', price: 290 }] };
const UNKNOWN = {
  error: 'invalid_price_list',
  message: '…',
  problems: [{ field: 'entries', message: '…', code: 'unknown_products', params: { productIds: 'p9', count: '1' } }],
};

/** A hub in memory for the catalog page: one price list; a PUT naming p9 is refused as the hub would. */
function priceListHub() {
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    if (path.startsWith('/products')) return { products: [], next: null };
    if (path === '/categories') return { categories: [], truncated: false };
    if (path === '/vat-rates') return { vatRates: [] };
    if (method === 'GET' && path === '/price-lists') return { priceLists: [{ id: 'pl-gros', name: 'Grossistes', entryCount: 1 }] };
    if (method === 'GET' && path === '/price-lists/pl-gros') return { priceList: GROS, deleted: false, seq: 3 };
    if (method === 'PUT') {
      const list = body as { name: string; entries: { productId: string }[] };
      if (list.entries.some((e) => e.productId === 'p9')) throw new OfficeApiError('invalid_price_list', 422, UNKNOWN);
      return { priceList: { id: decodeURIComponent(path.split('/')[2]!), ...list }, deleted: false, seq: 4 };
    }
    if (method === 'DELETE') return { priceList: GROS, deleted: true, seq: 5 };
    throw new OfficeApiError('not_found', 404);
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof priceListHub>, role: OfficeRole, locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <CatalogPage page="catalog" access={accessTo(role, 'catalog') ?? 'read'} me={userWith(role)} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the price lists of the catalog page', () => {
  it('an administrator creates a list (product ids, prices in euros sent in cents), sees the hub’s refusal in French, and deletes a list once confirmed', async () => {
    const hub = priceListHub();
    open(hub, 'admin');
    const section = await screen.findByRole('region', { name: 'Listes de prix' });
    const table = await within(section).findByRole('table', { name: 'Listes de prix' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['IdentifiantNomProduitsActions', 'pl-grosGrossistes1Modifier Supprimer']);

    await userEvent.click(within(section).getByRole('button', { name: 'Nouvelle liste de prix' }));
    const form = await screen.findByRole('form', { name: 'Nouvelle liste de prix' });
    await userEvent.type(within(form).getByLabelText('Identifiant'), 'pl-asso');
    await userEvent.type(within(form).getByLabelText('Nom'), 'Associations');
    await userEvent.type(within(form).getByLabelText('Identifiant du produit, ligne 1'), 'p1');
    await userEvent.type(within(form).getByLabelText('Prix en euros, ligne 1'), '2,5');
    await userEvent.click(within(form).getByRole('button', { name: 'Ajouter une ligne' }));
    await userEvent.type(within(form).getByLabelText('Identifiant du produit, ligne 2'), 'p9');
    await userEvent.type(within(form).getByLabelText('Prix en euros, ligne 2'), '1,999');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la liste' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Ligne 2 : saisissez un prix en euros avec au plus deux décimales (par ex. 12,50), jusqu’à 1 000 000 €.',
    );
    expect(hub.admin).not.toHaveBeenCalledWith('PUT', expect.anything(), expect.anything());
    const second = within(form).getByLabelText('Prix en euros, ligne 2');
    await userEvent.clear(second);
    await userEvent.type(second, '1');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la liste' }));
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/price-lists/pl-asso', {
      name: 'Associations',
      entries: [
        { productId: 'p1', price: 250 },
        { productId: 'p9', price: 100 },
      ],
    });
    expect((await within(form).findByRole('alert')).textContent).toBe('1 produit(s) absent(s) du catalogue : p9.');
    await userEvent.click(within(form).getByRole('button', { name: 'Retirer la ligne 2' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la liste' }));
    expect(await within(form).findByRole('status')).toHaveProperty(
      'textContent',
      'La liste Associations est enregistrée : les caisses en ligne la reçoivent aussitôt.',
    );
    expect(hub.admin).toHaveBeenLastCalledWith('GET', '/price-lists');

    await userEvent.click(within(table).getByRole('button', { name: 'Supprimer' }));
    expect(hub.admin).not.toHaveBeenCalledWith('DELETE', expect.anything());
    await userEvent.click(within(table).getByRole('button', { name: 'Confirmer' }));
    expect(hub.admin).toHaveBeenCalledWith('DELETE', '/price-lists/pl-gros');
    expect(await within(section).findByText('La liste Grossistes est supprimée.')).toBeTruthy();
    // Deleted meanwhile elsewhere: said as a list's absence, not a product's.
    hub.admin.mockRejectedValueOnce(new OfficeApiError('not_found', 404));
    await userEvent.click(within(table).getByRole('button', { name: 'Supprimer' }));
    await userEvent.click(within(table).getByRole('button', { name: 'Confirmer' }));
    expect((await within(section).findByRole('alert')).textContent).toBe('Cette liste de prix n’existe pas (ou plus).');
  });

  it('an administrator edits a list read from the hub, in English', async () => {
    const hub = priceListHub();
    open(hub, 'admin', 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Grossistes' }));
    const form = await screen.findByRole('form', { name: 'Edit price list pl-gros' });
    const price = within(form).getByLabelText('Price in euros, row 1');
    await waitFor(() => expect((price as HTMLInputElement).value).toBe('2.90'));
    await userEvent.clear(price);
    await userEvent.type(price, '2.75');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the list' }));
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/price-lists/pl-gros', {
      name: 'Grossistes',
      entries: [{ productId: 'p1', price: 275 }],
    });
  });

  it('a store manager reads the lists and their prices without a way to change them', async () => {
    const hub = priceListHub();
    open(hub, 'store-manager');
    const section = await screen.findByRole('region', { name: 'Listes de prix' });
    await userEvent.click(await within(section).findByRole('button', { name: 'Détails de Grossistes' }));
    const form = await screen.findByRole('form', { name: 'Liste de prix pl-gros' });
    await waitFor(() => expect((within(form).getByLabelText('Prix en euros, ligne 1') as HTMLInputElement).value).toBe('2,90'));
    expect((within(form).getByLabelText('Nom') as HTMLInputElement).disabled).toBe(true);
    for (const name of ['Nouvelle liste de prix', 'Supprimer', 'Enregistrer la liste', 'Ajouter une ligne'])
      expect(screen.queryByRole('button', { name })).toBeNull();
  });
});
