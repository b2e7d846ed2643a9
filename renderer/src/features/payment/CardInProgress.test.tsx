// Before any module that opens Dexie: they must find IndexedDB.
import 'fake-indexeddb/auto';
import { demoProduct, PosError, type CardResult } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { noticeText, paymentRegion, plain } from '../../test-support/screen-queries';
import { renderTill } from '../../test-support/till-harness';
import { tillPerTest } from '../../test-support/till-per-test';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);

const session = tillPerTest();

/** terminal.pay answers only when the test says, as a real terminal waits for the customer. */
function slowTerminal() {
  let answer: (result: CardResult) => void = () => undefined;
  session.till.handle('terminal.pay', () => new Promise<CardResult>((resolve) => (answer = resolve)));
  return (status: CardResult['status']) => {
    const { attemptKey, amount } = session.till.callsOf('terminal.pay')[0] as { attemptKey: string; amount: number };
    answer({ attemptKey, amount, status, message: 'No answer from the terminal within 2 min' });
  };
}

async function startCardPayment(locale: 'fr' | 'en' = 'fr'): Promise<string> {
  renderTill(locale);
  await act(() => sellCode(oignons.barcodes[0]!));
  await session.user.click(screen.getByRole('button', { name: locale === 'fr' ? /^Encaisser/ : /^Pay/ }));
  const region = screen.getByRole('region', { name: locale === 'fr' ? 'Encaissement' : 'Payment' });
  await session.user.click(within(region).getByRole('button', { name: locale === 'fr' ? 'Payer par carte' : 'Pay by card' }));
  await waitFor(() => expect(session.till.callsOf('terminal.pay')).toHaveLength(1));
  return (session.till.callsOf('terminal.pay')[0] as { attemptKey: string }).attemptKey;
}

const tenders = () => screen.getByRole('list', { name: 'Règlements' });

describe('a card payment the terminal is working on', () => {
  it('says the terminal is working, and what it asks the customer, with no "unknown" and no choice to settle it', async () => {
    const answer = slowTerminal();
    const attemptKey = await startCardPayment();
    const working = within(tenders()).getByRole('status');
    expect(plain(working.textContent)).toMatch(/^Le terminal traite le paiement/);
    expect(plain(tenders().textContent)).not.toMatch(/Résultat inconnu|peut-être été débité/);
    expect(within(tenders()).queryByRole('alert')).toBeNull();
    expect(within(tenders()).queryByRole('button', { name: /Le ticket terminal indique/ })).toBeNull();

    // The host says how long the terminal's driver waits for an answer: the cashier knows how long to wait.
    act(() => session.till.emit('terminal.progress', { attemptKey, phase: 'started', timeoutMs: 120_000 }));
    expect(plain(within(tenders()).getByRole('status').textContent)).toContain(
      'Sans réponse du terminal après environ 2 min, le résultat sera « inconnu ».',
    );
    act(() => session.till.emit('terminal.progress', { attemptKey, phase: 'prompt', prompt: 'insert-card' }));
    expect(plain(within(tenders()).getByRole('status').textContent)).toContain('Le client insère ou présente sa carte.');
    act(() => session.till.emit('terminal.progress', { attemptKey, phase: 'prompt', prompt: 'watch-pin-pad' }));
    expect(plain(within(tenders()).getByRole('status').textContent)).toContain('Le client suit les indications du terminal.');

    // Only once the terminal timed out is the outcome unknown, with the three choices.
    act(() => answer('unknown'));
    const help = await within(tenders()).findByRole('alert');
    expect(help.textContent).toMatch(/peut-être été débité/);
    expect(within(help).getByRole('button', { name: 'Le ticket terminal indique REFUSÉ' })).toBeTruthy();
    expect(within(tenders()).queryByRole('status')).toBeNull();
  });

  it('in English, the prompt is English', async () => {
    slowTerminal();
    const attemptKey = await startCardPayment('en');
    act(() => session.till.emit('terminal.progress', { attemptKey, phase: 'prompt', prompt: 'waiting-bank' }));
    const list = screen.getByRole('list', { name: 'Payments' });
    expect(plain(within(list).getByRole('status').textContent)).toContain("The terminal is waiting for the bank's answer…");
  });

  it('after a reload mid-payment, a decline clicked while the host says the terminal still works is not recorded; the outcome is asked once it finished', async () => {
    session.till.terminal = () => 'unknown';
    const attemptKey = await startCardPayment();
    const help = await within(tenders()).findByRole('alert');
    // The host knows better than this page: the terminal is still working on the attempt.
    session.till.handle('terminal.reconcile', () => {
      throw new PosError('TERMINAL_BUSY', `The terminal is still working on attempt ${attemptKey}`);
    });
    await session.user.click(within(help).getByRole('button', { name: 'Le ticket terminal indique REFUSÉ' }));
    await waitFor(() => expect(noticeText()).toContain('Le terminal traite encore ce paiement'));
    expect(useCartStore.getState().tenders[0]).toMatchObject({ method: 'card', status: 'unknown' });
    expect(within(tenders()).getByRole('status')).toBeTruthy();
    expect(within(tenders()).queryByRole('button', { name: /Le ticket terminal indique/ })).toBeNull();

    session.till.terminalStatus.set(attemptKey, 'approved');
    act(() => session.till.emit('terminal.progress', { attemptKey, phase: 'finished' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    expect(session.till.callsOf('terminal.status')).toEqual([{ attemptKey }]);
  });
});

describe('card refusals in words', () => {
  it("says a terminal that cannot be reached in French, the driver's English folded away", async () => {
    session.till.handle('terminal.pay', ({ attemptKey, amount }: { attemptKey: string; amount: number }) => ({
      attemptKey,
      amount,
      status: 'declined',
      failure: 'not-connected',
      message: 'Card terminal unreachable (ECONNREFUSED): nothing was charged.',
    }));
    await startCardPayment();
    await waitFor(() => expect(noticeText()).toMatch(/^Terminal de paiement injoignable : rien n’a été débité/));
    expect(noticeText()).not.toMatch(/^Card terminal/);
  });

  it('says the offline limit with its amount, and drops the attempt the host refused before asking the terminal', async () => {
    session.till.handle('terminal.pay', () => {
      throw new PosError('CARD_OFFLINE_LIMIT', 'The card terminal is working offline: card payments above 50,00 € cannot be taken now.', {
        limit: 5000,
      });
    });
    await startCardPayment();
    await waitFor(() => expect(noticeText()).toContain('pas de paiement carte au-dessus de 50,00'));
    expect(useCartStore.getState().tenders).toEqual([]);
    expect(within(paymentRegion()).getByRole('button', { name: 'Montant exact' })).toHaveProperty('disabled', false);
  });
});

describe('a reading the host refuses because the terminal already answered', () => {
  it("takes the terminal's answer and says so in French, without the host's English", async () => {
    session.till.terminal = () => 'unknown';
    const attemptKey = await startCardPayment();
    const help = await within(tenders()).findByRole('alert');
    session.till.handle('terminal.reconcile', () => {
      throw new PosError('INVALID_REQUEST', `Attempt ${attemptKey} is already approved`);
    });
    session.till.terminalStatus.set(attemptKey, 'approved');
    await session.user.click(within(help).getByRole('button', { name: 'Le ticket terminal indique REFUSÉ' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    expect(useCartStore.getState().lastSale?.record.payload.tenders[0]).toMatchObject({ method: 'card', status: 'approved' });
  });
});
