// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { demoProduct, PosError, type SalePayload, type SealRequest } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { paymentRegion } from '../../test-support/screen-queries';
import { renderTill } from '../../test-support/till-harness';
import { tillPerTest } from '../../test-support/till-per-test';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);

const session = tillPerTest();

const openDialog = async () => {
  await session.user.click(screen.getByRole('button', { name: /^Client/ }));
  return screen.findByRole('dialog', { name: 'Client de la vente' });
};

describe('the customer of the sale', () => {
  it('is found among the chain’s after the first item, shown, and sealed by id only', async () => {
    const { till, user } = session;
    till.handle('customers.search', (request: { query: string }) => ({
      customers:
        request.query === 'Durand'
          ? [
              { id: 'cust-1', lastName: 'Durand', firstName: 'Marie', postalCode: '69003', phoneEnd: '5678' },
              { id: 'cust-2', lastName: 'Durand', firstName: 'Paul', cardEnd: '0042' },
            ]
          : [],
    }));
    renderTill();
    await act(() => sellCode(oignons.barcodes[0]!));
    let dialog = await openDialog();
    await user.type(within(dialog).getByLabelText('Téléphone, e-mail, numéro de carte ou nom'), 'Durand');
    await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
    expect(await within(dialog).findByText('69003 · tél. …5678')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: /Durand Paul/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(screen.getByText('Client : Durand Paul')).toBeTruthy();

    // Changed for another, then paid: the sale holds the id, never the name.
    dialog = await openDialog();
    expect(within(dialog).getByText(/Client : Durand Paul/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Téléphone, e-mail, numéro de carte ou nom'), 'Durand');
    await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
    await user.click(await within(dialog).findByRole('radio', { name: /Durand Marie/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const [sale] = (till.callsOf('fiscal.seal') as SealRequest[]).map((r) => r.payload as SalePayload);
    expect(sale!.customerId).toBe('cust-1');
    expect(JSON.stringify(sale)).not.toContain('Durand');
  });

  it('offline, says the chain cannot be searched, and creates the customer the host will send', async () => {
    const { till, user } = session;
    till.handle('customers.search', () => {
      throw new PosError('HUB_UNREACHABLE', 'offline');
    });
    const created: unknown[] = [];
    till.handle('customers.create', (request: { id: string }) => {
      created.push(request);
      return { state: 'queued', id: request.id, waiting: 1 };
    });
    renderTill();
    const dialog = await openDialog();
    await user.type(within(dialog).getByLabelText('Téléphone, e-mail, numéro de carte ou nom'), 'Martin');
    await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('Hors ligne');
    await user.click(within(dialog).getByRole('button', { name: 'Nouveau client' }));
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Saisissez le nom du client.');
    await user.type(within(dialog).getByLabelText('Nom'), 'Martin');
    await user.type(within(dialog).getByLabelText('Téléphone'), '06 12 34 56 78');
    await user.click(within(dialog).getByLabelText('Accepte les offres par SMS'));
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(created).toEqual([
      {
        id: expect.any(String),
        customer: { lastName: 'Martin', phone: '06 12 34 56 78', consents: { sms: { given: true, at: expect.any(String) } } },
      },
    ]);
    expect(useCartStore.getState().cart.customer).toEqual({ id: (created[0] as { id: string }).id, label: 'Martin' });
    expect(screen.getByText('Client : Martin')).toBeTruthy();
  });

  it('offline, finds the customer among this store’s, saying so, and attaches her with her first name', async () => {
    const { till, user } = session;
    till.handle('customers.search', (request: { query: string }) => ({
      customers: request.query === 'Durand' ? [{ id: 'cust-1', lastName: 'Durand', firstName: 'Marie', phoneEnd: '5678' }] : [],
      source: 'local',
    }));
    renderTill();
    const dialog = await openDialog();
    const search = within(dialog).getByLabelText('Téléphone, e-mail, numéro de carte ou nom');
    await user.type(search, 'Dupont');
    await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
    expect((await within(dialog).findByRole('status')).textContent).toBe(
      'Hors ligne — clients de ce magasin : aucun ne correspond. Créez le client, ou réessayez une fois le réseau revenu.',
    );
    await user.clear(search);
    await user.type(search, 'Durand');
    await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
    expect(await within(dialog).findByRole('radio', { name: /Durand Marie/ })).toBeTruthy();
    expect(within(dialog).getByRole('status').textContent).toBe('Hors ligne — clients de ce magasin');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(useCartStore.getState().cart.customer).toEqual({ id: 'cust-1', label: 'Durand Marie', firstName: 'Marie' });
  });

  it('reads the member’s points once attached, for the customer display; offline, attaches her without them', async () => {
    const { till, user } = session;
    till.handle('customers.search', () => ({ customers: [{ id: 'cust-1', lastName: 'Durand', firstName: 'Marie' }], source: 'hub' }));
    till.handle('customers.points', (request: { customerId: string }) => (request.customerId === 'cust-1' ? { available: 1250 } : null));
    renderTill();
    const attach = async () => {
      const dialog = await openDialog();
      await user.type(within(dialog).getByLabelText('Téléphone, e-mail, numéro de carte ou nom'), 'Durand');
      await user.click(within(dialog).getByRole('button', { name: 'Rechercher' }));
      await within(dialog).findByRole('radio', { name: /Durand Marie/ });
      await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    };
    await attach();
    await waitFor(() =>
      expect(useCartStore.getState().cart.customer).toEqual({ id: 'cust-1', label: 'Durand Marie', firstName: 'Marie', points: 1250 }),
    );
    till.handle('customers.points', () => {
      throw new PosError('HUB_UNREACHABLE', 'offline');
    });
    act(() => useCartStore.setState((s) => ({ cart: { ...s.cart, customer: undefined } })));
    await attach();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(useCartStore.getState().cart.customer).toEqual({ id: 'cust-1', label: 'Durand Marie', firstName: 'Marie' });
  });

  it('shows the customer’s purchases in every store, older ones on request, and says offline that it needs the hub', async () => {
    const { till, user } = session;
    const pages: Record<string, unknown> = {
      first: {
        purchases: [
          { at: '2026-12-05T15:30:00.000Z', storeName: 'Épicerie Croix-Rousse', receipt: 'S2-T01-000042', total: 2350, items: 4 },
          { at: '2026-11-28T10:00:00.000Z', storeName: 'Boutique en ligne', receipt: 'WEB-000007', total: -990, items: -1 },
        ],
        next: 'page-2',
      },
      'page-2': {
        purchases: [{ at: '2026-10-01T08:15:00.000Z', storeName: 'Épicerie du Marché', receipt: 'S1-T01-000003', total: 199, items: 1 }],
        next: null,
      },
    };
    const asked: unknown[] = [];
    till.handle('customers.history', (request: { customerId: string; after?: string }) => {
      asked.push(request);
      return pages[request.after ?? 'first'];
    });
    renderTill();
    act(() => useCartStore.setState((s) => ({ cart: { ...s.cart, customer: { id: 'cust-1', label: 'Durand Marie' } } })));
    let dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Historique' }));
    const history = await within(dialog).findByRole('region', { name: 'Achats de Durand Marie' });
    expect(await within(history).findByText('S2-T01-000042')).toBeTruthy();
    expect(within(history).getByText('Épicerie Croix-Rousse')).toBeTruthy();
    expect(within(history).getByText('23,50 €')).toBeTruthy();
    expect(within(history).getByText('-9,90 €')).toBeTruthy();
    await user.click(within(history).getByRole('button', { name: 'Achats plus anciens' }));
    expect(await within(history).findByText('S1-T01-000003')).toBeTruthy();
    expect(within(history).getAllByRole('row')).toHaveLength(4);
    expect(within(history).queryByRole('button', { name: 'Achats plus anciens' })).toBeNull();
    expect(asked.at(-1)).toEqual({ customerId: 'cust-1', after: 'page-2' });
    expect(asked.every((r) => (r as { customerId: string }).customerId === 'cust-1')).toBe(true);
    await user.keyboard('{Escape}');

    till.handle('customers.history', () => {
      throw new PosError('HUB_UNREACHABLE', 'offline');
    });
    dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Historique' }));
    expect((await within(dialog).findByText(/^Hors ligne : l’historique des achats demande le siège/)).textContent).toContain(
      'réseau revenu',
    );
  });

  it('is removed from the sale on request', async () => {
    const { user } = session;
    renderTill();
    await act(() => sellCode(oignons.barcodes[0]!));
    act(() => useCartStore.setState((s) => ({ cart: { ...s.cart, customer: { id: 'cust-1', label: 'Durand Marie' } } })));
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Retirer le client' }));
    expect(useCartStore.getState().cart.customer).toBeUndefined();
    expect(screen.queryByText('Client : Durand Marie')).toBeNull();
  });
});
