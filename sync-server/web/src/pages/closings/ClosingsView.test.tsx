import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n } from '../../test-support/render';
import type { ArchiveOptions } from './ArchiveExport';
import type { Progress } from './archive-download';
import { ClosingsView } from './ClosingsView';

const summary = (more: Record<string, unknown>) => ({
  journal: 1,
  sessionId: null,
  sealedAt: '2026-03-02T20:00:00.000Z',
  differences: [],
  missing: [],
  problem: null,
  checkedAt: '2026-03-02T20:01:00.000Z',
  totals: { currency: 'EUR', net: 10000, tickets: 3, cashVariance: 0 },
  ...more,
});

const CLOSINGS = [
  summary({ tillId: 'T1', seq: 1, kind: 'z', businessDate: '2026-03-02', status: 'match' }),
  summary({
    tillId: 'T2',
    seq: 4,
    kind: 'z',
    businessDate: '2026-03-02',
    status: 'difference',
    totals: { currency: 'EUR', net: 123456, tickets: 42, cashVariance: -250 },
    differences: [
      { figure: 'figures.tenders.cash.counted', sealed: 10000, recomputed: 9800 },
      { figure: 'figures.totals.total.net', sealed: 123456, recomputed: 120000 },
    ],
  }),
  summary({
    tillId: 'T3',
    seq: 2,
    kind: 'z',
    businessDate: '2026-03-03',
    status: 'pending',
    missing: [{ chain: 'sale', from: 1200, to: 1204, why: 'gap' }],
  }),
  summary({ tillId: 'T1', seq: 9, kind: 'month', businessDate: '2026-02', status: 'match' }),
];

const DETAIL = {
  ...CLOSINGS[1],
  record: {
    payload: {
      type: 'closing.z',
      zNumber: 17,
      figures: {
        currency: 'EUR',
        totals: { total: { sales: 130000, returns: 6544, net: 123456 } },
        tenders: [{ method: 'cash', counted: 10000, variance: -250 }],
      },
      perpetualGrandTotal: 98765432,
      perpetualGrandTotalAbsolute: 99000000,
    },
  },
  recomputed: {
    figures: {
      totals: { total: { sales: 126544, returns: 6544, net: 120000 } },
      tenders: [{ method: 'cash', counted: 9800, variance: -250 }],
    },
  },
};

const CHAINS = {
  storeId: 'S1',
  tills: [
    {
      tillId: 'T1',
      invalidSales: 0,
      chains: [
        {
          chain: 'sale',
          journal: 1,
          verifiedSeq: 1234,
          verifiedHash: 'h',
          updatedAt: null,
          pending: { records: 3, lowestSeq: 1240, since: null },
          breaks: 1,
        },
      ],
    },
  ],
};

const BREAKS = {
  breaks: [
    {
      tillId: 'T1',
      chain: 'sale',
      journal: 1,
      seq: 1235,
      collection: null,
      docId: null,
      code: 'gap',
      problem: 'missing',
      details: null,
      foundAt: '2026-03-02T21:00:00.000Z',
      record: null,
    },
    {
      tillId: 'T1',
      chain: 'sale',
      journal: 1,
      seq: 1239,
      collection: 'sales',
      docId: 'd1',
      code: 'hash',
      problem: 'bad',
      details: null,
      foundAt: '2026-03-02T21:00:00.000Z',
      record: { seq: 1239, hash: 'abc' },
    },
  ],
};

function hubWith(answers: Record<string, unknown>): OfficeClient {
  return fakeClient({
    admin: vi.fn(async (_method: string, path: string) => {
      const key = path.split('?')[0]!;
      if (key in answers) {
        const answer = answers[key];
        if (answer instanceof Error) throw answer;
        return answer;
      }
      throw new OfficeApiError('not_found', 404);
    }),
  });
}

const HUB = {
  '/stores/S1/closings': { storeId: 'S1', closings: CLOSINGS },
  '/stores/S1/closings/T2/4': DETAIL,
  '/stores/S1/chains': CHAINS,
  '/stores/S1/chain-breaks': BREAKS,
};

