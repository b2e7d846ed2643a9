import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyHello } from '../../app/host-state-link';
import { useAppStore } from '../../state/app-store';
import { staffName } from '../../state/services';
import { noticeText } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
  // A new till: no staff at the host, nobody signed in, and hello says so.
  till.staff = [];
  till.signedIn = null;
  useAppStore.setState({ phase: 'signin', staff: null });
  applyHello(await till.bridge.invoke('host.hello'));
});
afterEach(async () => {
  await stopTill();
});

function setupForm(): HTMLElement {
  return screen.getByRole('main');
}

async function fill(name: string, pin: string, confirm: string): Promise<void> {
  const form = setupForm();
  await user.clear(within(form).getByLabelText('Nom du responsable'));
  if (name) await user.type(within(form).getByLabelText('Nom du responsable'), name);
  await user.clear(within(form).getByLabelText('Code personnel (4 à 6 chiffres)'));
  if (pin) await user.type(within(form).getByLabelText('Code personnel (4 à 6 chiffres)'), pin);
  await user.clear(within(form).getByLabelText('Le même code, une seconde fois'));
  if (confirm) await user.type(within(form).getByLabelText('Le même code, une seconde fois'), confirm);
  await user.click(within(form).getByRole('button', { name: 'Créer le responsable' }));
}

describe('first run of a till with no staff', () => {
  it('sets up the first manager (name, PIN twice), then signs in with that PIN like anyone', async () => {
    renderTill();
    expect(screen.getByRole('heading', { name: 'Premier responsable de la caisse' })).toBeTruthy();
    expect(setupForm().textContent).toMatch(/jusqu’à ce que le personnel arrive du serveur central/);
    expect(screen.queryByLabelText('Code personnel')).toBeNull();

    for (const [name, pin, confirm, message] of [
      ['', '4071', '4071', 'Indiquez le nom du responsable.'],
      ['Nadia', '12', '12', 'Le code doit compter 4 à 6 chiffres.'],
      // Only digits are kept: "12a4" is a 3-digit PIN.
      ['Nadia', '12a4', '12a4', 'Le code doit compter 4 à 6 chiffres.'],
      // The host refuses PINs anyone would try first: said before it is asked.
      ['Nadia', '4321', '4321', 'Choisissez un code moins facile à deviner (pas 0000, 1234 ni 4321).'],
      ['Nadia', '4071', '4072', 'Les deux codes ne sont pas identiques.'],
    ] as const) {
      await fill(name, pin, confirm);
      expect(within(setupForm()).getByRole('alert').textContent, `${name}/${pin}/${confirm}`).toBe(message);
    }
    expect(till.callsOf('staff.setup')).toEqual([]);

    await fill('Nadia', '4071', '4071');
    await waitFor(() => expect(till.callsOf('staff.setup')).toEqual([{ displayName: 'Nadia', pin: '4071' }]));
    await user.click(await screen.findByRole('button', { name: 'Nadia' }));
    expect(screen.getByText('Nadia est le responsable de cette caisse : identifiez-vous avec son code.')).toBeTruthy();
    expect(staffName('staff-first-manager')).toBe('Nadia');

    await user.type(screen.getByLabelText('Code personnel'), '4071');
    await user.click(screen.getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(useAppStore.getState().phase).toBe('selling'));
    expect(useAppStore.getState().staff).toEqual({ id: 'staff-first-manager', displayName: 'Nadia', role: 'manager' });
  });

  it('types both PINs with the on-screen pad, for a till without a keyboard', async () => {
    renderTill();
    const form = setupForm();
    await user.type(within(form).getByLabelText('Nom du responsable'), 'Nadia');
    const pad = async (digits: string) => {
      for (const d of digits) await user.click(within(form).getByRole('button', { name: `Chiffre ${d}` }));
    };
    await user.click(within(form).getByLabelText('Code personnel (4 à 6 chiffres)'));
    await pad('2468');
    await user.click(within(form).getByLabelText('Le même code, une seconde fois'));
    await pad('2468');
    await user.click(within(form).getByRole('button', { name: 'Créer le responsable' }));
    await waitFor(() => expect(till.callsOf('staff.setup')).toEqual([{ displayName: 'Nadia', pin: '2468' }]));
  });

  it('turns the PIN screen into the set-up when the host answers that the till has no staff', async () => {
    act(() => useAppStore.setState({ needsSetup: false }));
    renderTill();
    await user.click(screen.getByRole('button', { name: 'Camille' }));
    await user.type(screen.getByLabelText('Code personnel'), '1234');
    await user.click(screen.getByRole('button', { name: 'Valider' }));
    await screen.findByRole('heading', { name: 'Premier responsable de la caisse' });
    expect(noticeText()).toContain('Cette caisse n’a encore aucun personnel');
  });
});
