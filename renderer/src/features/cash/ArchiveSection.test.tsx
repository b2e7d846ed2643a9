import { PosError, type ArchiveResult } from '@pos/core';
import { act, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceProfile } from '../../state/services';
import { MANAGER } from '../../test-support/fake-bridge';
import { plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { archiveDates } from './archive-period';
import { useCashStore } from './cash-store';

let till: Till;
let user: UserEvent;

afterEach(async () => {
  useCashStore.setState({ view: null, screen: null });
  await stopTill();
});

const FILE = 'archive-S001-T01-2025-01-01-2025-12-31-abcdef12.zip';
/** The zip as the host sends it: two pieces of three bytes. */
const BYTES = ['UEsD', 'BAUG'];

/** The host's archive.download over BYTES. */
const piece = ({ offset }: { file: string; offset: number }) => ({
  filename: FILE,
  mediaType: 'application/zip',
  base64: BYTES[offset / 3],
  offset,
  total: 6,
});

async function archiveSection(): Promise<HTMLElement> {
  till = await startTill({ staff: MANAGER });
  user = userEvent.setup();
  renderTill();
  await user.click(screen.getByRole('button', { name: 'Caisse' }));
  await user.click(within(await screen.findByRole('dialog', { name: 'Caisse' })).getByRole('button', { name: 'Clôtures' }));
  const panel = await screen.findByRole('dialog', { name: 'Clôtures fiscales' });
  return within(panel).getByRole('region', { name: 'Archive du journal de cette caisse' });
}

describe('archiving the till’s journal from the closings', () => {
  it('archives a fiscal year with a progress bar, then offers the zip put together from its pieces', async () => {
    const section = await archiveSection();
    replaceProfile({ ...till.profile, fiscalYearStartMonth: 7 });
    let finish: (result: ArchiveResult) => void = () => undefined;
    till.handle('archive.create', () => new Promise<ArchiveResult>((resolve) => (finish = resolve)));
    till.handle('archive.download', piece);
    await user.click(within(section).getByRole('button', { name: 'Exercice' }));
    const year = within(section).getByLabelText('Période à archiver').textContent ?? '';
    expect(year).toMatch(/^\d{4}$/);
    await user.click(within(section).getByRole('button', { name: `Archiver ${year}` }));
    // A fiscal year starting in July: July of that year to the end of June after.
    expect(till.callsOf('archive.create')).toEqual([{ from: `${year}-07-01`, to: `${Number(year) + 1}-06-30` }]);
    expect(within(section).getByRole('button', { name: `Archiver ${year}` })).toHaveProperty('disabled', true);

    act(() => till.emit('archive.progress', { records: 1500, total: 6000 }));
    const bar = within(section).getByRole('progressbar');
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['1500', '6000']);
    expect(plain(bar.parentElement?.textContent)).toBe('Journal lu : 1 500 sur 6 000 enregistrements');

    await act(async () =>
      finish({
        archiveId: 'abcdef12-0000',
        file: FILE,
        bytes: 6,
        period: { from: `${year}-07-01`, to: `${Number(year) + 1}-06-30` },
        records: 6000,
        jetCode: 30,
        manifestSha256: 'a'.repeat(64),
        keyId: '0123456789abcdef',
        event: {} as ArchiveResult['event'],
      }),
    );
    const link = await within(section).findByRole('link', { name: `Télécharger ${FILE}` });
    expect(link.getAttribute('download')).toBe(FILE);
    expect(link.getAttribute('href')).toMatch(/^blob:/);
    expect(till.callsOf('archive.download')).toEqual([
      { file: FILE, offset: 0 },
      { file: FILE, offset: 3 },
    ]);
    expect(plain(within(section).getByText(/^Archive faite/).textContent)).toBe(
      'Archive faite : 6 000 enregistrement(s), signée par la clé de la caisse 0123456789abcdef.',
    );
    expect(within(section).queryByRole('progressbar')).toBeNull();
  });

  it('says in French why the host refused, and offers nothing to download', async () => {
    const section = await archiveSection();
    till.handle('archive.create', () => {
      throw new PosError('INVALID_REQUEST', 'Cannot archive: longer than 12 months', { reason: 'archive-period' });
    });
    const month = within(section).getByLabelText('Période à archiver').textContent ?? '';
    await user.click(within(section).getByRole('button', { name: `Archiver ${month}` }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'Une archive couvre au plus douze mois : choisissez une période plus courte.',
    );
    expect(till.callsOf('archive.create')).toEqual([archiveDates('month', month)]);
    expect(within(section).queryByRole('link')).toBeNull();
  });
});

describe('a long archive in browser mode', () => {
  it('keeps waiting after the call times out, and offers the archive the host says it made', async () => {
    const section = await archiveSection();
    till.handle('archive.create', () => {
      throw new PosError('TIMEOUT', 'archive.create got no answer from the till host');
    });
    till.handle('archive.download', piece);
    const month = within(section).getByLabelText('Période à archiver').textContent ?? '';
    await user.click(within(section).getByRole('button', { name: `Archiver ${month}` }));
    act(() => till.emit('archive.progress', { records: 10, total: 20 }));
    expect(within(section).getByRole('progressbar').getAttribute('value')).toBe('10');
    expect(within(section).queryByRole('alert')).toBeNull();
    const made = { archiveId: 'x', file: FILE, bytes: 6, period: archiveDates('month', month), records: 20, jetCode: 20 as const };
    act(() =>
      till.emit('archive.progress', {
        records: 20,
        total: 20,
        done: { ...made, manifestSha256: 'b'.repeat(64), keyId: 'fedcba9876543210', event: {} as ArchiveResult['event'] },
      }),
    );
    expect(await within(section).findByRole('link', { name: `Télécharger ${FILE}` })).toBeTruthy();
    expect(within(section).queryByRole('alert')).toBeNull();
  });
});

describe('archiveDates', () => {
  it('covers a month, a calendar year and a fiscal year to their last day', () => {
    expect(archiveDates('month', '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(archiveDates('month', '2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(archiveDates('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(archiveDates('year', '2026', 4)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
});
