import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n } from '../../test-support/render';
import UsersPage from '../UsersPage';
import type { AuditEntry, OfficeUserInfo } from './users-api';

const MARIE: OfficeUserInfo = {
  userId: 'user-1',
  email: 'marie@example.test',
  displayName: 'Marie',
  role: 'regional',
  stores: ['S1', 'S2'],
  staffId: null,
  mustChangePassword: false,
  totpEnabled: true,
  disabled: false,
  lockedUntil: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  lastSignInAt: '2026-12-06T09:30:00.000Z',
};
const ENTRY: AuditEntry = {
  id: 7,
  at: '2026-12-06T10:00:00.000Z',
  actorKind: 'user',
  actor: 'user-0 boss@example.test',
  action: 'user.update',
  target: 'user-1',
  storeId: null,
  before: { role: 'regional', stores: ['S1', 'S2'], disabled: false },
  after: { role: 'store-manager', stores: ['S1'], disabled: false },
};

const STORES = [
  { storeId: 'S1', name: 'Lyon' },
  { storeId: 'S2', name: 'Paris' },
  { storeId: 'S3', name: 'Marseille' },
];

/** A hub in memory for the users routes and the audit log; refuses what `refuse` names with its code. */
function usersHub(refuse: Record<string, string> = {}) {
  const audit = vi.fn(async (path: string) => ({ entries: [ENTRY], next: path.includes('before=') ? null : 7 }));
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    const code = refuse[`${method} ${path}`];
    if (code) throw new OfficeApiError(code, 409);
    if (method === 'GET' && path.startsWith('/audit')) return audit(path);
    if (method === 'GET' && path === '/stores') return { stores: STORES };
    if (method === 'GET') return { users: [MARIE] };
    if (method === 'POST' && path === '/users')
      return {
        user: { ...MARIE, ...(body as object), userId: 'user-2', totpEnabled: false, lastSignInAt: null },
        oneTimePassword: 'otp-Secret-123',
      };
    if (method === 'PATCH') {
      const change = body as { resetTotp?: boolean };
      return { ...MARIE, ...change, ...(change.resetTotp ? { totpEnabled: false } : {}) };
    }
    return { user: MARIE, oneTimePassword: 'otp-Reset-456' };
  });
  return { client: fakeClient({ admin }), admin, audit };
}

