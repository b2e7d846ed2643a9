import { demoProduct, PosError, type SaleProblem } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);

const PROBLEMS: SaleProblem[] = [
  { code: 'approval', message: 'line 1 discount: approval a-1 was already used by sale s-9' },
  { code: 'card-journal', message: 'tender 1: the terminal was never asked for card attempt k-1' },
];

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
});
afterEach(async () => {
  await stopTill();
});

async function payExact(locale: 'fr' | 'en' = 'fr'): Promise<void> {
  renderTill(locale);
  await act(() => sellCode(oignons.barcodes[0]!));
  await user.click(screen.getByRole('button', { name: locale === 'fr' ? /^Encaisser/ : /^Pay/ }));
  await user.click(screen.getByRole('button', { name: locale === 'fr' ? 'Montant exact' : 'Exact amount' }));
}

/** The notice as the cashier reads it: the sentence and its list, without the folded host words. */
function noticeShown(): { text: string; problems: string[]; hostWords: string } {
  const notice = screen.getAllByRole('alert').find((a) => a.classList.contains('notice'))!;
  const details = notice.querySelector('details');
  const problems = [...notice.querySelectorAll('.notice-details li')].map((li) => plain(li.textContent));
  return {
    text: plain(notice.firstElementChild?.firstElementChild?.textContent),
    problems,
    hostWords: plain(details?.textContent),
  };
}

describe('the host refuses to seal', () => {
  beforeEach(() => {
    till.handle('fiscal.seal', () => {
      throw new PosError('SEAL_REFUSED', 'Refused: line 1 discount: approval a-1 was already used', { problems: PROBLEMS });
    });
  });

  it('says each problem by its code in French, the host’s English words only folded away', async () => {
    await payExact();
    await waitFor(() => expect(noticeShown().problems).toHaveLength(2));
    const shown = noticeShown();
    expect(shown.text).toBe('Vente refusée par le poste de caisse :');
    expect(shown.problems).toEqual([
      'Un accord (remise, prix, annulation) manque, a déjà servi ou porte sur un autre montant : refaites-le.',
      'Un paiement carte est inconnu du terminal, d’un autre montant ou déjà utilisé.',
    ]);
    expect(shown.hostWords).toContain('approval a-1 was already used');
    expect(`${shown.text} ${shown.problems.join(' ')}`).not.toMatch(/approval a-1|terminal was never|Refused|object Object/);
    expect(useCartStore.getState()).toMatchObject({ status: 'paying', pendingSale: null });
  });

  it('says each problem in English on an English screen', async () => {
    await payExact('en');
    await waitFor(() => expect(noticeShown().problems).toHaveLength(2));
    expect(noticeShown()).toMatchObject({
      text: 'Sale refused by the till host:',
      problems: [
        'An approval (discount, price, void) is missing, already used or for another amount: ask for it again.',
        'A card payment is unknown to the terminal, of another amount, or already used.',
      ],
    });
  });

  it('still says something translated for a problem code this till does not know', async () => {
    till.handle('fiscal.seal', () => {
      throw new PosError('SEAL_REFUSED', 'Refused', {
        problems: [{ code: 'from-a-newer-host', message: 'a code this page has no words for' }],
      });
    });
    await payExact();
    await waitFor(() => expect(noticeShown().problems).toEqual(['Le poste a refusé pour une raison non reconnue.']));
  });
});

describe('other answers of the host, in words', () => {
  it('sealing stopped: translated, nothing in English', async () => {
    till.handle('fiscal.seal', () => {
      throw new PosError('SEALING_STOPPED', 'The journal is damaged: sealing is stopped until support restores it');
    });
    await payExact();
    await waitFor(() => expect(noticeShown().text).toMatch(/^Le journal fiscal du poste est arrêté/));
    expect(noticeShown().text).not.toMatch(/journal is damaged/);
  });

  it('an original already printed: the done panel offers the DUPLICATA, sealed on the duplicate chain and kept with the till records', async () => {
    till.handle('receipt.print', () => {
      throw new PosError('RECEIPT_ALREADY_PRINTED', 'The original receipt was already printed: print a DUPLICATA');
    });
    await payExact();
    const done = await screen.findByRole('region', { name: 'Vente terminée' });
    await user.click(within(done).getByRole('button', { name: 'Ticket papier' }));
    await waitFor(() => expect(within(done).getByText(/L’original de ce ticket a déjà été imprimé/)).toBeTruthy());
    const reprint = within(done).getByRole('button', { name: 'Réimprimer (duplicata)' });
    expect(reprint.className).toBe('primary');
    expect(within(done).getByRole('button', { name: 'Nouvelle vente' }).className).not.toBe('primary');

    await user.click(reprint);
    const saleId = (till.callsOf('receipt.print')[0] as { saleId: string }).saleId;
    await waitFor(() => expect(till.callsOf('receipt.reprint')).toEqual([{ saleId }]));
    await waitFor(async () => expect(await till.db.docs.till_records.count().exec()).toBe(1));
    const doc = (await till.db.docs.till_records.findOne().exec())!.toJSON();
    expect(doc).toMatchObject({ chain: 'duplicate', kind: 'duplicate', seq: 1, record: { payload: { saleId, duplicateNumber: 1 } } });
    expect(
      within(done).getByText(
        'Ticket envoyé à l’imprimante, qui ne peut pas confirmer l’impression : s’il n’est pas sorti, réimprimez (DUPLICATA).',
      ),
    ).toBeTruthy();
  });
});
