import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient, renderWithI18n, userWith } from '../test-support/render';
import { OfficeApiError } from '../api/office-client';
import { App } from './App';
import { OfficeClientContext } from './client-context';
import { Layout } from './Layout';

/** A hub with an empty catalog, for the Catalog page the tests open; any other route is refused. */
const CATALOG: Record<string, unknown> = { '/categories': { categories: [], truncated: false }, '/vat-rates': { vatRates: [] } };
const catalogClient = fakeClient({
  admin: vi.fn(async (_method: string, path: string) => {
    if (path.startsWith('/products')) return { products: [], next: null };
    if (Object.hasOwn(CATALOG, path)) return CATALOG[path];
    throw new OfficeApiError('not_found', 404);
  }),
});

function navLinks(): string[] {
  return within(screen.getByRole('navigation', { name: 'Navigation principale' }))
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('the signed-in shell', () => {
  beforeEach(() => window.history.replaceState(null, '', '/office/'));

  it('an accountant’s navigation has no catalog, stores, staff or users; an address of one is not found', async () => {
    renderWithI18n(<Layout me={userWith('accountant')} onSignOut={vi.fn()} />);
    expect(navLinks()).toEqual(['Tableau de bord', 'Ventes', 'Clôtures et fiscal', 'Stock', 'Mon compte']);
    expect(await screen.findByRole('region', { name: 'Filtres du tableau de bord' })).toBeTruthy();

    window.history.pushState(null, '', '/office/catalog');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeTruthy();
  });

  it('an administrator sees every page; a link opens its page, marks it current and moves focus to its heading', async () => {
    renderWithI18n(
      <OfficeClientContext.Provider value={catalogClient}>
        <Layout me={userWith('admin')} onSignOut={vi.fn()} />
      </OfficeClientContext.Provider>,
    );
    expect(navLinks()).toEqual([
      'Tableau de bord',
      'Ventes',
      'Clôtures et fiscal',
      'Stock',
      'Catalogue',
      'Clients',
      'Fidélité',
      'Magasins et caisses',
      'Personnel',
      'Utilisateurs et audit',
      'Mon compte',
    ]);
    const skip = screen.getByRole('link', { name: 'Aller au contenu' });
    expect(skip.getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('banner')).toBeTruthy();

    await userEvent.click(screen.getByRole('link', { name: 'Catalogue' }));
    expect(window.location.pathname).toBe('/office/catalog');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Catalogue' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByRole('link', { name: 'Catalogue' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('Aucun produit ne correspond à cette recherche.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouveau produit' })).toBeTruthy();
    expect(screen.queryByText('Votre rôle permet de consulter le catalogue, pas de le modifier.')).toBeNull();
  });

  it('a store manager reads the catalog and is told the page is read-only for the role', async () => {
    window.history.replaceState(null, '', '/office/catalog');
    renderWithI18n(
      <OfficeClientContext.Provider value={catalogClient}>
        <Layout me={userWith('store-manager')} onSignOut={vi.fn()} />
      </OfficeClientContext.Provider>,
    );
    expect(await screen.findByText('Votre rôle permet de consulter le catalogue, pas de le modifier.')).toBeTruthy();
    expect(navLinks()).not.toContain('Utilisateurs et audit');
  });

  it('the app asks a one-time password to be changed first, then shows the shell; signing out returns to sign-in', async () => {
    let mustChange = true;
    const client = fakeClient({
      me: vi.fn(async () => userWith('regional', { mustChangePassword: mustChange })),
      changePassword: vi.fn(async () => {
        mustChange = false;
      }),
      signOut: vi.fn(async () => {}),
    });
    renderWithI18n(<App client={client} />);
    expect(await screen.findByRole('heading', { name: 'Choisissez un nouveau mot de passe' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    await userEvent.type(screen.getByLabelText('Mot de passe actuel'), 'one-time');
    await userEvent.type(screen.getByLabelText('Nouveau mot de passe'), 'a long new one');
    await userEvent.type(screen.getByLabelText('Confirmez le nouveau mot de passe'), 'a long new one');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(client.changePassword).toHaveBeenCalledWith('one-time', 'a long new one');

    // The form that had focus is gone: the shell's heading takes it.
    const heading = await screen.findByRole('heading', { level: 1, name: 'Tableau de bord' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await userEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByRole('heading', { name: 'Connexion au back-office' })).toBeTruthy();
    expect(client.signOut).toHaveBeenCalled();
  });
});
