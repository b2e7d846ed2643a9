import { demoProduct } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { ask } from '../../state/dialog-store';
import { overlayOpen } from '../../state/overlay-store';
import { useSyncStore } from '../../state/sync-store';
import { lineNamed, noticeText, searchBox } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const oignons = demoProduct(100);

let till: Till;
beforeEach(async () => {
  till = await startTill();
});
afterEach(async () => {
  await stopTill();
});

async function sellOignons(): Promise<void> {
  await act(() => sellCode(oignons.barcodes[0]!));
}

/** The cashier is at the search box, as after a scan, and works with the keyboard only. */
async function atSearchBox() {
  const user = userEvent.setup();
  renderTill();
  await sellOignons();
  searchBox().focus();
  return user;
}

describe('a number dialog opened from the keyboard', () => {
  it('F3 offers the quantity selected: typing 3 then Enter sells 3, not 13', async () => {
    const user = await atSearchBox();
    await user.keyboard('{F3}');
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    const field = within(dialog).getByLabelText<HTMLInputElement>('Quantité');
    expect(document.activeElement).toBe(field);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 1]);
    await user.keyboard('3{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(lineNamed(oignons.name).quantity).toBe('3');
  });

  it('keeps a refused value selected: what is typed next replaces it', async () => {
    const user = await atSearchBox();
    await user.keyboard('{F3}');
    const dialog = await screen.findByRole('dialog', { name: `Quantité pour ${oignons.name}` });
    await user.keyboard('10000{Enter}');
    expect(within(dialog).getByRole('alert').textContent).toBe('Saisissez une quantité entière de 1 à 9999.');
    await user.keyboard('7{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(lineNamed(oignons.name).quantity).toBe('7');
  });

  it('F4 puts the focus on the value: typing 10 then Enter gives 10 %', async () => {
    const user = await atSearchBox();
    await user.keyboard('{F4}');
    const dialog = await screen.findByRole('dialog', { name: `Remise sur ${oignons.name}` });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Valeur'));
    await user.keyboard('10{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useCartStore.getState().cart.lines[0]!.discount).toMatchObject({ kind: 'percent', bp: 1000 });
  });

  it('gives the focus back to the search box when it closes', async () => {
    const user = await atSearchBox();
    await user.keyboard('{F3}');
    await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(searchBox());
  });

  it('keeps Tab inside the dialog', async () => {
    const user = await atSearchBox();
    await user.keyboard('{F3}');
    const dialog = await screen.findByRole('dialog');
    for (let i = 0; i < 6; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});

describe('the sync panel', () => {
  const syncBadge = () => screen.getByRole('button', { name: /^Synchro:/ });
  const PANEL = 'Synchronisation avec le serveur central';

  async function openSyncPanel() {
    const user = await atSearchBox();
    await user.click(syncBadge());
    const panel = await screen.findByRole('dialog', { name: PANEL });
    return { user, panel };
  }

  it('takes the focus and closes with Escape, giving the focus back', async () => {
    const { user, panel } = await openSyncPanel();
    expect(panel.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useSyncStore.getState().panelOpen).toBe(false);
    expect(document.activeElement).toBe(syncBadge());
  });

  it('blocks the till’s shortcuts behind it: Ctrl+Delete then Enter voids nothing', async () => {
    const { user } = await openSyncPanel();
    const onlyThePanel = () => expect(screen.getAllByRole('dialog').map((d) => d.getAttribute('aria-label'))).toEqual([PANEL]);
    await user.keyboard('{Control>}{Delete}{/Control}{F3}{F4}{F12}');
    onlyThePanel();
    // Even with the focus lost to the page, Enter acts on nothing unseen.
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('{Control>}{Delete}{/Control}{Enter}');
    onlyThePanel();
    expect(till.callsOf('fiscal.seal')).toEqual([]);
    expect(useCartStore.getState().cart.lines).toHaveLength(1);
    expect(useAppStore.getState().panel).toBe('search');
  });

  it('lets a dialog asked meanwhile come above it and take Escape first', async () => {
    const { user, panel } = await openSyncPanel();
    let answered: unknown = 'pending';
    act(() => {
      void ask({ kind: 'confirm-void' }).then((r) => (answered = r));
    });
    const confirm = await screen.findByRole('dialog', { name: 'Annuler cette vente ?' });
    const zOf = (el: HTMLElement) => Number(el.parentElement!.style.zIndex);
    expect(zOf(confirm)).toBeGreaterThan(zOf(panel));
    expect(confirm.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(answered).toBeNull());
    expect(screen.getByRole('dialog', { name: PANEL })).toBe(panel);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(overlayOpen()).toBe(false);
  });
});

describe('a scanner read while a dialog is open', () => {
  it('does not press the focused button with the scan’s Enter, and says the code was not added', async () => {
    const user = await atSearchBox();
    let answered: unknown = 'pending';
    act(() => {
      void ask({ kind: 'confirm-void' }).then((r) => (answered = r));
    });
    const confirm = await screen.findByRole('dialog', { name: 'Annuler cette vente ?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Valider' }));
    // A scanner types the whole code and Enter within a few milliseconds.
    await user.keyboard(`${oignons.barcodes[0]}{Enter}`);
    expect(answered).toBe('pending');
    expect(noticeText()).toContain('non ajouté');
    expect(useCartStore.getState().cart.lines[0]!.quantity).toBe(1);
    // The cashier's own Enter still confirms what the dialog shows.
    await new Promise((resolve) => setTimeout(resolve, 60));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(answered).toEqual({ kind: 'confirmed' }));
  });
});

describe('the help overlay', () => {
  it('closes with Escape and names the keys in the screen’s language only', async () => {
    const user = await atSearchBox();
    await user.keyboard('{F1}');
    const help = await screen.findByRole('dialog', { name: 'Raccourcis clavier' });
    expect(help.textContent).toContain('Ctrl + Suppr');
    expect(help.textContent).not.toMatch(/Delete|Esc\b|Enter/);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useAppStore.getState().helpOpen).toBe(false);
    // F1 shows it, F1 again hides it.
    await user.keyboard('{F1}');
    await screen.findByRole('dialog', { name: 'Raccourcis clavier' });
    await user.keyboard('{F1}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
