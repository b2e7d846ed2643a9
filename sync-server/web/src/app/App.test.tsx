import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../api/office-client';
import { fakeClient, renderWithI18n, userWith } from '../test-support/render';
import { App } from './App';

describe('a session ending under a page', () => {
  beforeEach(() => window.history.replaceState(null, '', '/office/account'));

  it('brings the sign-in page back with why, in the page’s language, instead of an error', async () => {
    const office = vi.fn<OfficeClient['office']>(async () => {
      throw new OfficeApiError('unauthorized', 401);
    });
    renderWithI18n(<App client={fakeClient({ me: async () => userWith('accountant'), office })} />, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the back office' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Your session expired or was ended: sign in again to carry on.');
    expect(office).toHaveBeenCalledWith('GET', '/api-keys');
  });

  it('keeps the page for any other refusal', async () => {
    const office = vi.fn<OfficeClient['office']>(async () => {
      throw new OfficeApiError('forbidden', 403);
    });
    renderWithI18n(<App client={fakeClient({ me: async () => userWith('accountant'), office })} />);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Votre rôle ne permet pas cette action.');
    expect(screen.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeTruthy();
  });
});
