import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient, type OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { accessTo } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import StoresPage from '../StoresPage';

const backlog = { pendingRecords: 2, quarantined: 1, unpushed: null };
const TILLS = [
  {
    tillId: 'T01',
    label: 'Caisse 1',
    createdAt: '2026-12-01T08:00:00.000Z',
    revoked: false,
    lastSeenAt: '2026-12-06T09:30:00.000Z',
    appVersion: '1.4.0',
    syncBacklog: backlog,
  },
  {
    tillId: 'T02',
    label: null,
    createdAt: '2026-12-01T08:00:00.000Z',
    revoked: true,
    lastSeenAt: null,
    appVersion: null,
    syncBacklog: backlog,
  },
];

const PRICE_LISTS = [
  { id: 'pl-gros', name: 'Grossistes', entryCount: 1200 },
  { id: 'pl-asso', name: 'Associations', entryCount: 40 },
];

const QUICK_KEYS = [{ kind: 'product', productId: 'prd-1', label: 'Croissants' }];
/** Settings saved before: fields the form shows, fields it does not (quick keys, layouts, a list deleted since). */
const SAVED = {
  name: 'Épicerie',
  legalName: 'Épicerie SAS',
  addressLines: ['1 rue des Halles', '69002 Lyon'],
  vatNumber: 'FR83404833048',
  siret: '40483304800014',
  currency: 'EUR',
  receiptLocale: 'fr-FR',
  timeZone: 'Europe/Paris',
  vatRates: [{ id: 'FR-20', rateBp: 2000, code: 'D', label: 'TVA 20 %' }],
  variableMeasureLayouts: [{ prefixes: ['28'] }],
  cashRounding: { step: 5 },
  quickCashAmounts: [1000, 2000],
  maxCashierDiscountBp: 1500,
  receiptFooter: ['Merci'],
  cashSession: 'required',
  varianceLimit: 300,
  quickKeys: QUICK_KEYS,
  priceListId: 'summer',
};

/**
 * A hub in memory for the store routes: records each call, refuses what `refuse` names with its code
 * (or the error given). GET settings answers `saved`, or 404 no_settings (a new store) without it.
 */
