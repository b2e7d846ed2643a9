import type { SaleDetail, SaleRow } from '@pos/core/sync/head-office-api';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import SalesPage from '../SalesPage';

const row = (saleId: string, receipt: string, total: number, more: Partial<SaleRow> = {}): SaleRow => ({
  saleId,
  tillId: 'T1',
  businessDate: '2026-11-23',
  completedAt: '2026-11-23T10:00:00.000Z',
  receipt,
  kind: 'sale',
  total,
  items: 1,
  tenders: { cash: total },
  staffId: 'camille',
  cashierName: 'Camille',
  returnOf: null,
  status: 'verified',
  ...more,
});

const FIRST = [row('s2', 'S1-T1-000002', 123456), row('r1', 'S1-T1-000003', -100, { kind: 'return', status: 'break' })];
const SECOND = [row('s1', 'S1-T1-000001', 200)];

const DETAIL: SaleDetail = {
  saleId: 's1',
  tillId: 'T1',
  kind: 'sale',
  businessDate: '2026-11-22',
  completedAt: '2026-11-22T09:01:00.000Z',
  receipt: 'S1-T1-000001',
  currency: 'EUR',
  staffId: 'camille',
  cashierName: 'Camille',
  total: 200,
  discountTotal: 0,
  lines: [
    {
      lineId: 'l1',
      productId: 'prd-1',
      name: 'Croissant',
      quantity: 2,
      measure: 'unit',
      unitPrice: 100,
      lineDiscount: 0,
      net: 200,
      rateBp: 550,
      salespersonId: null,
    },
  ],
  tenders: [{ method: 'cash', amount: 200, status: null, maskedPan: null }],
  vat: [{ code: 'B', rateBp: 550, base: 190, vat: 10, inclusive: 200 }],
  receiptText: {
    width: 20,
    lines: [
      { kind: 'text', text: 'BOULANGERIE', bold: true, large: true },
      { kind: 'rule' },
      { kind: 'text', text: 'Croissant     2,00 B' },
    ],
  },
  returns: [{ saleId: 'r1', receipt: 'S1-T1-000003', completedAt: '2026-11-23T11:00:00.000Z', total: -100 }],
  original: null,
  fiscal: { status: 'verified', journal: 1, seq: 1, verifiedSeq: 3, breaks: [] },
};