function open(hub: ReturnType<typeof usersHub>, locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <UsersPage />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the users page', () => {
  it('lists users and creates one, the one-time password shown once with a copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const hub = usersHub();
    open(hub);
    const table = await screen.findByRole('table', { name: /Utilisateurs du back-office/ });
    const row = within(table).getByRole('row', { name: /marie@example\.test Marie Responsable régional S1, S2 Activée Actif/ });
    expect(row).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter les utilisateurs en Excel (XLSX)' })).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Créer un utilisateur' });
    await userEvent.type(within(form).getByLabelText('Adresse e-mail'), 'paul@example');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer' }));
    expect(within(form).getByRole('alert').textContent).toBe('Saisissez une adresse e-mail valide (254 caractères au plus).');
    await userEvent.type(within(form).getByLabelText('Adresse e-mail'), '.test');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer' }));
    expect(within(form).getByRole('alert').textContent).toBe('Un responsable de magasin a exactement un magasin.');
    await userEvent.selectOptions(within(form).getByLabelText('Magasin'), 'Lyon (S1)');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer' }));

    const shown = await screen.findByRole('region', { name: 'Mot de passe provisoire de paul@example.test' });
    expect(within(shown).getByText('otp-Secret-123')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('POST', '/users', { email: 'paul@example.test', role: 'store-manager', stores: ['S1'] });
    await userEvent.click(within(shown).getByRole('button', { name: 'Copier' }));
    expect(writeText).toHaveBeenCalledWith('otp-Secret-123');
    expect(within(shown).getByRole('status').textContent).toBe('Copié dans le presse-papiers.');
    await userEvent.click(within(shown).getByRole('button', { name: 'C’est noté, masquer' }));
    expect(document.body.textContent).not.toContain('otp-Secret-123');
    expect(within(table).getByRole('rowheader', { name: 'paul@example.test' })).toBeTruthy();
  });

  it('changes role and stores, resets the second factor and disables a user only once confirmed', async () => {
    const hub = usersHub();
    open(hub);
    const row = await screen.findByRole('row', { name: /marie@example\.test/ });
    // The row's buttons are grouped under the user's name for screen readers.
    expect(within(row).getByRole('group', { name: 'Actions pour marie@example.test' })).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Modifier' }));
    const edit = screen.getByRole('form', { name: 'Modifier marie@example.test' });
    // Her stores are ticked by name; a store manager keeps one, chosen in a list.
    const stores = within(edit).getByRole('group', { name: 'Magasins (au moins un)' });
    const ticked = within(stores)
      .getAllByRole('checkbox')
      .map((box) => `${box.parentElement?.textContent?.trim() ?? ''}: ${String((box as HTMLInputElement).checked)}`);
    expect(ticked).toEqual(['Lyon (S1): true', 'Paris (S2): true', 'Marseille (S3): false']);
    await userEvent.selectOptions(within(edit).getByLabelText('Rôle'), 'store-manager');
    expect((within(edit).getByLabelText('Magasin') as HTMLSelectElement).value).toBe('S1');
    await userEvent.selectOptions(within(edit).getByLabelText('Magasin'), 'Paris (S2)');
    await userEvent.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('PATCH', '/users/user-1', { role: 'store-manager', stores: ['S2'] }));

    await userEvent.click(within(row).getByRole('button', { name: 'Réinitialiser la double authentification' }));
    expect(hub.admin).not.toHaveBeenCalledWith('PATCH', '/users/user-1', { resetTotp: true });
    await userEvent.click(within(row).getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('La double authentification de marie@example.test a été retirée.')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('PATCH', '/users/user-1', { resetTotp: true });

    await userEvent.click(within(row).getByRole('button', { name: 'Nouveau mot de passe' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('otp-Reset-456')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('POST', '/users/user-1/password-reset');

    await userEvent.click(within(row).getByRole('button', { name: 'Désactiver' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Confirmer' }));
    expect(await within(row).findByRole('button', { name: 'Réactiver' })).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('PATCH', '/users/user-1', { disabled: true });
  });

  it('gives a regional manager stores ticked by name, and keeps a store of theirs the list lacks', async () => {
    const hub = usersHub();
    open(hub, 'en');
    const form = await screen.findByRole('form', { name: 'Create a user' });
    await userEvent.type(within(form).getByLabelText('E-mail address'), 'lea@example.test');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'regional');
    const stores = await within(form).findByRole('group', { name: 'Stores (at least one)' });
    await userEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect(within(form).getByRole('alert').textContent).toBe('List at least one store for this role.');
    await userEvent.click(within(stores).getByRole('checkbox', { name: 'Marseille (S3)' }));
    await userEvent.click(within(stores).getByRole('checkbox', { name: 'Lyon (S1)' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create' }));
    // In the list's order, whatever the order they were ticked in.
    await waitFor(() =>
      expect(hub.admin).toHaveBeenCalledWith('POST', '/users', { email: 'lea@example.test', role: 'regional', stores: ['S1', 'S3'] }),
    );

    await userEvent.click(within(await screen.findByRole('row', { name: /marie@example\.test/ })).getByRole('button', { name: 'Edit' }));
    const edit = screen.getByRole('form', { name: 'Edit marie@example.test' });
    hub.admin.mockClear();
    await userEvent.selectOptions(within(edit).getByLabelText('Role'), 'admin');
    expect(within(edit).getByText('An administrator covers every store.')).toBeTruthy();
    await userEvent.selectOptions(within(edit).getByLabelText('Role'), 'accountant');
    expect(
      within(edit)
        .getAllByRole('checkbox')
        .filter((box) => (box as HTMLInputElement).checked),
    ).toHaveLength(0);
    await userEvent.click(within(edit).getByRole('checkbox', { name: 'Paris (S2)' }));
    await userEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('PATCH', '/users/user-1', { role: 'accountant', stores: ['S2'] }));
  });

  it('shows a user’s store missing from the list by its id, and takes typed ids when the list cannot be read', async () => {
    const hub = usersHub();
    hub.admin.mockImplementation(async (method, path) => {
      if (path === '/stores') throw new OfficeApiError('forbidden', 403);
      if (path.startsWith('/audit')) return { entries: [], next: null };
      return method === 'PATCH' ? MARIE : { users: [{ ...MARIE, stores: ['S1', 'OLD'] }] };
    });
    open(hub);
    await userEvent.click(
      within(await screen.findByRole('row', { name: /marie@example\.test/ })).getByRole('button', { name: 'Modifier' }),
    );
    const edit = screen.getByRole('form', { name: 'Modifier marie@example.test' });
    const typed = (await within(edit).findByLabelText('Magasins (identifiants séparés par des virgules)')) as HTMLInputElement;
    expect(typed.value).toBe('S1, OLD');
    expect(within(edit).getByText(/^La liste des magasins n’a pas pu être lue/)).toBeTruthy();
    await userEvent.type(typed, ', S/2');
    await userEvent.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    expect(within(edit).getByRole('alert').textContent).toBe('Un identifiant de magasin compte 1 à 64 lettres, chiffres, « _ » ou « - ».');
    await userEvent.clear(typed);
    await userEvent.type(typed, 'S1 S2');
    await userEvent.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('PATCH', '/users/user-1', { role: 'regional', stores: ['S1', 'S2'] }));
  });

  it('says a refusal from its code, in English', async () => {
    open(usersHub({ 'POST /users': 'already_exists' }), 'en');
    const form = await screen.findByRole('form', { name: 'Create a user' });
    await userEvent.type(within(form).getByLabelText('E-mail address'), 'marie@example.test');
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'admin');
    await userEvent.click(within(form).getByRole('button', { name: 'Create' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('A user already has this e-mail address.');
  });

  it('shows the audit log with each change field by field, filtered and paged', async () => {
    const hub = usersHub();
    open(hub);
    const log = await screen.findByRole('table', { name: /Modifications faites dans le back-office/ });
    const row = within(log).getByRole('row', { name: /boss@example\.test \(Utilisateur\) user\.update user-1/ });
    await userEvent.click(within(row).getByText('role, stores'));
    const diff = within(row).getByRole('table', { name: 'Modifications de l’entrée 7' });
    expect(within(diff).getByRole('row', { name: 'role regional store-manager' })).toBeTruthy();
    expect(within(diff).getByRole('row', { name: 'stores S1, S2 S1' })).toBeTruthy();
    expect(within(row).getByText('1 champ(s) inchangé(s)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter le journal d’audit (filtres appliqués) en CSV' })).toBeTruthy();
    expect(hub.audit).toHaveBeenCalledWith('/audit?limit=50');

    const filters = screen.getByRole('form', { name: 'Filtrer le journal' });
    await userEvent.type(within(filters).getByLabelText('Auteur (e-mail ou identifiant)'), 'boss');
    await userEvent.type(within(filters).getByLabelText('Action ou route'), 'user.');
    await userEvent.type(within(filters).getByLabelText('Du'), '2026-12-06');
    await userEvent.type(within(filters).getByLabelText('Au (inclus)'), '2026-12-05');
    await userEvent.click(within(filters).getByRole('button', { name: 'Filtrer' }));
    expect(within(filters).getByRole('alert').textContent).toBe('La date de début doit précéder la date de fin.');
    await userEvent.clear(within(filters).getByLabelText('Au (inclus)'));
    await userEvent.click(within(filters).getByRole('button', { name: 'Filtrer' }));
    await waitFor(() => expect(hub.audit).toHaveBeenLastCalledWith(expect.stringMatching(/actor=boss&action=user\.&from=2026-12-0/)));

    await userEvent.click(screen.getByRole('button', { name: 'Plus anciennes' }));
    await waitFor(() => expect(hub.audit).toHaveBeenLastCalledWith(expect.stringContaining('before=7')));
    expect(await screen.findByRole('table', { name: /Page 2/ })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Plus anciennes' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Plus récentes' }));
    expect(await screen.findByRole('table', { name: /Page 1/ })).toBeTruthy();
  });
});
