import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../api/office-client';
import { fakeClient, renderWithI18n, userWith } from '../test-support/render';
import { SignInPage } from './SignInPage';

describe('the sign-in page', () => {
  it('is in French by default, starts in the e-mail field and signs in with what was typed', async () => {
    const me = userWith('admin');
    const signIn = vi.fn<OfficeClient['signIn']>(async () => me);
    const onSignedIn = vi.fn();
    renderWithI18n(<SignInPage client={fakeClient({ signIn })} onSignedIn={onSignedIn} />);

    expect(screen.getByRole('heading', { level: 1 })).toHaveProperty('textContent', 'Connexion au back-office');
    const email = screen.getByLabelText('Adresse e-mail');
    expect(document.activeElement).toBe(email);
    await userEvent.type(email, ' anne@example.test ');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(me));
    expect(signIn).toHaveBeenCalledWith({ email: 'anne@example.test', password: 'secret' });
  });

  it('says a wrong password in French from its code, marks the fields and puts focus back on the password', async () => {
    const signIn = vi.fn<OfficeClient['signIn']>(async () => {
      throw new OfficeApiError('invalid_credentials', 401);
    });
    renderWithI18n(<SignInPage client={fakeClient({ signIn })} onSignedIn={vi.fn()} />);
    await userEvent.type(screen.getByLabelText('Adresse e-mail'), 'anne@example.test');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Adresse e-mail ou mot de passe incorrect.');
    const password = screen.getByLabelText('Mot de passe');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement).toBe(password);
    expect(screen.queryByLabelText(/Code de vérification/)).toBeNull();
  });

  it('asks for the TOTP code when the hub wants it, focuses it, and sends it with the password', async () => {
    const signIn = vi.fn<OfficeClient['signIn']>(async (request) => {
      if (!request.totp) throw new OfficeApiError('totp_required', 401);
      return userWith('admin');
    });
    const onSignedIn = vi.fn();
    renderWithI18n(<SignInPage client={fakeClient({ signIn })} onSignedIn={onSignedIn} />);
    await userEvent.type(screen.getByLabelText('Adresse e-mail'), 'anne@example.test');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    const code = await screen.findByLabelText('Code de vérification (application d’authentification)');
    expect((await screen.findByRole('alert')).textContent).toBe('Saisissez le code de vérification de votre application.');
    await waitFor(() => expect(document.activeElement).toBe(code));
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(signIn).toHaveBeenLastCalledWith({ email: 'anne@example.test', password: 'secret', totp: '123456' });
  });

  it('switches to English, and an unknown code is shown with the code, not the hub’s English message', async () => {
    const signIn = vi.fn<OfficeClient['signIn']>(async () => {
      throw new OfficeApiError('something_new', 500);
    });
    renderWithI18n(<SignInPage client={fakeClient({ signIn })} onSignedIn={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Une erreur inattendue s’est produite (code something_new).');

    await userEvent.selectOptions(screen.getByLabelText('Langue'), 'en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in to the back office');
    expect(screen.getByRole('alert').textContent).toBe('An unexpected error happened (code something_new).');
    expect(document.documentElement.lang).toBe('en');
  });
});
