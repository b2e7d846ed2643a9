import { PosError } from '@pos/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MANAGER, MANAGER_PIN } from '../../test-support/fake-bridge';
import { typeManagerPin } from '../../test-support/manager-pin';
import { renderTill, startTill, stopTill } from '../../test-support/till-harness';
import { openDrawerWithoutSale } from './no-sale';

afterEach(() => stopTill());

describe('the drawer opened without a sale', () => {
  it('a cashier needs a manager: a wrong PIN is said in the dialog, which asks again until the host takes one', async () => {
    const till = await startTill();
    till.handle('drawer.open', ({ managerPin }: { managerPin?: string }) => {
      if (managerPin !== MANAGER_PIN) throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: 4 });
      return { opened: true };
    });
    renderTill();
    act(() => void openDrawerWithoutSale());
    const reason = await screen.findByRole('dialog', { name: 'Ouvrir le tiroir sans vente' });
    fireEvent.click(within(reason).getByRole('button', { name: 'Valider' }));
    await typeManagerPin('9999');
    const dialog = await screen.findByRole('dialog', { name: 'Accord d’un responsable' });
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Code incorrect (4 essai(s) restant(s)).'));
    await typeManagerPin(MANAGER_PIN);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Accord d’un responsable' })).toBeNull());
    expect(till.callsOf('drawer.open')).toEqual([
      { reason: 'change', managerPin: '9999' },
      { reason: 'change', managerPin: MANAGER_PIN },
    ]);
  });

  it('a manager opens it with no PIN asked', async () => {
    const till = await startTill({ staff: MANAGER });
    till.handle('drawer.open', () => ({ opened: true }));
    renderTill();
    act(() => void openDrawerWithoutSale());
    const reason = await screen.findByRole('dialog', { name: 'Ouvrir le tiroir sans vente' });
    fireEvent.click(within(reason).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(till.callsOf('drawer.open')).toEqual([{ reason: 'change' }]));
    expect(screen.queryByRole('dialog', { name: 'Accord d’un responsable' })).toBeNull();
  });
});