function show(client: OfficeClient, archive: ArchiveOptions = {}, locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={client}>
      <ClosingsView storeId="S1" archive={archive} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the closings of a store', () => {
  it('lists the Z reports with their totals, a status in words and the differing figures named, exportable', async () => {
    show(hubWith(HUB));
    const table = await screen.findByRole('table', { name: 'Tickets Z par caisse et journée' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // a header and the three Z, not the monthly closing
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('Ventes nettes TTC');
    const t2 = within(table).getByRole('rowheader', { name: 'T2' }).closest('tr')!;
    const cells = within(t2)
      .getAllByRole('cell')
      .map((c) => c.textContent!.replace(/\s/g, ' '));
    expect(cells.slice(3, 6)).toEqual(['1 234,56 €', '42', '-2,50 €']);
    expect(within(t2).getByText('Écart')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Exporter : Tickets Z' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter Tickets Z en CSV' })).toBeTruthy();
    expect(t2.textContent).toContain('figures.totals.total.net');
    expect(within(table).getAllByText('Conforme')).toHaveLength(1);
    const t3 = within(table).getByRole('rowheader', { name: 'T3' }).closest('tr')!;
    expect(within(t3).getByText('En attente')).toBeTruthy();
    expect(t3.textContent!.replace(/\s/g, ' ')).toContain('Ventes : enregistrements n° 1 200 à 1 204 attendus');

    await userEvent.click(screen.getByRole('button', { name: 'Clôtures mensuelles' }));
    const months = screen.getByRole('table', { name: 'Clôtures mensuelles par caisse' });
    expect(within(months).getByText('2026-02')).toBeTruthy();
    // No cash count on a period closing: no variance column.
    expect(within(months).queryByRole('columnheader', { name: 'Écart de caisse (espèces)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Exporter Clôtures mensuelles en Excel (XLSX)' })).toBeTruthy();
  });

  it('opens a closing: key figures in French and the sealed figures beside the hub’s recomputation', async () => {
    show(hubWith(HUB));
    await userEvent.click(await screen.findByRole('button', { name: 'Clôture n° 4' }));
    const heading = await screen.findByRole('heading', { name: 'Clôture 4 de la caisse T2' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const text = (s: string) => s.replace(/\s/g, ' ');
    expect(text(screen.getByText(/987\s654,32/).textContent!)).toBe('987 654,32 €');
    expect(text(screen.getByText(/-2,50/).textContent!)).toBe('-2,50 €');
    const side = screen.getByRole('table', { name: 'Chiffres scellés par la caisse et recalculés par le serveur' });
    const net = within(side).getByRole('rowheader', { name: 'figures.totals.total.net (écart)' }).closest('tr')!;
    expect(
      within(net)
        .getAllByRole('cell')
        .map((c) => text(c.textContent!)),
    ).toEqual(['123 456', '120 000']);
    expect(within(side).queryByRole('rowheader', { name: 'figures.totals.total.returns (écart)' })).toBeNull();
    // Lists are named by their tender, as the hub names the figures it found different.
    const counted = within(side).getByRole('rowheader', { name: 'figures.tenders.cash.counted (écart)' }).closest('tr')!;
    expect(
      within(counted)
        .getAllByRole('cell')
        .map((c) => text(c.textContent!)),
    ).toEqual(['10 000', '9 800']);
    expect(within(side).getByRole('rowheader', { name: 'figures.tenders.cash.variance' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Retour à la liste' }));
    expect(await screen.findByRole('table', { name: 'Tickets Z par caisse et journée' })).toBeTruthy();
  });

  it('shows each till’s chain verified up to, waiting, and the breaks by their code with their records', async () => {
    show(hubWith(HUB));
    await screen.findByRole('table', { name: 'Tickets Z par caisse et journée' });
    await userEvent.click(screen.getByRole('button', { name: 'État des chaînes' }));
    const chains = screen.getByRole('table', { name: 'Chaînes fiscales par caisse' });
    const row = within(chains).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent!.replace(/\s/g, ' ')),
    ).toEqual(['Ventes', '1', '1 234', '3', '1']);
    const breaks = screen.getByRole('table', { name: 'Ruptures de chaîne, les plus récentes d’abord' });
    expect(within(breaks).getByRole('rowheader', { name: 'Trou dans la séquence' }).closest('tr')!.textContent).toContain(
      'Aucun (enregistrement manquant)',
    );
    const hash = within(breaks).getByRole('rowheader', { name: 'Empreinte incorrecte' }).closest('tr')!;
    expect(hash.querySelector('pre')!.textContent).toContain('"hash": "abc"');
  });

  it('speaks English with English numbers when asked', async () => {
    show(hubWith(HUB), {}, 'en');
    const table = await screen.findByRole('table', { name: 'Z reports per till and business day' });
    const t3 = within(table).getByRole('rowheader', { name: 'T3' }).closest('tr')!;
    expect(within(t3).getByText('Pending')).toBeTruthy();
    expect(t3.textContent).toContain('Sales: records 1,200 to 1,204 awaited');
  });

  it('says a refusal from its code, in French', async () => {
    show(hubWith({ ...HUB, '/stores/S1/closings': new OfficeApiError('forbidden', 403) }));
    expect((await screen.findByRole('alert')).textContent).toBe('Votre rôle ne permet pas cette action.');
  });
});

describe('the archive export', () => {
  it('refuses a period over twelve months, then shows the bytes as they arrive and saves the zip', async () => {
    let progress: (p: Progress) => void = () => {};
    let finish: (blob: Blob) => void = () => {};
    const download = vi.fn((_url: string, onProgress: (p: Progress) => void) => {
      progress = onProgress;
      return new Promise<Blob>((resolve) => (finish = resolve));
    });
    const save = vi.fn();
    show(hubWith(HUB), { download, save });
    await userEvent.click(screen.getByRole('button', { name: 'Archive fiscale' }));
    await userEvent.type(screen.getByLabelText('Du'), '2025-01-01');
    await userEvent.type(screen.getByLabelText('Au'), '2026-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger l’archive' }));
    expect(screen.getByRole('alert').textContent).toBe('La période dépasse douze mois : archivez au plus une année à la fois.');
    expect(download).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Au'));
    await userEvent.type(screen.getByLabelText('Au'), '2025-12-31');
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger l’archive' }));
    expect(download.mock.calls[0]![0]).toBe('/api/v1/admin/stores/S1/archive?from=2025-01-01&to=2025-12-31');
    const bar = screen.getByRole('progressbar', { name: 'Progression du téléchargement' });
    expect(bar.getAttribute('value')).toBeNull(); // indeterminate until a size is known
    progress({ received: 2048, total: 8192 });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('2048'));
    expect(bar.getAttribute('max')).toBe('8192');
    expect(screen.getByRole('status').textContent!.replace(/\s/g, ' ')).toBe('2 048 octets reçus sur 8 192');
    finish(new Blob(['zip']));
    expect((await screen.findByText(/Archive téléchargée/)).textContent).toBe('Archive téléchargée (3 octets).');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'archive-S1-2025-01-01-2025-12-31.zip');
  });
});
