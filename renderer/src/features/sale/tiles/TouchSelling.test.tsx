import { demoProduct, demoProducts, type QuickKey } from '@pos/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkHostState } from '../../../app/host-state-link';
import { useCartStore } from '../../../state/cart-store';
import { euros, plain } from '../../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../../test-support/till-harness';
import { afterPendingScans } from '../sell';
import { CATEGORY_PAGE_SIZE } from './CategoryProducts';

const croissant = demoProduct(93);
const tinyPng = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const apples = demoProduct(0);
// The harness's catalog (the demo catalog's first 400 products), in catalog order (by id).
const bakery = demoProducts(0, 400, 400)
  .filter((p) => p.category === 'Boulangerie')
  .sort((a, b) => (a.id < b.id ? -1 : 1))
  .map((p) => p.name);

let till: Till;
// As boot does: the host's store.profile events reach the renderer's state.
const unlinks: (() => void)[] = [];
const user: UserEvent = userEvent.setup();
beforeEach(async () => {
  till = await startTill();
  unlinks.push(linkHostState(till.bridge));
});
afterEach(async () => {
  for (const unlink of unlinks.splice(0)) unlink();
  await stopTill();
});

const home = () => screen.findByRole('list', { name: 'Touches rapides' });
/** What each tile says first: a screen reader's "Ajouter" then the label (the price and stock follow). */
const tileNames = (list: HTMLElement) =>
  within(list)
    .getAllByRole('button')
    .map((b) => plain(b.querySelector('.tile-label')?.textContent));
/** A tile's accessible name starts with what it says: its full name also holds the price shown. */
const named = (start: string) => new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
const lines = () => useCartStore.getState().cart.lines;
/** A favourite's tile once its product is found in the catalog (until then it is shown, disabled). */
async function favourite(name: string): Promise<HTMLElement> {
  const tiles = await home();
  return waitFor(() => {
    const tile = within(tiles).getByRole('button', { name: named(name) });
    expect(tile.hasAttribute('disabled')).toBe(false);
    return tile;
  });
}

