import { receiptNumber, saleDocFromRecord, type SalePayloadV1 } from '@pos/core';
import { cashSale, unsignedSaleRecord } from '@pos/core/test-support/sample-sale';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../state/app-store';
import { replaceProfile } from '../../state/services';
import { plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { byBusinessDate, recentSales } from './history-queries';

let till: Till;
beforeEach(async () => {
  till = await startTill();
});
afterEach(async () => {
  vi.useRealTimers();
  await stopTill();
});

/** A sale of this till; `businessDate` as sealed when the store's day start puts it on another day than the calendar's. */
async function storeSale(seq: number, completedAt: string, businessDate?: string): Promise<void> {
  const payload = cashSale({ saleId: `sale-${seq}`, completedAt }) as SalePayloadV1;
  const record = unsignedSaleRecord(businessDate ? { ...payload, businessDate } : payload, seq);
  await till.db.docs.sales.insert(saleDocFromRecord(record));
}

function history(): HTMLElement {
  return screen.getByRole('region', { name: 'Ventes de cette caisse' });
}

async function openHistory(): Promise<HTMLElement> {
  renderTill();
  act(() => useAppStore.getState().setPanel('history'));
  return history();
}

describe('the history', () => {
  it('clears the open receipt and says which receipt this till does not have', async () => {
    await storeSale(7, new Date(Date.now() - 60_000).toISOString());
    const user = userEvent.setup();
    const panel = await openHistory();
    await user.click(await within(panel).findByRole('button', { name: 'Voir le ticket S001-T01-000007' }));
    expect(within(panel).getByRole('button', { name: 'Réimprimer (duplicata)' })).toBeTruthy();

    await user.type(within(panel).getByLabelText('Numéro de ticket'), '999');
    expect(plain((await within(panel).findByRole('status')).textContent)).toBe(
      `Aucun ticket n° ${receiptNumber('T01', 999)} sur ce poste.`,
    );
    expect(within(panel).queryByRole('button', { name: 'Réimprimer (duplicata)' })).toBeNull();
    expect(within(panel).queryByRole('figure')).toBeNull();
  });

  it('says a text that is no receipt number is not one', async () => {
    const user = userEvent.setup();
    const panel = await openHistory();
    await user.type(within(panel).getByLabelText('Numéro de ticket'), 'abc');
    expect(plain((await within(panel).findByRole('status')).textContent)).toBe(
      '« abc » n’est pas un numéro de ticket (ex. 42 ou S001-T01-000042).',
    );
  });

  it('shows the time of a sale in the store’s time zone, as its receipt prints it', async () => {
    // Kiritimati is UTC+14: no test machine's zone gives the same hour.
    const timeZone = 'Pacific/Kiritimati';
    act(() => replaceProfile({ ...till.profile, timeZone }));
    const completedAt = new Date(Date.now() - 60_000).toISOString();
    await storeSale(8, completedAt);
    const storeTime = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone }).format(new Date(completedAt));
    const machineTime = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' }).format(new Date(completedAt));
    expect(storeTime).not.toBe(machineTime);

    const panel = await openHistory();
    const row = (await within(panel).findByRole('button', { name: 'Voir le ticket S001-T01-000008' })).closest('tr')!;
    await waitFor(() => expect(plain(row.cells[1]!.textContent)).toBe(plain(storeTime)));
  });
});

describe('the sales of the last two business days', () => {
  it("are the store's days, not the machine's", async () => {
    // 16:00 UTC on 6 December is 7 December 06:00 in Kiritimati (UTC+14): its business days are the 7th and the 6th.
    await storeSale(1, '2026-12-05T09:00:00.000Z'); // 5 December 23:00 there: too old
    await storeSale(2, '2026-12-05T11:00:00.000Z'); // 6 December 01:00 there
    await storeSale(3, '2026-12-06T11:00:00.000Z'); // 7 December 01:00 there
    const settings = { timeZone: 'Pacific/Kiritimati', dayStartHour: 0 };
    const found = await recentSales(till.db.docs, settings, new Date('2026-12-06T16:00:00.000Z'));
    expect(found.map((s) => s.seq)).toEqual([3, 2]);
    const paris = await recentSales(till.db.docs, { timeZone: 'Europe/Paris', dayStartHour: 0 }, new Date('2026-12-06T16:00:00.000Z'));
    expect(paris.map((s) => s.seq)).toEqual([3, 2, 1]);
  });

  it('are grouped by business date, a version 0 sale by the store’s day start', () => {
    const v0 = { ...cashSale({ saleId: 'old', completedAt: '2026-12-07T00:30:00.000Z' }), v: undefined, businessDate: undefined };
    const doc = saleDocFromRecord(unsignedSaleRecord(v0 as never, 9));
    // 01:30 in Paris: the day before with a 04:00 day start, that day with midnight.
    expect(byBusinessDate([doc], { timeZone: 'Europe/Paris', dayStartHour: 4 }).map((d) => d.businessDate)).toEqual(['2026-12-06']);
    expect(byBusinessDate([doc], { timeZone: 'Europe/Paris', dayStartHour: 0 }).map((d) => d.businessDate)).toEqual(['2026-12-07']);
  });

  it('shows a sale at 01:30 under the day before when the store’s day starts at 04:00', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T09:00:00.000Z')); // 10:00 in Paris
    act(() => replaceProfile({ ...till.profile, timeZone: 'Europe/Paris', dayStartHour: 4 }));
    await storeSale(1, '2026-12-06T10:00:00.000Z', '2026-12-06');
    await storeSale(2, '2026-12-07T00:30:00.000Z', '2026-12-06'); // 01:30 on the 7th in Paris
    await storeSale(3, '2026-12-07T08:00:00.000Z', '2026-12-07');
    const panel = await openHistory();
    const today = await within(panel).findByRole('table', { name: 'Aujourd’hui, journée du 07/12/2026' });
    const before = within(panel).getByRole('table', { name: 'Journée du 06/12/2026' });
    const numbers = (table: HTMLElement) =>
      within(table)
        .getAllByRole('button')
        .map((b) => b.textContent);
    expect(numbers(today)).toEqual(['S001-T01-000003']);
    expect(numbers(before)).toEqual(['S001-T01-000002', 'S001-T01-000001']);
    expect(
      within(panel)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Aujourd’hui, journée du 07/12/2026', 'Journée du 06/12/2026']);
  });
});
