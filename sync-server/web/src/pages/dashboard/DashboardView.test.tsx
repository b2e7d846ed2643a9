import type { DashboardAnswer, DashboardRow } from '@pos/core/sync/head-office-api';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OfficeClient, OfficeRole } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import { DashboardView } from './DashboardView';
import type { EventSourceLike } from './live-reports';
import { periodRange } from './period';

const figures = (netIncl: number, tickets: number) => ({
  tickets,
  returns: 1,
  netIncl,
  netExcl: Math.round(netIncl / 1.2),
  returnsIncl: 500,
  discounts: 250,
  items: tickets * 2,
});
const totals = (netIncl: number, tickets: number) => ({
  ...figures(netIncl, tickets),
  averageBasket: tickets ? Math.round(netIncl / tickets) : 0,
  itemsPerTicket: 2,
});
const row = (key: string, netIncl: number, tickets = 1): DashboardRow => ({ key, ...figures(netIncl, tickets) });

const ANSWER: DashboardAnswer = {
  stores: ['S1', 'S2'],
  from: '2026-12-07',
  to: '2026-12-07',
  totals: totals(150_000, 40),
  previous: { ...totals(100_000, 40), from: '2026-12-06', to: '2026-12-06' },
  lastYear: { ...totals(0, 0), from: '2025-12-07', to: '2025-12-07' },
  by: {
    store: [row('S1', 100_000, 30), row('S2', 50_000, 10)],
    day: [row('2026-12-07', 150_000, 40)],
    weekday: [row('1', 150_000, 40)],
    hour: [row('9', 40_000), row('10', 110_000)],
    till: [row('S1/T1', 150_000, 40)],
    channel: [row('store', 150_000, 40)],
    cashier: [row('staff-camille', 110_000, 30), row('staff-old', 40_000, 10)],
    salesperson: [row('staff-camille', 150_000, 40)],
    tender: [row('cash', 50_000), row('card', 100_000)],
    vat: [row('550', 30_000), row('2000', 120_000)],
    category: [row('Épicerie', 150_000, 40)],
  },
  topProducts: [{ ...row('prd-1', 90_000), quantity: 12 }],
  bottomProducts: [{ ...row('prd-2', 1_000), quantity: 1 }],
  topCategories: [{ ...row('Épicerie', 150_000), quantity: 13 }],
  bottomCategories: [{ ...row('', 0), quantity: 0 }],
  vouchers: { giftCardsSold: 12_000, giftCardsRedeemed: 4_500, storeCreditIssued: 700, storeCreditRedeemed: 0 },
  names: { stores: { S1: 'Paris', S2: 'Lyon' }, products: { 'prd-1': 'Pâté de campagne' }, staff: { 'staff-camille': 'Camille Roux' } },
};

/** A fake EventSource the test drives: `emit('reports', {storeId})`. */
function fakeEvents() {
  const listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  const urls: string[] = [];
  const source: EventSourceLike = {
    addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    onerror: null,
    close: vi.fn(),
  };
  return {
    urls,
    open: (url: string) => {
      urls.push(url);
      return source;
    },
    emit: (type: string, data: unknown = {}) =>
      listeners.get(type)?.forEach((l) => l(new MessageEvent(type, { data: JSON.stringify(data) }))),
  };
}

function open(role: OfficeRole, locale: 'fr' | 'en' = 'fr') {
  const admin = vi.fn<OfficeClient['admin']>(async (_method, path) => {
    if (path === '/stores')
      return {
        stores: [
          { storeId: 'S1', name: 'Paris' },
          { storeId: 'S2', name: 'Lyon' },
        ],
      };
    if (path.startsWith('/reports/dashboard?')) return ANSWER;
    throw new Error(`unexpected ${path}`);
  });
  const events = fakeEvents();
  renderWithI18n(
    <OfficeClientContext.Provider value={fakeClient({ admin })}>
      <DashboardView me={userWith(role, { stores: ['S1', 'S2'] })} today="2026-12-07" openEvents={events.open} />
    </OfficeClientContext.Provider>,
    locale,
  );
  return { admin, events };
}

const dashboardCalls = (admin: ReturnType<typeof vi.fn>) => admin.mock.calls.filter(([, path]) => String(path).startsWith('/reports/'));

