import { PosError, type TrainingState } from '@pos/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MANAGER, MANAGER_PIN } from '../../test-support/fake-bridge';
import { typeManagerPin } from '../../test-support/manager-pin';
import { renderTill, startTill, stopTill } from '../../test-support/till-harness';
import { useTrainingStore } from './training-store';

afterEach(async () => {
  await stopTill();
  useTrainingStore.setState({ state: { on: false } });
});

const ON: TrainingState = { on: true, since: '2026-11-22T09:00:00.000Z', staffId: 'staff-sophie', approvedBy: 'staff-sophie' };

describe('training mode at the till', () => {
  it('a manager starts it from "Autres actions"; the banner says MODE ÉCOLE until it is stopped', async () => {
    const till = await startTill({ staff: MANAGER });
    let state: TrainingState = { on: false };
    till.handle('training.state', () => state);
    till.handle('training.set', ({ on }: { on: boolean }) => (state = on ? ON : { on: false }));
    renderTill();
    const bar = screen.getByRole('banner');
    expect(screen.queryByText('MODE ÉCOLE — ventes fictives')).toBeNull();
    fireEvent.click(within(bar).getByRole('button', { name: 'Démarrer le mode école' }));
    expect(await screen.findByText('MODE ÉCOLE — ventes fictives')).toBeTruthy();
    expect(till.calls.find((c) => c.name === 'training.set')?.request).toEqual({ on: true });
    const stop = within(bar).getByRole('button', { name: 'Arrêter le mode école' });
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(stop);
    await waitFor(() => expect(screen.queryByText('MODE ÉCOLE — ventes fictives')).toBeNull());
  });

  it('shows the banner after a restart when the host says training is on', async () => {
    const till = await startTill({ staff: MANAGER });
    till.handle('training.state', () => ON);
    renderTill();
    expect(await screen.findByText('MODE ÉCOLE — ventes fictives')).toBeTruthy();
    act(() => useTrainingStore.setState({ state: { on: false } }));
    expect(screen.queryByText('MODE ÉCOLE — ventes fictives')).toBeNull();
  });

  it('a cashier needs a manager: a wrong PIN is said in the dialog, which asks again', async () => {
    const till = await startTill();
    let state: TrainingState = { on: false };
    till.handle('training.state', () => state);
    till.handle('training.set', ({ on, managerPin }: { on: boolean; managerPin?: string }) => {
      if (managerPin !== MANAGER_PIN) throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: 4 });
      return (state = on ? ON : { on: false });
    });
    renderTill();
    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Démarrer le mode école' }));
    await typeManagerPin('9999');
    const dialog = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Code incorrect (4 essai(s) restant(s)).'));
    expect(screen.queryByText('MODE ÉCOLE — ventes fictives')).toBeNull();
    await typeManagerPin(MANAGER_PIN);
    expect(await screen.findByText('MODE ÉCOLE — ventes fictives')).toBeTruthy();
    expect(till.callsOf('training.set')).toEqual([
      { on: true, managerPin: '9999' },
      { on: true, managerPin: MANAGER_PIN },
    ]);
  });
});