describe('the store’s tiles on the sale screen', () => {
  it('fill the side pane while nothing is searched, in the order head office set them, with prices', async () => {
    renderTill();
    await favourite('Ajouter Croissants');
    const tiles = await home();
    expect(tileNames(tiles)).toEqual([
      'Boulangerie',
      'Fruits et légumes',
      'Fromages',
      'Boucherie',
      'À emporter',
      'Presse',
      'Ajouter Baguette',
      'Ajouter Croissants',
      'Ajouter Pain au chocolat',
      'Ajouter Pommes Gala (kg)',
      'Ajouter Tomates grappe (kg)',
      'Ajouter Clémentines (kg)',
      'Ajouter Café',
      'Ajouter Quotidien',
    ]);
    expect(plain(within(tiles).getByRole('button', { name: named('Ajouter Croissants') }).textContent)).toBe(
      `Ajouter Croissants ${euros(croissant.price)}`,
    );
    expect(plain(within(tiles).getByRole('button', { name: named('Ajouter Pommes Gala (kg)') }).textContent)).toContain(
      `${euros(apples.price)}/kg`,
    );
    // The store's colour, with an ink that reads on it.
    expect(within(tiles).getByRole('button', { name: 'Boucherie' }).style.color).toMatch(/^(#ffffff|rgb\(255, 255, 255\))$/);
  });

  it('a favourite sells with one tap at the store’s price, and a tap then paying at once pays for it', async () => {
    await till.db.catalog.priceLists.put({ listId: 'PL-S1', productId: croissant.id, price: 99 });
    renderTill();
    act(() => till.emit('store.profile', { ...till.profile, priceListId: 'PL-S1' }));
    const tile = await favourite('Ajouter Croissants');
    fireEvent.click(tile);
    fireEvent.click(tile);
    // What paying waits for: both taps are in the cart once it resolves, not a moment later.
    await afterPendingScans();
    expect(lines().map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([[croissant.id, 2, 99]]);
  });

  it('a weighed favourite asks its weight, as a scale label without weight does', async () => {
    renderTill();
    await user.click(await favourite('Ajouter Pommes Gala (kg)'));
    const dialog = await screen.findByRole('dialog', { name: `Poids pour ${apples.name} (kg ou g)` });
    const field = within(dialog).getByLabelText<HTMLInputElement>('Poids');
    await user.clear(field);
    await user.type(field, '0,750');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(lines()).toMatchObject([{ productId: apples.id, measure: 'weight', quantity: 750 }]));
  });

  it('a category opens its products as tiles, a page at a time, and the way back', async () => {
    renderTill();
    await user.click(within(await home()).getByRole('button', { name: 'Boulangerie' }));
    const list = await screen.findByRole('list', { name: 'Produits : Boulangerie' });
    await waitFor(() => expect(tileNames(list)).toEqual(bakery.slice(0, CATEGORY_PAGE_SIZE).map((n) => `Ajouter ${n}`)));
    expect(screen.getByRole('button', { name: 'Page précédente' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Page suivante' }));
    await waitFor(() =>
      expect(tileNames(screen.getByRole('list', { name: 'Produits : Boulangerie' }))).toEqual(
        bakery.slice(CATEGORY_PAGE_SIZE, 2 * CATEGORY_PAGE_SIZE).map((n) => `Ajouter ${n}`),
      ),
    );
    expect(screen.getByText('Page 2')).toBeTruthy();
    const first = bakery[CATEGORY_PAGE_SIZE]!;
    await user.click(screen.getByRole('button', { name: named(`Ajouter ${first}`) }));
    await waitFor(() => expect(lines().map((l) => l.name)).toEqual([first]));
    // Still in the category: a second bread is one tap away.
    expect(screen.getByRole('list', { name: 'Produits : Boulangerie' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '‹ Retour' }));
    expect(await home()).toBeTruthy();
  });

  it('search results are tiles with name, reference, price and stock; a tap sells and brings the store’s tiles back', async () => {
    await till.db.catalog.stock.put({ productId: croissant.id, level: 7, updatedAt: new Date().toISOString() });
    renderTill();
    await user.type(screen.getByLabelText('Rechercher ou scanner'), 'croissant');
    const results = await screen.findByRole('list', { name: 'Résultats de recherche' });
    const tile = await within(results).findByRole('button', { name: named(`Ajouter ${croissant.name}`) });
    await waitFor(() =>
      expect(plain(tile.textContent)).toBe(`Ajouter ${croissant.name} ${croissant.sku} · stock 7 ${euros(croissant.price)}`),
    );
    await user.click(tile);
    await waitFor(() => expect(lines().map((l) => l.productId)).toEqual([croissant.id]));
    expect(screen.getByLabelText<HTMLInputElement>('Rechercher ou scanner').value).toBe('');
    expect(await home()).toBeTruthy();
  });

  it('change the moment the hub’s new settings reach the till; a tile the catalog lacks is shown unavailable', async () => {
    renderTill();
    await home();
    const quickKeys: QuickKey[] = [
      { kind: 'product', barcode: croissant.barcodes[0]!, label: 'Viennoiserie', colour: '#ffcc00' },
      { kind: 'product', productId: 'prd-absent', label: 'Fougasse' },
      { kind: 'category', category: 'Presse', label: 'Journaux', image: tinyPng },
    ];
    act(() => till.emit('store.profile', { ...till.profile, quickKeys }));
    const tiles = await home();
    await waitFor(() => expect(tileNames(tiles)).toEqual(['Ajouter Viennoiserie', 'Fougasse', 'Journaux']));
    // The picture is decoration: the tile's name is its label.
    expect(within(tiles).getByRole('button', { name: 'Journaux' }).querySelector('img')).toMatchObject({ src: tinyPng, alt: '' });
    expect(within(tiles).getByRole('button', { name: 'Fougasse Indisponible' })).toHaveProperty('disabled', true);
    await favourite('Ajouter Viennoiserie');
    act(() => till.emit('store.profile', { ...till.profile, quickKeys: [] }));
    expect(await screen.findByText('Aucune touche rapide pour ce magasin : le siège les définit.')).toBeTruthy();
  });
});
