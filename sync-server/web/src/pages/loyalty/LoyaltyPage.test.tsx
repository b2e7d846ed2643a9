import type { LoyaltyProgram } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import type { Access } from '../../app/navigation';
import { fakeClient, renderWithI18n, userWith } from '../../test-support/render';
import LoyaltyPage from '../LoyaltyPage';

/** The hub's loyalty program routes in memory: one program at most, each save its next version. */
function loyaltyHub(initial: LoyaltyProgram | null, refuse: { code: string; status: number; body?: unknown } | null = null) {
  let stored: { program: LoyaltyProgram; deleted: boolean } | null = initial ? { program: initial, deleted: false } : null;
  const admin = vi.fn<OfficeClient['admin']>(async (method, path, body) => {
    if (method === 'GET' && path === '/loyalty/programs') return { programs: stored ? [{ ...stored, seq: 1 }] : [] };
    if (refuse) throw new OfficeApiError(refuse.code, refuse.status, refuse.body);
    const id = decodeURIComponent(path.split('/').at(-1)!);
    if (method === 'PUT') {
      const { expectedVersion: _v, ...rest } = body as Record<string, unknown>;
      stored = { program: { ...(rest as object), id, version: (stored?.program.version ?? 0) + 1 } as LoyaltyProgram, deleted: false };
      return { ...stored, seq: 2 };
    }
    if (method === 'DELETE' && stored) {
      stored = { ...stored, deleted: true };
      return { ...stored, seq: 3 };
    }
    return {};
  });
  return { client: fakeClient({ admin }), admin };
}

function open(hub: ReturnType<typeof loyaltyHub>, access: Access = 'edit', locale: 'fr' | 'en' = 'fr') {
  return renderWithI18n(
    <OfficeClientContext.Provider value={hub.client}>
      <LoyaltyPage page="loyalty" access={access} me={userWith('admin')} />
    </OfficeClientContext.Provider>,
    locale,
  );
}

describe('the loyalty page', () => {
  it('creates the program: 1 point per euro paid VAT included, a tier and a reward, saved as version 1', async () => {
    const hub = loyaltyHub(null);
    open(hub);
    expect(await screen.findByText('Aucun programme de fidélité : les ventes ne rapportent pas de points.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Nouveau programme' }));
    const form = screen.getByRole('form', { name: 'Nouveau programme de fidélité' });
    await userEvent.type(within(form).getByLabelText('Identifiant'), 'fidelite');
    await userEvent.type(within(form).getByLabelText('Nom'), 'Fidélité du Marché');
    await userEvent.click(within(form).getByRole('button', { name: 'Ajouter un niveau' }));
    await userEvent.type(within(form).getByLabelText('Identifiant du niveau 1'), 'or');
    await userEvent.type(within(form).getByLabelText('Nom du niveau 1'), 'Or');
    await userEvent.type(within(form).getByLabelText('Seuil en points du niveau 1'), '1000');
    await userEvent.type(within(form).getByLabelText('Multiplicateur en % du niveau 1 (vide : 100)'), '150');
    await userEvent.click(within(form).getByRole('button', { name: 'Ajouter une récompense' }));
    await userEvent.type(within(form).getByLabelText('Identifiant de la récompense 1'), 'bon-5');
    await userEvent.type(within(form).getByLabelText('Nom de la récompense 1'), 'Bon de 5 €');
    await userEvent.type(within(form).getByLabelText('Coût en points de la récompense 1'), '500');
    await userEvent.type(within(form).getByLabelText('Remise en € de la récompense 1'), '5');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', 'Fidélité du Marché est enregistré (version 1).');
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/loyalty/programs/fidelite', {
      name: 'Fidélité du Marché',
      currency: 'EUR',
      earn: { kind: 'spend', points: 1, per: 100, tax: 'inclusive' },
      rounding: 'floor',
      expiryMonths: 24,
      tierBasis: 'rolling-12-months',
      tiers: [{ id: 'or', name: 'Or', threshold: 1000, benefits: { earnMultiplierBp: 15_000 } }],
      rewards: [{ id: 'bon-5', name: 'Bon de 5 €', cost: 500, kind: 'amount-off', amount: 500 }],
      expectedVersion: 0,
    });
    expect(await screen.findByRole('rowheader', { name: 'Fidélité du Marché' })).toBeTruthy();
    // Much typing: on a loaded machine, more than the default 5 s.
  }, 30_000);

  it('edits the live program (its next version), says a mistake in words before the hub, and ends it', async () => {
    const hub = loyaltyHub(testLoyaltyProgram());
    open(hub);
    await userEvent.click(await screen.findByRole('button', { name: 'Modifier Club' }));
    const form = screen.getByRole('form', { name: 'Modifier Club' });
    const per = within(form).getByLabelText('Par tranche de (€)');
    await userEvent.clear(per);
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(within(form).getByRole('alert').textContent).toBe('Saisissez le montant en euros qui rapporte ces points (par exemple 1,00).');
    expect(hub.admin).not.toHaveBeenCalledWith('PUT', expect.anything(), expect.anything());
    await userEvent.type(per, '10');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', 'Club est enregistré (version 4).');
    expect(hub.admin).toHaveBeenCalledWith('PUT', '/loyalty/programs/club', expect.objectContaining({ expectedVersion: 3 }));
    await userEvent.click(screen.getByRole('button', { name: 'Terminer' }));
    await userEvent.click(await screen.findByRole('button', { name: /Confirmer|Oui|Terminer/ }));
    expect(await screen.findByText('Club est terminé.')).toBeTruthy();
    expect(hub.admin).toHaveBeenCalledWith('DELETE', '/loyalty/programs/club');
  });

  it('says the hub’s refusals in English too: core’s problem codes, another live program', async () => {
    const problems = { problems: [{ code: 'tier_order' }] };
    const hub = loyaltyHub(testLoyaltyProgram(), { code: 'invalid_loyalty_program', status: 422, body: problems });
    open(hub, 'edit', 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Club' }));
    const form = screen.getByRole('form', { name: 'Edit Club' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Tier thresholds must rise.');
  });

  it('a role that may only read sees the program and no way to change it', async () => {
    open(loyaltyHub(testLoyaltyProgram()), 'read');
    await userEvent.click(await screen.findByRole('button', { name: /Club/ }));
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nouveau programme' })).toBeNull();
  });
});
