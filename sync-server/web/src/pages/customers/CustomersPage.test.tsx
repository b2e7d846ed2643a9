import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import type { Access } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import CustomersPage from '../CustomersPage';
import type { ChainCustomer } from './customers-api';

const customer = (id: string, lastName: string, more: Partial<ChainCustomer> = {}): ChainCustomer => ({
  id,
  lastName,
  consents: {},
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  version: 1,
  ...more,
});
const DURAND = customer('c-1', 'Durand', { firstName: 'Marie', phone: '+33612345678', createdStore: 'S1' });
const DURAND_AGAIN = customer('c-2', 'Durand', { firstName: 'M.', phone: '+33612345678', createdAt: '2026-11-20T10:00:00.000Z' });

/** The hub's customer routes in memory: records every call, refuses what `refuse` names. */
function customersHub(refuse: Record<string, string> = {}) {
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    const code = refuse[`${method} ${path.split('?')[0]}`];
    if (code) throw new OfficeApiError(code, 409);
    if (method === 'GET' && path === '/customers/duplicates?by=phone')
      return { groups: [{ by: 'phone', value: '+33612345678', customers: [DURAND_AGAIN, DURAND] }], next: null };
    if (method === 'GET' && path === '/customers/duplicates?by=email') return { groups: [], next: null };
    if (method === 'GET' && path.startsWith('/customers?')) {
      const q = new URLSearchParams(path.split('?')[1]).get('q');
      return { customers: q === 'zzz' ? [] : [DURAND, DURAND_AGAIN], next: null };
    }
    if (method === 'PUT') return { customer: { ...DURAND, ...(body as object), version: 2 }, likelyDuplicates: [] };
    if (method === 'POST' && path.endsWith('/merge')) return { kept: DURAND, merged: { ...DURAND_AGAIN, mergedInto: 'c-1' } };
    return {};
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof customersHub>, access: Access = 'edit', locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <CustomersPage page="customers" access={access} me={userWith('admin')} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the customers page', () => {
  it('lists and finds the chain’s customers, and says when none matches', async () => {
    const hub = customersHub();
    open(hub);
    expect(await screen.findByRole('rowheader', { name: 'Durand Marie' })).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('GET', '/customers?limit=50');
    await userEvent.type(screen.getByLabelText('Téléphone, e-mail, numéro de carte ou nom (puis prénom)'), 'zzz');
    await userEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(await screen.findByText('Aucun client ne correspond.')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('GET', '/customers?limit=50&q=zzz');
  });

  it('corrects a customer with the version read, and words a stale version', async () => {
    const hub = customersHub();
    open(hub);
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier Durand Marie' }));
    const form = screen.getByRole('form', { name: 'Modifier Durand Marie' });
    const email = within(form).getByLabelText('E-mail');
    await userEvent.type(email, 'marie@exemple.fr');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/customers/c-1', {
      lastName: 'Durand',
      firstName: 'Marie',
      email: 'marie@exemple.fr',
      phone: '+33612345678',
      postalCode: null,
      cardNumber: null,
      expectedVersion: 1,
    });
    expect((await screen.findByRole('status')).textContent).toBe('Durand Marie est enregistré.');

    const stale = customersHub({ 'PUT /customers/c-1': 'version_conflict' });
    open(stale, 'edit', 'en');
    await userEvent.click((await screen.findAllByRole('button', { name: 'Edit Durand Marie' }))[0]!);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This customer was changed meanwhile: reload the list and try again.');
  });

  it('merges a likely duplicate into the oldest customer, after asking', async () => {
    const hub = customersHub();
    open(hub);
    const group = await screen.findByRole('group', { name: 'Même téléphone : +33612345678' });
    expect(within(group).getByText('Conservé : Durand Marie (c-1), le plus ancien.')).toBeTruthy();
    await userEvent.click(within(group).getByRole('button', { name: 'Fusionner' }));
    await userEvent.click(within(group).getByRole('button', { name: 'Confirmer' }));
    expect(hub.admin).toHaveBeenCalledWith('POST', '/customers/c-2/merge', { into: 'c-1' });
    expect((await screen.findByRole('status')).textContent).toBe('Durand M. est fusionné dans Durand Marie.');
    expect(screen.queryByRole('rowheader', { name: 'Durand M.' })).toBeNull();
  });

  it('shows no change button to a role that may only read', async () => {
    open(customersHub(), 'read');
    expect(await screen.findByRole('rowheader', { name: 'Durand Marie' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Modifier|Fusionner/ })).toBeNull();
  });
});