function storesHub(refuse: Record<string, string | OfficeApiError> = {}, saved?: Record<string, unknown>) {
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    const refusal = refuse[`${method} ${path}`];
    if (refusal) throw typeof refusal === 'string' ? new OfficeApiError(refusal, 409) : refusal;
    if (method === 'GET' && path === '/stores') return { stores: [{ storeId: 'S1', name: 'Paris' }] };
    if (method === 'GET' && path === '/price-lists') return { priceLists: PRICE_LISTS };
    if (method === 'GET' && path === '/stores/S1/tills') return { tills: TILLS };
    if (method === 'GET' && path === '/stores/S1/settings') {
      if (!saved) throw new OfficeApiError('no_settings', 404);
      return { storeId: 'S1', settings: saved, seq: 7 };
    }
    if (path === '/enrollments') return { ...(body as object), code: 'ABCD-EFGH-JKLM', expiresAt: '2026-12-08T10:00:00.000Z' };
    if (path === '/revocations') return { revokedTokens: 2 };
    return {};
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof storesHub>, role: OfficeRole = 'admin', locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <StoresPage page="stores" access={accessTo(role, 'stores') ?? 'read'} me={userWith(role, { stores: ['S1'] })} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the stores and tills page', () => {
  it('checks the settings, then sends them whole with PUT', async () => {
    const hub = storesHub();
    open(hub);
    const form = screen.getByRole('form', { name: 'Paramètres du magasin' });
    const save = within(form).getByRole('button', { name: 'Enregistrer les paramètres' });
    await waitFor(() => expect(save).toHaveProperty('disabled', false));
    await userEvent.click(save);
    expect(within(form).getByRole('alert').textContent).toBe('Remplissez le nom, la raison sociale, l’adresse et le numéro de TVA.');
    await userEvent.type(within(form).getByLabelText('Nom du magasin'), 'Épicerie du Marché');
    await userEvent.type(within(form).getByLabelText('Raison sociale'), 'Épicerie du Marché SAS');
    await userEvent.type(within(form).getByLabelText('Adresse (une ligne par ligne imprimée)'), '12 rue des Halles{enter}69002 Lyon');
    await userEvent.type(within(form).getByLabelText('SIRET'), '404 833 048 00014');
    await userEvent.type(within(form).getByLabelText('Numéro de TVA intracommunautaire'), 'FR83404833048');
    await userEvent.clear(within(form).getByLabelText('Taux 4 en %'));
    await userEvent.type(within(form).getByLabelText('Taux 4 en %'), '120');
    await userEvent.click(save);
    expect(within(form).getByRole('alert').textContent).toContain('Chaque taux de TVA');
    await userEvent.clear(within(form).getByLabelText('Taux 4 en %'));
    await userEvent.type(within(form).getByLabelText('Taux 4 en %'), '19,6');
    await userEvent.click(within(form).getByRole('button', { name: 'Retirer le taux 1' }));
    await userEvent.clear(within(form).getByLabelText('Arrondi des espèces (en centimes)'));
    await userEvent.type(within(form).getByLabelText('Arrondi des espèces (en centimes)'), '5');
    await userEvent.type(within(form).getByLabelText('Pied de ticket (une ligne par ligne imprimée)'), 'Merci !');
    await userEvent.selectOptions(within(form).getByLabelText('Ouverture de caisse'), 'required');
    expect(hub.admin).not.toHaveBeenCalledWith('PUT', expect.anything(), expect.anything());
    await userEvent.click(save);

    expect(await within(form).findByRole('status')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith(
      'PUT',
      '/stores/S1/settings',
      expect.objectContaining({
        name: 'Épicerie du Marché',
        legalName: 'Épicerie du Marché SAS',
        addressLines: ['12 rue des Halles', '69002 Lyon'],
        siret: '40483304800014',
        vatNumber: 'FR83404833048',
        vatRates: [
          { id: 'FR-5.5', rateBp: 550, code: 'B', label: 'TVA 5,5 %' },
          { id: 'FR-10', rateBp: 1000, code: 'C', label: 'TVA 10 %' },
          { id: 'FR-20', rateBp: 1960, code: 'D', label: 'TVA 20 %' },
        ],
        cashRounding: { step: 5 },
        receiptFooter: ['Merci !'],
        cashSession: 'required',
        varianceLimit: 500,
      }),
    );
  });

  it('says the hub’s refusal of the settings from its code, in English', async () => {
    const hub = storesHub({ 'PUT /stores/S1/settings': 'invalid_settings' });
    open(hub, 'regional', 'en');
    const form = screen.getByRole('form', { name: 'Store settings' });
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Save the settings' })).toHaveProperty('disabled', false));
    await userEvent.type(within(form).getByLabelText('Store name'), 'Shop');
    await userEvent.type(within(form).getByLabelText('Legal name'), 'Shop SAS');
    await userEvent.type(within(form).getByLabelText('Address (one line per printed line)'), '1 rue');
    await userEvent.type(within(form).getByLabelText('VAT number'), 'FR00');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the settings' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'These settings are not valid (address, VAT number, SIRET or rates).',
    );
  });

  it('loads the saved settings and sends them back with only the form’s fields changed: quick keys and the rest survive', async () => {
    const hub = storesHub({}, SAVED);
    open(hub);
    const form = screen.getByRole('form', { name: 'Paramètres du magasin' });
    const name = within(form).getByLabelText('Nom du magasin');
    await waitFor(() => expect(name).toHaveProperty('value', 'Épicerie'));
    expect(within(form).getByLabelText('Taux 1 en %')).toHaveProperty('value', '20');
    // Its list was deleted since: said so, and kept until another is chosen.
    const list = within(form).getByLabelText('Liste de prix') as HTMLSelectElement;
    await waitFor(() => expect(list.selectedOptions[0]?.textContent).toBe('summer (n’existe plus : prix du catalogue)'));
    await userEvent.clear(name);
    await userEvent.type(name, 'Épicerie du Marché');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer les paramètres' }));
    expect(await within(form).findByRole('status')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/stores/S1/settings', { ...SAVED, name: 'Épicerie du Marché' });
  });

  it('names the price list the store sells at, among the chain’s, or none for catalog prices', async () => {
    const hub = storesHub({}, SAVED);
    open(hub, 'regional');
    const form = screen.getByRole('form', { name: 'Paramètres du magasin' });
    const list = within(form).getByLabelText('Liste de prix') as HTMLSelectElement;
    await waitFor(() => expect(list.disabled).toBe(false));
    expect([...list.options].map((o) => o.textContent)).toEqual([
      'Aucune (prix du catalogue)',
      'Grossistes (pl-gros)',
      'Associations (pl-asso)',
      'summer (n’existe plus : prix du catalogue)',
    ]);
    const save = within(form).getByRole('button', { name: 'Enregistrer les paramètres' });
    await userEvent.selectOptions(list, 'pl-asso');
    await userEvent.click(save);
    await waitFor(() => expect(hub.admin).toHaveBeenLastCalledWith('PUT', '/stores/S1/settings', { ...SAVED, priceListId: 'pl-asso' }));
    await userEvent.selectOptions(list, '');
    await userEvent.click(save);
    const { priceListId: _none, ...catalogPrices } = SAVED;
    await waitFor(() => expect(hub.admin).toHaveBeenLastCalledWith('PUT', '/stores/S1/settings', catalogPrices));
  });

  it('says the hub’s refusal of a price list gone meanwhile from its code, in English', async () => {
    const gone = new OfficeApiError('invalid_settings', 422, {
      error: 'invalid_settings',
      message: '…',
      problems: [{ field: 'priceListId', message: '…', code: 'unknown_price_list', params: { priceListId: 'pl-gros' } }],
    });
    const hub = storesHub({ 'PUT /stores/S1/settings': gone }, SAVED);
    open(hub, 'admin', 'en');
    const form = screen.getByRole('form', { name: 'Store settings' });
    const list = within(form).getByLabelText('Price list') as HTMLSelectElement;
    await waitFor(() => expect(list.disabled).toBe(false));
    await userEvent.selectOptions(list, 'pl-gros');
    await userEvent.click(within(form).getByRole('button', { name: 'Save the settings' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'The price list pl-gros does not exist (or no longer): pick another one or none.',
    );
  });

  it('shows the saved price list read-only to a user the hub does not let read the lists, and keeps it', async () => {
    const hub = storesHub({ 'GET /price-lists': 'forbidden' }, { ...SAVED, priceListId: 'pl-gros' });
    open(hub, 'regional', 'en');
    const form = screen.getByRole('form', { name: 'Store settings' });
    const list = (await within(form).findByRole('textbox', { name: 'Price list' })) as HTMLInputElement;
    expect(list.readOnly).toBe(true);
    await waitFor(() => expect(list.value).toBe('pl-gros'));
    expect(within(form).getByText('Your role may not read the price lists: the store’s is kept.')).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Save the settings' }));
    expect(await within(form).findByRole('status')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/stores/S1/settings', { ...SAVED, priceListId: 'pl-gros' });
  });

  it('does not let the settings be saved when they could not be read, and says why', async () => {
    const hub = storesHub({ 'GET /stores/S1/settings': 'forbidden' });
    open(hub, 'admin', 'en');
    const form = screen.getByRole('form', { name: 'Store settings' });
    expect((await within(form).findByRole('alert')).textContent).toMatch(/^The saved settings could not be read \(.+\): saving is blocked/);
    expect(within(form).getByRole('button', { name: 'Save the settings' })).toHaveProperty('disabled', true);
    expect(hub.admin).not.toHaveBeenCalledWith('PUT', expect.anything(), expect.anything());
  });

  it('creates a till and shows its enrollment code as text and QR code, with its expiry', async () => {
    const hub = storesHub();
    open(hub);
    const form = screen.getByRole('form', { name: 'Caisses' });
    await userEvent.type(within(form).getByLabelText('Identifiant de la caisse'), '-T1');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la caisse' }));
    expect(within(form).getByRole('alert').textContent).toContain('Un identifiant de caisse');
    await userEvent.clear(within(form).getByLabelText('Identifiant de la caisse'));
    await userEvent.type(within(form).getByLabelText('Identifiant de la caisse'), 'T02');
    await userEvent.type(within(form).getByLabelText('Libellé de la caisse (facultatif)'), 'Caisse 2');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la caisse' }));

    expect(await within(form).findByText('ABCD-EFGH-JKLM')).toBeTruthy();
    const qr = await within(form).findByRole('img', { name: 'QR code du code d’inscription de la caisse T02' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(within(form).getByText(/^Valable une seule fois, jusqu’au 8 décembre 2026/)).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('POST', '/tills', { storeId: 'S1', tillId: 'T02', label: 'Caisse 2' });
    expect(hub.admin).toHaveBeenLastCalledWith('POST', '/enrollments', { storeId: 'S1', tillId: 'T02' });
  });

  it('says an existing till from its code, and gives it a new code', async () => {
    const hub = storesHub({ 'POST /tills': 'already_exists' });
    open(hub);
    const form = screen.getByRole('form', { name: 'Caisses' });
    await userEvent.type(within(form).getByLabelText('Identifiant de la caisse'), 'T01');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer la caisse' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Cette caisse existe déjà : créez-lui un code d’inscription.');
    await userEvent.click(within(form).getByRole('button', { name: 'Créer un code d’inscription' }));
    expect(await within(form).findByText('ABCD-EFGH-JKLM')).toBeTruthy();
  });

  it('revokes a till only once confirmed', async () => {
    const hub = storesHub();
    open(hub);
    const form = screen.getByRole('form', { name: 'Révoquer une caisse' });
    await userEvent.type(within(form).getByLabelText('Identifiant de la caisse'), 'T01');
    await userEvent.click(within(form).getByRole('button', { name: 'Révoquer' }));
    expect(within(form).getByRole('group', { name: 'Révoquer la caisse T01 ? Elle devra être inscrite à nouveau.' })).toBeTruthy();
    await userEvent.click(within(form).getByRole('button', { name: 'Annuler' }));
    expect(hub.admin).not.toHaveBeenCalledWith('POST', '/revocations', expect.anything());
    await userEvent.click(within(form).getByRole('button', { name: 'Révoquer' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(hub.admin).toHaveBeenCalledWith('POST', '/revocations', { storeId: 'S1', tillId: 'T01' }));
    expect((await within(form).findByRole('status')).textContent).toBe('La caisse T01 est révoquée (2 jeton(s) invalidé(s)).');
  });

  it('lists the store’s tills with their app version, and lets an administrator revoke one from its row once confirmed', async () => {
    const hub = storesHub();
    open(hub);
    const list = screen.getByRole('region', { name: 'Caisses du magasin' });
    const row = (await within(list).findByRole('row', { name: /Caisse 1 \(T01\)/ })) as HTMLElement;
    expect(within(row).getByText('2 enregistrement(s) à placer, 1 refusé(s)')).toBeTruthy();
    expect(within(row).getByRole('cell', { name: '1.4.0' })).toBeTruthy();
    expect(within(list).getByRole('row', { name: /T02 Jamais Inconnue .* Révoquée/ })).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Révoquer la caisse T01' }));
    expect(hub.admin).not.toHaveBeenCalledWith('POST', '/revocations', expect.anything());
    await userEvent.click(within(row).getByRole('button', { name: 'Confirmer' }));
    expect(await within(list).findByText('La caisse T01 est révoquée (2 jeton(s) invalidé(s)).')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('POST', '/revocations', { storeId: 'S1', tillId: 'T01' });
  });

  it('lists the tills to a regional manager without a revoke button', async () => {
    open(storesHub(), 'regional', 'en');
    const list = screen.getByRole('region', { name: 'The store’s tills' });
    expect(await within(list).findByRole('row', { name: /Caisse 1 \(T01\) .* Active/ })).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /Revoke/ })).toBeNull();
    // Every role may export the list it reads.
    expect(within(list).getByRole('button', { name: 'Export The store’s tills as CSV' })).toBeTruthy();
  });

  it('hides the tills from non-administrators, and the settings from a store manager', () => {
    open(storesHub(), 'regional');
    expect(screen.getByRole('form', { name: 'Paramètres du magasin' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Caisses' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Révoquer une caisse' })).toBeNull();
  });

  it('shows a store manager no form at all', () => {
    open(storesHub(), 'store-manager');
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText('Votre rôle permet de consulter ce magasin mais pas de modifier ses paramètres.')).toBeTruthy();
  });
});
