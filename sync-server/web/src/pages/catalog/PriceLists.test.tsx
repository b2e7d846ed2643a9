import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient, type OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { accessTo } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import CatalogPage from '../CatalogPage';

const GROS = { id: 'pl-gros', name: 'Grossistes', entries: [{ productId: 'p1', price: 290 }] };
/** A big list: row n is product p0000n at n + 99 cents. */
const BIG = {
  id: 'pl-big',
  name: 'Gros volumes',
  entries: Array.from({ length: 5000 }, (_, i) => ({ productId: `p${String(i + 1).padStart(5, '0')}`, price: 100 + i })),
};
const UNKNOWN = {
  error: 'invalid_price_list',
  message: '…',
  problems: [{ field: 'entries', message: '…', code: 'unknown_products', params: { productIds: 'p9', count: '1' } }],
};

/** A hub in memory for the catalog page: one price list (and `more`); a PUT naming p9 is refused as the hub would. */
function priceListHub(more: readonly (typeof GROS)[] = []) {
  const lists = [GROS, ...more];
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    if (path.startsWith('/products')) return { products: [], next: null };
    if (path === '/categories') return { categories: [], truncated: false };
    if (path === '/vat-rates') return { vatRates: [] };
    if (method === 'GET' && path === '/price-lists')
      return { priceLists: lists.map((l) => ({ id: l.id, name: l.name, entryCount: l.entries.length })) };
    const read = lists.find((l) => method === 'GET' && path === `/price-lists/${l.id}`);
    if (read) return { priceList: read, deleted: false, seq: 3 };
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
    expect((await within(form).findByRole('alert')).textContent).toBe(
      '1 produit(s) absent(s) du catalogue : p9. Première ligne concernée : 2 (page 1).',
    );
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

  // Five pages of a hundred rows mounted: a few seconds on a busy machine, never near the timeout.
  it(
    'shows a 5,000-row list a page at a time, filters it by product id, and shows a bad row on page 3 where it is',
    { timeout: 30_000 },
    async () => {
      const hub = priceListHub([BIG]);
      open(hub, 'admin');
      await userEvent.click(await screen.findByRole('button', { name: 'Modifier Gros volumes' }));
      const form = await screen.findByRole('form', { name: 'Modifier la liste de prix pl-big' });
      await waitFor(() => expect(within(form).getByLabelText('Prix en euros, ligne 1')).toHaveProperty('value', '1,00'));
      const pages = within(form).getByRole('navigation', { name: 'Pages de la liste' });
      const status = () => pages.querySelector('[aria-live="polite"]')?.textContent;
      const rowInputs = () => form.querySelectorAll('input[data-row]');
      expect(rowInputs()).toHaveLength(200);
      expect(status()).toMatch(/^Page 1 sur 50, 5\s000 ligne\(s\)$/);
      expect(within(pages).getByRole('button', { name: 'Page précédente' }).getAttribute('aria-disabled')).toBe('true');

      const next = within(pages).getByRole('button', { name: 'Page suivante' });
      await userEvent.click(next);
      await userEvent.click(next);
      expect(status()).toMatch(/^Page 3 sur 50/);
      expect(within(form).queryByLabelText('Identifiant du produit, ligne 200')).toBeNull();
      expect(within(form).getByLabelText('Identifiant du produit, ligne 201')).toHaveProperty('value', 'p00201');
      expect(rowInputs()).toHaveLength(200);
      const bad = within(form).getByLabelText('Prix en euros, ligne 250');
      await userEvent.clear(bad);
      await userEvent.type(bad, '1,999');

      // The filter narrows the rows (numbered in the whole list) from page 1; a row being changed stays.
      const filter = within(form).getByRole('searchbox', { name: 'Filtrer par identifiant de produit' });
      await userEvent.click(filter);
      await userEvent.paste('P0432');
      expect(status()).toBe('Page 1 sur 1, 10 ligne(s) correspondant au filtre');
      expect(rowInputs()).toHaveLength(20);
      const product = within(form).getByLabelText('Identifiant du produit, ligne 4321');
      await userEvent.clear(product);
      await userEvent.type(product, 'p9');
      expect(within(form).getByLabelText('Identifiant du produit, ligne 4321')).toHaveProperty('value', 'p9');
      await userEvent.type(filter, 'x{enter}');
      expect(status()).toBe('Aucune ligne ne correspond au filtre.');

      // Checked whole before sending: said with its row number, the filter gone, its page shown, its input focused.
      await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la liste' }));
      expect(within(form).getByRole('alert').textContent).toBe(
        'Ligne 250 : saisissez un prix en euros avec au plus deux décimales (par ex. 12,50), jusqu’à 1 000 000 €.',
      );
      expect(filter).toHaveProperty('value', '');
      expect(status()).toMatch(/^Page 3 sur 50/);
      const shown = within(form).getByLabelText('Prix en euros, ligne 250');
      expect(shown.getAttribute('aria-invalid')).toBe('true');
      await waitFor(() => expect(document.activeElement).toBe(shown));
      expect(hub.admin).not.toHaveBeenCalledWith('PUT', expect.anything(), expect.anything());
      await userEvent.clear(shown);
      await userEvent.type(shown, '2');

      // Saved whole; the hub's refusal of a product shows that product's row.
      await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la liste' }));
      expect((await within(form).findByRole('alert')).textContent).toBe(
        '1 produit(s) absent(s) du catalogue : p9. Première ligne concernée : 4321 (page 44).',
      );
      const sent = hub.admin.mock.calls.find((call) => call[0] === 'PUT')?.[2] as { entries: { productId: string; price: number }[] };
      expect(sent.entries).toHaveLength(5000);
      expect(sent.entries[249]).toEqual({ productId: 'p00250', price: 200 });
      expect(sent.entries[4320]).toEqual({ productId: 'p9', price: 4420 });
      expect(status()).toMatch(/^Page 44 sur 50/);
      await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('Identifiant du produit, ligne 4321')));
    },
  );

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
