import { receiptNumber, saleDocFromRecord } from '@pos/core';
import { cashSale, unsignedSaleRecord } from '@pos/core/test-support/sample-sale';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../state/app-store';
import { replaceProfile } from '../../state/services';
import { plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { salesOfToday } from './history-queries';

let till: Till;
beforeEach(async () => {
  till = await startTill();
});
afterEach(async () => {
  await stopTill();
});

async function storeSale(seq: number, completedAt: string): Promise<void> {
  const record = unsignedSaleRecord(cashSale({ saleId: `sale-${seq}`, completedAt }), seq);
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

describe("today's sales", () => {
  it("are the store's day, not the machine's", async () => {
    // 09:00 UTC on 6 December is already 7 December in Kiritimati; 11:00 UTC is 7 December's first hours.
    await storeSale(1, '2026-12-06T09:00:00.000Z');
    await storeSale(2, '2026-12-06T11:00:00.000Z');
    const found = await salesOfToday(till.db.docs, 'Pacific/Kiritimati', new Date('2026-12-06T16:00:00.000Z'));
    expect(found.map((s) => s.seq)).toEqual([2]);
    const paris = await salesOfToday(till.db.docs, 'Europe/Paris', new Date('2026-12-06T16:00:00.000Z'));
    expect(paris.map((s) => s.seq)).toEqual([2, 1]);
  });
});