// The charts' chunk (the chart library) loads on first use: slower than the rest under a full run.
describe('the dashboard', { timeout: 20_000 }, () => {
  it('shows the key figures in euros with their change on both periods, in words for screen readers', async () => {
    const { admin } = open('admin');
    const kpis = await screen.findByRole('region', { name: 'Indicateurs clés' });
    const net = within(kpis).getByRole('heading', { name: 'Ventes nettes TTC' }).closest('li')!;
    // French groups digits and sets % and € apart with (narrow) no-break spaces.
    const text = net.textContent!.replace(/\s/g, ' ');
    expect(text).toContain('1 500,00 €');
    expect(text).toContain('en hausse de 50 % par rapport à la période précédente (6 déc. 2026 – 6 déc. 2026)');
    expect(text).toContain('pas de comparaison possible avec la même période l’an dernier');
    expect(dashboardCalls(admin)[0]![1]).toBe('/reports/dashboard?from=2026-12-07&to=2026-12-07');
    // Gift cards apart from the key figures: sold against redeemed.
    const vouchers = screen.getByRole('region', { name: 'Cartes cadeaux et avoirs' }).textContent!.replace(/\s/g, ' ');
    expect(vouchers).toContain('Cartes cadeaux vendues et rechargées120,00 €');
    expect(vouchers).toContain('Cartes cadeaux utilisées45,00 €');
  });

  it('lists every breakdown and ranking in tables with captions, names and rates as people read them', async () => {
    open('regional', 'en');
    const stores = await screen.findByRole('table', { name: 'Sales by store' });
    expect(
      within(stores)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Paris', 'Lyon']);
    const vat = screen.getByRole('table', { name: 'Sales by VAT rate' });
    expect(
      within(vat)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['5.5%', '20%']);
    expect(within(screen.getByRole('table', { name: 'Sales by tender' })).getAllByRole('rowheader')[0]!.textContent).toBe('Cash');
    expect(within(screen.getByRole('table', { name: 'Sales by till' })).getByRole('rowheader').textContent).toBe('T1 (Paris)');
    // Cashiers and salespeople by name; an id the hub has no name for stays shown as it is.
    const cashiers = within(screen.getByRole('table', { name: 'Sales by cashier' })).getAllByRole('rowheader');
    expect(cashiers.map((h) => h.textContent)).toEqual(['Camille Roux', 'staff-old']);
    expect(within(screen.getByRole('table', { name: 'Sales by salesperson' })).getByRole('rowheader').textContent).toBe('Camille Roux');
    const top = screen.getByRole('table', { name: 'Best-selling products' });
    expect(within(top).getByRole('rowheader').textContent).toBe('Pâté de campagne');
    expect(screen.getByRole('button', { name: 'Export the table “Best-selling products” as CSV' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Least-selling categories' })).getByRole('rowheader').textContent).toBe('No category');
    const hours = await screen.findByRole('figure', { name: 'Net sales incl. VAT by hour' }, { timeout: 10_000 });
    expect(hours.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(hours).getByRole('table', { name: 'Sales by hour', hidden: true })).toBeTruthy();
    expect(screen.getByText(/from €400.00 \(09:00\) to €1,100.00 \(10:00\)/)).toBeTruthy();
  });

  it('asks for the period and stores chosen, and refuses a custom range backwards', async () => {
    const { admin } = open('admin', 'en');
    await screen.findByRole('region', { name: 'Key figures' });
    await userEvent.click(screen.getByRole('button', { name: 'Last month' }));
    await waitFor(() => expect(dashboardCalls(admin).at(-1)![1]).toBe('/reports/dashboard?from=2026-11-01&to=2026-11-30'));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Lyon (S2)' }));
    await waitFor(() => expect(dashboardCalls(admin).at(-1)![1]).toBe('/reports/dashboard?stores=S1&from=2026-11-01&to=2026-11-30'));
    await userEvent.click(screen.getByRole('button', { name: 'Custom dates' }));
    await userEvent.clear(screen.getByLabelText('From'));
    await userEvent.type(screen.getByLabelText('From'), '2026-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a start date before the end date, two years at most.');
    expect(periodRange('week', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(periodRange('month', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  });

  it('reads the figures again a moment after a sale of a store it shows, not for another store', async () => {
    const { admin, events } = open('admin', 'en');
    await screen.findByRole('region', { name: 'Key figures' });
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Lyon (S2)' }));
    await waitFor(() => expect(events.urls.at(-1)).toBe('?stores=S1'));
    events.emit('ready');
    const before = dashboardCalls(admin).length;
    events.emit('reports', { storeId: 'S2' });
    events.emit('reports', { storeId: 'S1' });
    events.emit('reports', { storeId: 'S1' });
    await waitFor(() => expect(dashboardCalls(admin).length).toBe(before + 1), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(dashboardCalls(admin).length).toBe(before + 1);
    expect(screen.getByText(/Updated live with every sale/).getAttribute('role')).toBe('status');
  });
});
