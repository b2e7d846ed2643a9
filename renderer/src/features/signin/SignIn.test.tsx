import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../state/app-store';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  // Only the clock the countdown reads and the ticks that redraw it: the databases keep real timers.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  user = userEvent.setup();
  till.signedIn = null;
  useAppStore.setState({ phase: 'signin', staff: null });
});
afterEach(async () => {
  vi.useRealTimers();
  await stopTill();
});

const pinField = () => screen.getByLabelText('Code personnel');

async function wrongPin(pin = '0000'): Promise<void> {
  await user.type(pinField(), `${pin}{Enter}`);
  await waitFor(() => expect((pinField() as HTMLInputElement).readOnly).toBe(false));
}

describe('sign-in: choose who you are, then your PIN', () => {
  it('keeps the focus in the PIN field, cleared, after a wrong PIN', async () => {
    renderTill();
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    expect(document.activeElement).toBe(pinField());
    await wrongPin();
    expect(screen.getByRole('alert').textContent).toBe('Code incorrect (4 essai(s) restant(s)).');
    expect((pinField() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(pinField());
    // Typing again needs no touch on the field first.
    await user.keyboard('1234{Enter}');
    await waitFor(() => expect(useAppStore.getState().phase).toBe('selling'));
    expect(till.callsOf('session.signIn').at(-1)).toEqual({ staffId: 'staff-camille', pin: '1234' });
  });

  it('keeps the focus in the field when the on-screen pad types the PIN', async () => {
    renderTill();
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    for (const d of '0000') await user.click(screen.getByRole('button', { name: `Chiffre ${d}` }));
    expect(document.activeElement).toBe(pinField());
    await user.click(screen.getByRole('button', { name: 'Corriger' }));
    expect((pinField() as HTMLInputElement).value).toBe('000');
    expect(document.activeElement).toBe(pinField());
  });

  it('locks only the person after five wrong PINs, with a countdown that moves each second, while the manager signs in', async () => {
    renderTill();
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    for (let i = 0; i < 5; i++) await wrongPin();
    const lock = () => screen.getByRole('alert').textContent;
    expect(lock()).toBe('Trop de codes faux pour Camille : réessayez dans 0:30, ou demandez à un responsable de déverrouiller.');
    act(() => vi.advanceTimersByTime(1000));
    expect(lock()).toContain('réessayez dans 0:29');
    act(() => vi.advanceTimersByTime(5000));
    expect(lock()).toContain('réessayez dans 0:24');
    expect(document.activeElement).toBe(pinField());

    // Sophie is not locked out with her.
    await user.click(screen.getByRole('button', { name: 'Changer de personne' }));
    const camille = screen.getByRole('button', { name: 'Camille' }).closest('li') as HTMLElement;
    expect(camille.textContent).toContain('Verrouillé · 0:24');
    act(() => vi.advanceTimersByTime(1000));
    expect(camille.textContent).toContain('Verrouillé · 0:23');
    await user.click(screen.getByRole('button', { name: 'Sophie' }));
    await user.type(pinField(), '5678{Enter}');
    await waitFor(() => expect(useAppStore.getState().staff?.id).toBe('staff-sophie'));
  });

  it('lets a manager unlock a locked person from the tile, refusing a cashier’s PIN', async () => {
    renderTill();
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    for (let i = 0; i < 5; i++) await wrongPin();
    await user.click(screen.getByRole('button', { name: 'Changer de personne' }));
    await user.click(screen.getByRole('button', { name: 'Déverrouiller Camille' }));
    const form = screen.getByRole('form', { name: 'Déverrouiller Camille' });
    const managerPin = within(form).getByLabelText('Code du responsable');
    expect(document.activeElement).toBe(managerPin);

    await user.type(managerPin, '1234{Enter}');
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('Seul le code d’un responsable peut déverrouiller.'));
    expect(document.activeElement).toBe(managerPin);

    await user.type(managerPin, '5678{Enter}');
    await screen.findByText('Camille est déverrouillé(e) par Sophie.');
    expect(till.callsOf('staff.unlock')).toEqual([
      { staffId: 'staff-camille', managerPin: '1234' },
      { staffId: 'staff-camille', managerPin: '5678' },
    ]);
    // Back to Camille's PIN, unlocked.
    await user.type(pinField(), '1234{Enter}');
    await waitFor(() => expect(useAppStore.getState().staff?.id).toBe('staff-camille'));
  });

  it('selects the person a badge or a name typed (or scanned) names', async () => {
    renderTill();
    const badge = screen.getByLabelText('Ou scannez votre badge (ou tapez votre nom)');
    expect(document.activeElement).toBe(badge);
    await user.type(badge, 'nobody{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('n’est pas celui d’une personne de cette caisse');
    await user.type(screen.getByLabelText('Ou scannez votre badge (ou tapez votre nom)'), 'staff-sophie{Enter}');
    expect(screen.getByText('Sophie, saisissez votre code personnel (4 à 6 chiffres)')).toBeTruthy();
    expect(document.activeElement).toBe(pinField());
  });

  it('selects the person whose badge a scanner the host drives reads', async () => {
    renderTill();
    act(() => till.emit('scanner.scan', { code: 'staff-luc', source: 'hid-pos' }));
    expect(await screen.findByText('Luc, saisissez votre code personnel (4 à 6 chiffres)')).toBeTruthy();
    expect(document.activeElement).toBe(pinField());
  });

  it('shows the locks the host already holds when the screen opens', async () => {
    till.handle('staff.lockouts', () => [{ staffId: 'staff-luc', secondsLeft: 125 }]);
    renderTill();
    const luc = screen.getByRole('button', { name: 'Luc' }).closest('li') as HTMLElement;
    await waitFor(() => expect(luc.textContent).toContain('Verrouillé · 2:05'));
  });
});
