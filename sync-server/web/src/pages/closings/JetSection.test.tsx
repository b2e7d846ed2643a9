import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n } from '../../test-support/render';
import { JetSection } from './JetSection';

const entry = (seq: number, type: string, code: number | null, details: Record<string, unknown> = {}) => ({
  tillId: 'T1',
  journal: 1,
  seq,
  sealedAt: `2026-03-02T1${seq}:00:00.000Z`,
  type,
  code,
  staffId: null,
  details,
  status: seq === 1 ? 'broken' : 'verified',
});

function show(admin: (method: string, path: string) => Promise<unknown>, locale: 'fr' | 'en' = 'fr') {
  const spy = vi.fn(admin);
  renderWithI18n(
    <OfficeClientContext.Provider value={fakeClient({ admin: spy })}>
      <JetSection storeId="S1" />
    </OfficeClientContext.Provider>,
    locale,
  );
  return spy;
}

describe('the JET viewer', () => {
  it('lists the events with their code, words, time, till and details; pages on; filters and exports the same', async () => {
    const admin = show(async (_method, path) =>
      path.includes('cursor=')
        ? { events: [entry(1, 'till.start', 80, { appVersion: '1.4.0' })], next: null }
        : path.includes('code=190')
          ? { events: [entry(3, 'sale.void', 190, { total: 250 })], next: null }
          : { events: [entry(3, 'sale.void', 190, { total: 250 }), entry(2, 'cash.count', null)], next: 'c2' },
    );
    const table = await screen.findByRole('table', { name: 'Journal des événements techniques, les plus récents d’abord' });
    const voided = within(table).getByRole('rowheader', { name: 'Ticket annulé avant paiement' }).closest('tr')!;
    expect(
      within(voided)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['190', expect.stringMatching(/02\/03\/2026/), 'T1', 'total: 250']);
    expect(within(table).getByRole('rowheader', { name: 'Comptage de la caisse' }).closest('tr')!.firstChild!.textContent).toBe('—');

    await userEvent.click(screen.getByRole('button', { name: 'Événements plus anciens' }));
    expect(await within(table).findByRole('rowheader', { name: 'Démarrage de la caisse (chaîne rompue)' })).toBeTruthy();
    expect(admin).toHaveBeenLastCalledWith('GET', '/stores/S1/jet?cursor=c2');
    expect(screen.queryByRole('button', { name: 'Événements plus anciens' })).toBeNull();

    const filters = screen.getByRole('form', { name: 'Filtrer le journal des événements' });
    await userEvent.selectOptions(within(filters).getByLabelText('Code JET'), '190');
    await userEvent.type(within(filters).getByLabelText('Caisse'), 'T1');
    await userEvent.click(within(filters).getByRole('button', { name: 'Filtrer' }));
    expect(admin).toHaveBeenLastCalledWith('GET', '/stores/S1/jet?tillId=T1&code=190');
    const filtered = await screen.findByRole('table');
    expect(within(filtered).getAllByRole('row')).toHaveLength(2);
    expect(
      screen.getByRole('button', { name: 'Exporter Journal des événements techniques, les plus récents d’abord en CSV' }),
    ).toBeTruthy();
  });

  it('says a refusal in the page’s words, in English too', async () => {
    show(async () => {
      throw new OfficeApiError('invalid_jet_range', 400);
    }, 'en');
    expect((await screen.findByRole('alert')).textContent).toBe('The end date is before the start date.');
  });
});
