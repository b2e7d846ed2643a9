import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../state/app-store';
import { MANAGER } from '../../test-support/fake-bridge';
import { renderTill, startTill, stopTill } from '../../test-support/till-harness';

afterEach(async () => {
  await stopTill();
});

/** The status bar at its fullest: a manager, a printer with three conditions, storage not persisted. */
async function fullestBar(): Promise<HTMLElement> {
  await startTill({ staff: MANAGER });
  renderTill();
  act(() =>
    useAppStore.setState({
      storagePersisted: false,
      printer: {
        state: 'offline',
        conditions: ['drawer-open', 'paper-near-end', 'cover-open'],
        target: 'tcp://192.168.1.20:9100',
        checkedAt: new Date(0).toISOString(),
      },
    }),
  );
  return screen.getByRole('banner');
}

describe('the status bar on a 1024 px till', () => {
  it('names the most urgent printer condition and how many more, every one in its accessible name', async () => {
    const bar = await fullestBar();
    const printer = within(bar).getByRole('status', { name: /^Imprimante/ });
    expect(printer.textContent).toBe('Imprimante: capot ouvert +2');
    expect(printer.getAttribute('aria-label')).toContain('capot ouvert, papier bientôt fini, tiroir ouvert');
    expect(printer.title).toBe(printer.getAttribute('aria-label'));
  });

  it('keeps every action, by its full name, in a group that does not shrink', async () => {
    const bar = await fullestBar();
    const actions = bar.querySelector('.status-actions') as HTMLElement;
    for (const name of ['Aide', 'Ouvrir le tiroir', 'Périphériques', 'Verrouiller'])
      expect(within(actions).getByRole('button', { name })).toBeTruthy();
    expect(within(actions).getByRole('combobox', { name: 'Langue' })).toBeTruthy();
    expect(within(bar).getByRole('button', { name: /^Synchro:/ })).toBeTruthy();
  });

  it('says little on screen: short states, the full sentences in titles', async () => {
    const bar = await fullestBar();
    // At 14 px a line of 1024 px holds about 140 characters, buttons' padding included.
    const seen = bar.cloneNode(true) as HTMLElement;
    seen.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    expect(seen.textContent!.length).toBeLessThanOrEqual(140);
    expect(within(bar).getByRole('status', { name: /Stockage non garanti/ }).textContent).toBe('⚠ Stockage');
    expect(within(bar).getByRole('button', { name: 'Ouvrir le tiroir' }).textContent).toBe('Tiroir');
  });

  it('folds language, drawer and devices behind one button that Escape or a touch outside folds again', async () => {
    const bar = await fullestBar();
    const more = within(bar).getByRole('button', { name: 'Autres actions' });
    const items = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(within(items).getByRole('button', { name: 'Périphériques' })).toBeTruthy();
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(items.dataset.open).toBe('true');
    fireEvent.keyDown(within(items).getByRole('button', { name: 'Ouvrir le tiroir' }), { key: 'Escape' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    fireEvent.pointerDown(document.body);
    expect(items.dataset.open).toBeUndefined();
  });
});
