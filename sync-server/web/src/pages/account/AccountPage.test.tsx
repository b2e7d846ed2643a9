import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import AccountPage from '../AccountPage';
import { dayFromToday, type ApiKeyInfo } from './api-keys-api';

const KEY: ApiKeyInfo = {
  keyId: 'key-1',
  label: 'Comptabilité',
  scopes: ['store.read'],
  stores: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  revokedAt: null,
  lastUsedAt: null,
};

function keysHub(refuse: string | null = null) {
  const office = vi.fn<OfficeClient['office']>(async (method, _path, body) => {
    if (method === 'GET') return { keys: [KEY] };
    if (method === 'DELETE') return { key: { ...KEY, revokedAt: new Date().toISOString() } };
    if (refuse) throw new OfficeApiError(refuse, 400);
    return { key: { ...KEY, ...(body as object), keyId: 'key-2', stores: null }, secret: 'pos_key.SeCrEt' };
  });
  return { client: fakeClient({ office }), office };
}

function open(hub: ReturnType<typeof keysHub>, locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <AccountPage page="account" access="edit" me={userWith('accountant')} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('my API keys', () => {
  it('lists my keys and creates one with rights my role has, the secret shown once', async () => {
    const hub = keysHub();
    open(hub);
    expect(await screen.findByRole('row', { name: /Comptabilité Consulter les magasins .* Tous les miens .* Jamais Active/ })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Créer une clé d’API' });
    // An accountant reads and archives (core's table of each role's actions): no other right is offered.
    expect(within(form).getAllByRole('checkbox')).toHaveLength(2);
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la clé' }));
    expect(within(form).getByRole('alert').textContent).toBe('Saisissez un libellé (200 caractères au plus).');
    await userEvent.type(within(form).getByLabelText('Libellé (ce qui l’utilise)'), 'Export');
    await userEvent.click(within(form).getByLabelText('Télécharger les archives fiscales'));
    const expiry = within(form).getByLabelText('Date d’expiration');
    await userEvent.clear(expiry);
    await userEvent.type(expiry, dayFromToday(400));
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la clé' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choisissez une date entre demain et dans 366 jours.');
    await userEvent.clear(expiry);
    await userEvent.type(expiry, dayFromToday(30));
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la clé' }));

    const shown = await screen.findByRole('region', { name: 'Clé « Export »' });
    expect(within(shown).getByText('pos_key.SeCrEt')).toBeTruthy();
    expect(hub.office).toHaveBeenCalledWith('POST', '/api-keys', {
      label: 'Export',
      scopes: ['store.read', 'store.archive'],
      expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    await userEvent.click(within(shown).getByRole('button', { name: 'C’est noté, masquer' }));
    expect(document.body.textContent).not.toContain('pos_key.SeCrEt');
  });

  it('revokes a key once confirmed, and says a refusal in English', async () => {
    const hub = keysHub('invalid_api_key');
    open(hub, 'en');
    const row = await screen.findByRole('row', { name: /Comptabilité/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    await userEvent.click(within(row).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(within(row).getByText(/Revoked/)).toBeTruthy());
    expect(hub.office).toHaveBeenCalledWith('DELETE', '/api-keys/key-1');
    const form = screen.getByRole('form', { name: 'Create an API key' });
    await userEvent.type(within(form).getByLabelText('Label (what uses it)'), 'Shop');
    await userEvent.click(within(form).getByRole('button', { name: 'Create the key' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('This key is not valid: check its rights, stores and expiry date.');
  });
});
