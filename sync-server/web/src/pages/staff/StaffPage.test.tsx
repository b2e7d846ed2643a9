import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import type { Access } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import StaffPage from '../StaffPage';
import type { StaffMember } from './staff-api';

const ANNE: StaffMember = { staffId: 'st-1', displayName: 'Anne', role: 'cashier', badgeCode: null, disabled: false };
const ROLES = {
  storeId: 'S1',
  chain: { cashier: ['sale.sell', 'sale.void'], manager: ['sale.sell', 'sale.void', 'sale.refund'] },
  roles: { cashier: ['sale.sell', 'sale.void'], manager: ['sale.sell', 'sale.void', 'sale.refund'] },
};

/** A hub in memory for the staff routes: answers GETs, records changes, refuses what `refuse` names. */
function staffHub(refuse: Record<string, string> = {}) {
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    const code = refuse[`${method} ${path}`];
    if (code) throw new OfficeApiError(code, 409);
    if (method === 'GET' && path.endsWith('/staff')) return { staff: [ANNE] };
    if (method === 'GET' && path.endsWith('/roles')) return ROLES;
    if (method === 'POST' && path.endsWith('/staff')) return { ...ANNE, ...(body as object), staffId: 'st-2', pin: undefined };
    if (method === 'PATCH') return { ...ANNE, ...(body as object) };
    if (method === 'PUT' && path.endsWith('/roles')) return { ...ROLES, roles: (body as { roles: object }).roles };
    return {};
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof staffHub>, access: Access = 'edit', locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <StaffPage page="staff" access={access} me={userWith('store-manager', { stores: ['S1'] })} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the staff page', () => {
  it('lists the store’s staff and adds a person with a PIN typed twice, checked before it is sent and never kept', async () => {
    const hub = staffHub();
    open(hub);
    expect(await screen.findByRole('rowheader', { name: 'Anne' })).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('GET', '/stores/S1/staff');

    const form = screen.getByRole('form', { name: 'Ajouter une personne' });
    const add = within(form).getByRole('button', { name: 'Ajouter' });
    await userEvent.click(add);
    expect(within(form).getByRole('alert').textContent).toBe('Saisissez le nom de la personne.');
    await userEvent.type(within(form).getByLabelText('Nom'), 'Bruno');
    await userEvent.selectOptions(within(form).getByLabelText('Rôle'), 'manager');
    await userEvent.type(within(form).getByLabelText('Code personnel (4 à 6 chiffres)'), '12a4');
    await userEvent.type(within(form).getByLabelText('Confirmez le code'), '12a4');
    await userEvent.click(add);
    expect(within(form).getByRole('alert').textContent).toBe('Le code compte 4 à 6 chiffres.');
    await userEvent.clear(within(form).getByLabelText('Code personnel (4 à 6 chiffres)'));
    await userEvent.clear(within(form).getByLabelText('Confirmez le code'));
    await userEvent.type(within(form).getByLabelText('Code personnel (4 à 6 chiffres)'), '2468');
    await userEvent.type(within(form).getByLabelText('Confirmez le code'), '2469');
    await userEvent.click(add);
    expect(within(form).getByRole('alert').textContent).toBe('Les deux codes ne sont pas identiques.');
    expect(hub.admin).not.toHaveBeenCalledWith('POST', expect.anything(), expect.anything());

    await userEvent.clear(within(form).getByLabelText('Confirmez le code'));
    await userEvent.type(within(form).getByLabelText('Confirmez le code'), '2468');
    await userEvent.click(add);
    expect(await screen.findByRole('rowheader', { name: 'Bruno' })).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('POST', '/stores/S1/staff', { displayName: 'Bruno', role: 'manager', pin: '2468' });
    expect((within(form).getByLabelText('Code personnel (4 à 6 chiffres)') as HTMLInputElement).value).toBe('');
    expect(document.body.textContent).not.toContain('2468');
  });

  it('says a refusal from its code, in English too', async () => {
    const hub = staffHub({ 'POST /stores/S1/staff': 'already_exists' });
    open(hub, 'edit', 'en');
    const form = await screen.findByRole('form', { name: 'Add a person' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Bruno');
    await userEvent.type(within(form).getByLabelText('Personal PIN (4 to 6 digits)'), '2468');
    await userEvent.type(within(form).getByLabelText('Confirm the PIN'), '2468');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('This badge is already used in this store.');
  });

  it('changes a role, resets a PIN, and disables a person only once confirmed', async () => {
    const hub = staffHub();
    open(hub);
    await userEvent.selectOptions(await screen.findByLabelText('Rôle de Anne'), 'manager');
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('PATCH', '/stores/S1/staff/st-1', { role: 'manager' }));

    await userEvent.click(screen.getByRole('button', { name: 'Nouveau code' }));
    const pinForm = screen.getByRole('form', { name: 'Nouveau code pour Anne' });
    await userEvent.type(within(pinForm).getByLabelText('Nouveau code (4 à 6 chiffres)'), '9876');
    await userEvent.type(within(pinForm).getByLabelText('Confirmez le code'), '9876');
    await userEvent.click(within(pinForm).getByRole('button', { name: 'Enregistrer le code' }));
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('PUT', '/stores/S1/staff/st-1/pin', { pin: '9876' }));
    expect(screen.queryByRole('form', { name: 'Nouveau code pour Anne' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Désactiver' }));
    expect(hub.admin).not.toHaveBeenCalledWith('PATCH', expect.anything(), { disabled: true });
    const question = screen.getByRole('group', { name: /Désactiver Anne/ });
    await userEvent.click(within(question).getByRole('button', { name: 'Annuler' }));
    expect(hub.admin).not.toHaveBeenCalledWith('PATCH', expect.anything(), { disabled: true });
    await userEvent.click(screen.getByRole('button', { name: 'Désactiver' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('PATCH', '/stores/S1/staff/st-1', { disabled: true }));
    expect(await screen.findByRole('button', { name: 'Réactiver' })).toBeTruthy();
  });

  it('narrows a role’s permissions in the store', async () => {
    const hub = staffHub();
    open(hub);
    const box = await screen.findByRole('checkbox', { name: 'Caissier : Annuler une ligne ou une vente' });
    expect(screen.queryByRole('checkbox', { name: 'Caissier : Rembourser' })).toBeNull();
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les droits' }));
    await waitFor(() =>
      expect(hub.admin).toHaveBeenCalledWith('PUT', '/stores/S1/roles', {
        roles: { cashier: ['sale.sell'], manager: ['sale.sell', 'sale.void', 'sale.refund'] },
      }),
    );
    expect(await screen.findByText('Les droits ont été enregistrés.')).toBeTruthy();
  });

  it('shows a read-only role no form, button or editable box', async () => {
    const hub = staffHub();
    open(hub, 'read');
    expect(await screen.findByRole('rowheader', { name: 'Anne' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Ajouter une personne' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Désactiver' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer les droits' })).toBeNull();
    // Reading is enough to export the list.
    expect(screen.getByRole('button', { name: 'Exporter Personnel du magasin en Excel (XLSX)' })).toBeTruthy();
    const box = await screen.findByRole('checkbox', { name: 'Caissier : Vendre' });
    expect((box as HTMLInputElement).disabled).toBe(true);
  });
});
