import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient, type OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { accessTo } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import CatalogPage from '../CatalogPage';

const FRUITS = {
  id: 'fruits',
  version: 3,
  name: 'Fruits −20 %',
  currency: 'EUR',
  priority: 5,
  stackable: false,
  audience: { kind: 'members' },
  channels: ['store'],
  benefit: { type: 'percent-off', target: { categories: ['fruits'] }, bp: 2000 },
};
const BUNDLE = { ...FRUITS, id: 'lot', version: 1, name: 'Lot', benefit: { type: 'bundle', items: [], price: 500 } };

/** A hub in memory for the catalog page's promotions: two pages of rules; a save of 'late' is refused as stale. */
function promotionHub() {
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    if (path.startsWith('/products')) return { products: [], next: null };
    if (path === '/categories') return { categories: [], truncated: false };
    if (path === '/vat-rates') return { vatRates: [] };
    if (path === '/price-lists') return { priceLists: [] };
    const summary = (p: { id: string; version: number; name: string; benefit: { type: string } }) => ({
      id: p.id,
      version: p.version,
      name: p.name,
      benefitType: p.benefit.type,
    });
    if (method === 'GET' && path === '/promotions') return { promotions: [summary(FRUITS)], next: 'fruits' };
    if (method === 'GET' && path === '/promotions?after=fruits') return { promotions: [summary(BUNDLE)], next: null };
    if (method === 'GET' && path === '/promotions/fruits') return { promotion: FRUITS, deleted: false, seq: 3 };
    if (method === 'GET' && path === '/promotions/lot') return { promotion: BUNDLE, deleted: false, seq: 4 };
    if (method === 'PUT' && path === '/promotions/late')
      throw new OfficeApiError('version_conflict', 409, { error: 'version_conflict', message: '…', currentVersion: 2 });
    if (method === 'PUT') {
      const { expectedVersion, ...rule } = body as { expectedVersion: number };
      return { promotion: { ...rule, id: path.split('/')[2], version: expectedVersion + 1 }, deleted: false, seq: 9 };
    }
    if (method === 'DELETE') return { promotion: FRUITS, deleted: true, seq: 10 };
    throw new OfficeApiError('not_found', 404);
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof promotionHub>, role: OfficeRole, locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <CatalogPage page="catalog" access={accessTo(role, 'catalog') ?? 'read'} me={userWith(role)} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the promotions of the catalog page', () => {
  it('an administrator creates a percent-off rule on products for the web shop, checked here, sent as the hub takes it', async () => {
    const hub = promotionHub();
    open(hub, 'admin');
    const section = await screen.findByRole('region', { name: 'Promotions' });
    await within(section).findByRole('table', { name: 'Promotions' });
    await userEvent.click(within(section).getByRole('button', { name: 'Nouvelle promotion' }));
    const form = await screen.findByRole('form', { name: 'Nouvelle promotion' });
    await userEvent.type(within(form).getByLabelText('Identifiant'), 'ete');
    await userEvent.type(within(form).getByLabelText('Nom'), 'Été');
    await userEvent.type(within(form).getByLabelText('Remise en %'), '150');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la promotion' }));
    expect(within(form).getByRole('alert').textContent).toBe(
      'Saisissez une remise : un pourcentage de 0,01 à 100, ou un montant en euros avec au plus deux décimales.',
    );
    await userEvent.clear(within(form).getByLabelText('Remise en %'));
    await userEvent.type(within(form).getByLabelText('Remise en %'), '12,5');
    await userEvent.click(within(form).getByLabelText('Des produits'));
    await userEvent.type(within(form).getByLabelText('Identifiants des produits (séparés par des virgules)'), 'p1, p2');
    await userEvent.type(within(form).getByLabelText('Magasins (identifiants séparés par des virgules ; vide : tous)'), 'S1');
    await userEvent.click(within(form).getByLabelText('Caisse'));
    await userEvent.click(within(form).getByLabelText('Borne'));
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer la promotion' }));
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/promotions/ete', {
      name: 'Été',
      currency: 'EUR',
      priority: 0,
      stackable: false,
      audience: { kind: 'everyone' },
      benefit: { type: 'percent-off', target: { productIds: ['p1', 'p2'] }, bp: 1250 },
      stores: ['S1'],
      channels: ['web'],
      expectedVersion: 0,
    });
    expect((await within(form).findByRole('status')).textContent).toBe(
      'La promotion Été est enregistrée en version 1 : les caisses en ligne la reçoivent aussitôt.',
    );
  });

  it('an administrator saves the next version of a rule read from the hub, in English, keeping what the editor does not show', async () => {
    const hub = promotionHub();
    open(hub, 'admin', 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Fruits −20 %' }));
    const form = await screen.findByRole('form', { name: 'Edit promotion fruits' });
    const value = within(form).getByLabelText('Discount in %');
    await waitFor(() => expect((value as HTMLInputElement).value).toBe('20'));
    expect((within(form).getByLabelText('Category') as HTMLInputElement).value).toBe('fruits');
    await userEvent.clear(value);
    await userEvent.type(value, '25');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the promotion' }));
    const { id: _id, version: _version, ...stored } = FRUITS;
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/promotions/fruits', {
      ...stored,
      benefit: { ...FRUITS.benefit, bp: 2500 },
      expectedVersion: 3,
    });
    expect((await within(form).findByRole('status')).textContent).toContain('saved as version 4');
  });

  it('pages through the list, shows another kind of rule read-only, says a stale save, and deletes once confirmed', async () => {
    const hub = promotionHub();
    open(hub, 'admin', 'en');
    const section = await screen.findByRole('region', { name: 'Promotions' });
    await userEvent.click(await within(section).findByRole('button', { name: 'Next promotions' }));
    const table = within(section).getByRole('table', { name: 'Promotions' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(section).queryByRole('button', { name: 'Next promotions' })).toBeNull();
    await userEvent.click(within(table).getByRole('button', { name: 'Edit Lot' }));
    const lot = await screen.findByRole('form', { name: 'Edit promotion lot' });
    expect(await within(lot).findByText('This rule (Bundle price) is changed through the API; it is shown here as it is.')).toBeTruthy();
    expect(within(lot).queryByRole('button', { name: 'Save the promotion' })).toBeNull();
    await userEvent.click(within(lot).getByRole('button', { name: 'Close' }));

    await userEvent.click(within(section).getByRole('button', { name: 'New promotion' }));
    const form = await screen.findByRole('form', { name: 'New promotion' });
    await userEvent.type(within(form).getByLabelText('Id'), 'late');
    await userEvent.type(within(form).getByLabelText('Name'), 'Late');
    await userEvent.type(within(form).getByLabelText('Discount in %'), '5');
    await userEvent.type(within(form).getByLabelText('Category'), 'x');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the promotion' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Someone saved this promotion since you opened it: open it again to start from its latest version.',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Close' }));

    await userEvent.click(within(table).getAllByRole('button', { name: 'Delete' })[0]!);
    await userEvent.click(within(table).getByRole('button', { name: 'Confirm' }));
    expect(hub.admin).toHaveBeenCalledWith('DELETE', '/promotions/fruits');
    expect(await within(section).findByText('The promotion Fruits −20 % is deleted.')).toBeTruthy();
  });

  it('a store manager reads the rules without changing them', async () => {
    const hub = promotionHub();
    open(hub, 'store-manager');
    await userEvent.click(await screen.findByRole('button', { name: 'Détails de Fruits −20 %' }));
    const form = await screen.findByRole('form', { name: 'Promotion fruits' });
    await waitFor(() => expect((within(form).getByLabelText('Nom') as HTMLInputElement).value).toBe('Fruits −20 %'));
    expect((within(form).getByLabelText('Nom') as HTMLInputElement).disabled).toBe(true);
    expect(within(form).queryByRole('button', { name: 'Enregistrer la promotion' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nouvelle promotion' })).toBeNull();
  });
});
