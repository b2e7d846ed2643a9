import { demoProduct, type FiscalStatus } from '@pos/core';
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyHello, linkHostState } from '../../app/host-state-link';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { noticeText, plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);

const STOPPED: FiscalStatus = {
  state: 'stopped',
  reason: 'journal-damaged',
  problems: [
    { chain: 'sale', seq: 42, id: 'sale-42', code: 'hash', problem: 'content does not match its hash' },
    { chain: 'event', seq: 7, id: 'ev-7', code: 'signature', problem: 'signature is not valid' },
    { chain: 'duplicate', seq: 3, id: 'dup-3', code: 'link', problem: 'previous hash does not match the record before' },
    { chain: 'event', seq: 0, id: '', code: 'shape', problem: 'not a record of a known chain' },
  ],
};

let till: Till;
let unlink: () => void;
beforeEach(async () => {
  till = await startTill();
  unlink = linkHostState(till.bridge);
});
afterEach(async () => {
  unlink();
  await stopTill();
});

function banner(): HTMLElement {
  return screen.getByRole('alert', { name: 'Caisse arrêtée : journal fiscal à vérifier' });
}

function problemLines(): string[] {
  return within(banner())
    .getAllByRole('listitem')
    .map((li) => plain(li.firstChild?.textContent));
}

describe('sealing stopped by the host', () => {
  it('names each damaged record in words, for everyone, and tells the manager to call support', async () => {
    renderTill();
    expect(screen.queryByRole('alert', { name: /Caisse arrêtée/ })).toBeNull();
    act(() => till.emit('fiscal.status', STOPPED));
    expect(banner().textContent).toContain('le poste a trouvé son journal fiscal endommagé');
    expect(problemLines()).toEqual([
      'Ticket n° T01-000042 : contenu modifié après l’enregistrement (empreinte fausse)',
      'Événement technique n° 7 : signature invalide',
      'Duplicata n° 3 (numérotation des duplicatas) : ne suit pas l’enregistrement précédent (chaînage rompu)',
      'Un événement technique sans numéro lisible : enregistrement illisible ou incomplet',
    ]);
    expect(banner().textContent).toContain('Responsable : appelez le support.');

    // Signed out, the banner stays: whoever comes to the till sees it.
    act(() => useAppStore.setState({ phase: 'signin', staff: null }));
    expect(problemLines()).toHaveLength(4);
  });

  it('says it in English too, and the reason of a failed write', () => {
    renderTill('en');
    act(() => till.emit('fiscal.status', { ...STOPPED, reason: 'write-failed', problems: STOPPED.problems.slice(0, 1) }));
    const shown = screen.getByRole('alert', { name: 'Till stopped: fiscal journal to check' });
    expect(shown.textContent).toContain('could not write to its fiscal journal');
    expect(plain(within(shown).getAllByRole('listitem')[0]!.firstChild?.textContent)).toBe(
      'Receipt no. T01-000042: content changed after it was recorded (wrong fingerprint)',
    );
  });

  it('disables selling: no scan is added, the sale actions are off, and it all comes back when the host says ok', async () => {
    renderTill();
    await act(() => sellCode(oignons.barcodes[0]!));
    act(() => till.emit('fiscal.status', STOPPED));
    for (const name of [/^Encaisser/, /^Remise ligne/, /^Annuler la vente/]) {
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    }
    await act(() => sellCode(oignons.barcodes[0]!));
    expect(useCartStore.getState().cart.lines[0]!.quantity).toBe(1);
    expect(noticeText()).toContain('aucune vente possible');

    act(() => till.emit('fiscal.status', { state: 'ok' }));
    expect(screen.queryByRole('alert', { name: /Caisse arrêtée/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Encaisser/ })).toHaveProperty('disabled', false);
    await act(() => sellCode(oignons.barcodes[0]!));
    expect(useCartStore.getState().cart.lines[0]!.quantity).toBe(2);
  });

  it('shows what hello said at start, before any event, with the receipt numbers of its till', () => {
    // Hello arrives before the till's databases open: the banner must not wait for them to name a receipt.
    act(() => applyHello({ fiscal: STOPPED, needsSetup: false, tillId: 'T07' }));
    useAppStore.setState({ phase: 'signin', staff: null });
    renderTill();
    expect(problemLines()).toHaveLength(4);
    expect(problemLines()[0]).toBe('Ticket n° T07-000042 : contenu modifié après l’enregistrement (empreinte fausse)');
  });
});