/** The sales routes in memory: the list's first page and second (by cursor), one sale, a refusal for receipt "bad"; the store's settings with `timeZone` when given. */
function salesHub(timeZone?: string) {
  const admin = vi.fn<OfficeClient['admin']>(async (_method, path) => {
    const url = new URL(path, 'http://hub');
    if (url.searchParams.get('receipt') === 'bad') throw new OfficeApiError('invalid_receipt', 400);
    if (url.pathname === '/stores/S1/sales') {
      return url.searchParams.get('cursor') === 'c2' ? { rows: SECOND, next: null } : { rows: FIRST, next: 'c2' };
    }
    if (url.pathname === '/stores/S1/staff') {
      return { staff: [{ staffId: 'lou', displayName: 'Lou Bernard', role: 'cashier', badgeCode: null, disabled: false }] };
    }
    if (url.pathname === '/stores/S1/settings' && timeZone) return { settings: { name: 'Nouméa', timeZone } };
    if (url.pathname === '/stores/S1/sales/s1') return DETAIL;
    if (url.pathname === '/stores/S1/sales/r1') return { ...DETAIL, saleId: 'r1', kind: 'return', receipt: 'S1-T1-000003', returns: [] };
    throw new OfficeApiError('not_found', 404);
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof salesHub>, locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <SalesPage page="sales" access="read" me={userWith('accountant', { stores: ['S1'] })} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

const lastQuery = (hub: ReturnType<typeof salesHub>) => new URL(hub.admin.mock.calls.at(-1)![1], 'http://hub').searchParams;

describe('the Sales page', () => {
  it('lists the store’s sales in French, amounts in euros, status in words, a page at a time', async () => {
    const hub = salesHub();
    open(hub);
    const table = await screen.findByRole('table', { name: 'Ventes du magasin, les plus récentes d’abord' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toMatch(/S1-T1-000002.*1\s234,56\s€.*Vérifiée/);
    expect(rows[2]?.textContent).toMatch(/Retour.*-1,00\s€.*Rupture/);
    expect((screen.getByRole('button', { name: 'Page précédente' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    expect(await screen.findByRole('button', { name: 'Ouvrir le ticket S1-T1-000001' })).toBeTruthy();
    expect(lastQuery(hub).get('cursor')).toBe('c2');
    expect((screen.getByRole('button', { name: 'Page suivante' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Page précédente' }));
    expect(await screen.findByRole('button', { name: 'Ouvrir le ticket S1-T1-000002' })).toBeTruthy();
    expect(lastQuery(hub).get('cursor')).toBeNull();
  });

  it('shows the times at the store’s clock, its zone named, in the list and in a sale', async () => {
    const hub = salesHub('Pacific/Noumea');
    open(hub);
    const table = await screen.findByRole('table', { name: 'Ventes du magasin, les plus récentes d’abord' });
    expect(within(table).getByRole('columnheader', { name: 'Heure (fuseau Pacific/Noumea)' })).toBeTruthy();
    // 10:00 UTC is 21:00 in Nouméa (UTC+11).
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('23/11/2026 21:00');
    expect(hub.admin).toHaveBeenCalledWith('GET', '/stores/S1/settings');
    await userEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Ouvrir le ticket S1-T1-000001' }));
    expect(await screen.findByText(/^22\/11\/2026 20:01 \(fuseau Pacific\/Noumea\) · Caisse T1/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Retours de cette vente' }).textContent).toContain('23/11/2026 22:00');
  });

  it('sends the filters (amounts in cents), refuses an amount that is not one, says a refusal in French', async () => {
    const hub = salesHub();
    open(hub);
    await screen.findByRole('table');
    await userEvent.type(screen.getByLabelText('Montant minimum (€)'), '12,5');
    await userEvent.type(screen.getByLabelText('Caisse'), 'T2');
    const cashier = screen.getByLabelText('Caissier (identifiant)') as HTMLInputElement;
    await waitFor(() => expect(cashier.list?.querySelector('option[value="lou"]')?.textContent).toBe('Lou Bernard'));
    await userEvent.selectOptions(screen.getByLabelText('Moyen de paiement'), 'card');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'return');
    await userEvent.type(screen.getByLabelText('Du (date d’activité)'), '2026-11-01');
    await userEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() =>
      expect(Object.fromEntries(lastQuery(hub))).toEqual({
        minAmount: '1250',
        tillId: 'T2',
        tender: 'card',
        kind: 'return',
        from: '2026-11-01',
        limit: '50',
      }),
    );
    const calls = hub.admin.mock.calls.length;
    await userEvent.type(screen.getByLabelText('Montant maximum (€)'), 'douze');
    await userEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect(screen.getByRole('alert').textContent).toMatch('Saisissez un montant en euros, par exemple 12,50.');
    expect(hub.admin.mock.calls.length).toBe(calls);
    await userEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    await userEvent.type(screen.getByLabelText('Ticket (code imprimé ou identifiant)'), 'bad');
    await userEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      'Saisissez un code de ticket (S001-T01-000042) ou un identifiant de vente.',
    );
  });

  it('opens a sale: its receipt as printed, its figures, its fiscal status, its returns leading to them', async () => {
    const hub = salesHub();
    open(hub, 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Next page' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Open receipt S1-T1-000001' }));
    expect(await screen.findByRole('heading', { name: 'Sale S1-T1-000001' })).toBeTruthy();
    const printed = screen.getByRole('region', { name: 'Receipt as printed' }).querySelector('pre');
    expect(printed?.textContent).toBe('BOULANGERIE\n--------------------\nCroissant     2,00 B\n');
    expect(within(screen.getByRole('table', { name: 'Lines' })).getByRole('row', { name: /Croissant/ }).textContent).toMatch(/€2\.00/);
    expect(screen.getByText('Verified')).toBeTruthy();
    expect(screen.getByText(/Sequence 1 of journal 1; chain verified up to 3\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'S1-T1-000003' }));
    expect(await screen.findByRole('heading', { name: 'Return S1-T1-000003' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(await screen.findByRole('table', { name: 'The store’s sales, newest first' })).toBeTruthy();
  });
});
