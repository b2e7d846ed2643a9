import { demoProduct, PosError, type ApprovalRequest, type EventPayload, type SealRequest } from '@pos/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { MANAGER } from '../../test-support/fake-bridge';
import { euros, lineNamed, noticeText } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { resumePendingVoids } from './pending-voids';
import { voidSale } from './sale-lifecycle';
import { sellCode } from './sell';

const oignons = demoProduct(100);
const other = demoProduct(205);

let till: Till;
let user: UserEvent;
afterEach(async () => {
  await stopTill();
});

async function scan(code: string): Promise<void> {
  await act(() => sellCode(code));
}

function managerDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name: 'Accord d’un responsable' });
}

async function typePin(pin: string): Promise<void> {
  const dialog = await managerDialog();
  await user.type(within(dialog).getByLabelText('Code du responsable'), pin);
  await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
}

async function askPriceOverride(price: string, reason = 'Étiquette rayon'): Promise<void> {
  await user.click(screen.getByRole('button', { name: /^Modifier le prix/ }));
  const dialog = await screen.findByRole('dialog', { name: `Nouveau prix pour ${oignons.name}` });
  await user.clear(within(dialog).getByLabelText('Nouveau prix'));
  await user.type(within(dialog).getByLabelText('Nouveau prix'), price);
  await user.type(within(dialog).getByLabelText('Motif'), reason);
  await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
}

function approvalRequests(): ApprovalRequest[] {
  return till.callsOf('approval.request') as ApprovalRequest[];
}

describe('approvals for a cashier', () => {
  beforeEach(async () => {
    till = await startTill();
    user = userEvent.setup();
  });

  it('says a wrong PIN in the dialog, lets the manager type it again, and binds the approval to the new price', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await askPriceOverride('1,50');
    await typePin('0000');
    await waitFor(async () =>
      expect(within(await managerDialog()).getByRole('alert').textContent).toBe('Code incorrect (4 essai(s) restant(s)).'),
    );
    expect(lineNamed(oignons.name).unitPrice).toBe(euros(oignons.price));
    // The field starts empty again: the wrong PIN is not left in it.
    expect(within(await managerDialog()).getByLabelText('Code du responsable')).toHaveProperty('value', '');

    await typePin('5678');
    await waitFor(() => expect(lineNamed(oignons.name).unitPrice).toBe(euros(150)));
    expect(screen.queryByRole('dialog')).toBeNull();
    const { cart } = useCartStore.getState();
    const subject = { saleId: cart.id, lineId: cart.lines[0]!.lineId, unitPrice: 150 };
    expect(approvalRequests()).toEqual([
      { action: 'sale.price-override', pin: '0000', subject },
      { action: 'sale.price-override', pin: '5678', subject },
    ]);
    expect(till.approvals.map((a) => a.approvalId)).toEqual(['approval-1']);
    expect(cart.lines[0]!.priceOverride).toMatchObject({ approvalId: 'approval-1', approvedBy: MANAGER.id });
  });

  it('types the PIN with the on-screen pad, for a till without a keyboard', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await askPriceOverride('1,20');
    const dialog = await managerDialog();
    for (const digit of '5678') await user.click(within(dialog).getByRole('button', { name: `Chiffre ${digit}` }));
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(lineNamed(oignons.name).unitPrice).toBe(euros(120)));
    expect(approvalRequests()[0]).toMatchObject({ pin: '5678' });
  });

  it("refuses a cashier's own PIN for a manager's action, in the dialog", async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await askPriceOverride('1,50');
    await typePin('1234');
    await waitFor(async () => expect(within(await managerDialog()).getByRole('alert').textContent).toMatch(/n’autorise pas cette action/));
    await user.click(within(await managerDialog()).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useCartStore.getState().cart.lines[0]!.priceOverride).toBeUndefined();
    expect(till.approvals).toEqual([]);
  });

  it('says the lock in the dialog, with the time left, when wrong PINs have locked approvals; cancelled, nothing changes', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await askPriceOverride('0,10');
    for (let i = 0; i < 4; i++) {
      await typePin('0000');
      await waitFor(async () => expect(within(await managerDialog()).getByRole('alert').textContent).toMatch(/Code incorrect/));
    }
    await typePin('0000');
    const dialog = await managerDialog();
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/^Trop de codes faux : réessayez dans 0:(30|29)\.$/));
    expect(within(dialog).getByRole('button', { name: 'Valider' })).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useCartStore.getState().cart.lines[0]!.priceOverride).toBeUndefined();
  });

  it('asks a manager when the host refuses what the screen thought the cashier could do alone', async () => {
    till.handle('approval.request', (request: ApprovalRequest) => {
      if (request.pin === undefined) throw new PosError('FORBIDDEN', 'Camille may not do this alone', { needsApprover: true });
      return { approvalId: 'approval-m', approvedBy: MANAGER.id, approverName: MANAGER.displayName };
    });
    renderTill();
    await scan(other.barcodes[0]!);
    await user.click(screen.getByRole('button', { name: /^Remise ligne/ }));
    const dialog = await screen.findByRole('dialog', { name: `Remise sur ${other.name}` });
    await user.type(within(dialog).getByLabelText('Valeur'), '5');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await typePin('5678');
    await waitFor(() =>
      expect(useCartStore.getState().cart.lines[0]!.discount).toEqual({
        kind: 'percent',
        bp: 500,
        approvalId: 'approval-m',
        approvedBy: MANAGER.id,
      }),
    );
    expect(approvalRequests().map((r) => r.pin)).toEqual([undefined, '5678']);
  });
});

describe('approvals for a manager', () => {
  beforeEach(async () => {
    till = await startTill({ staff: MANAGER });
    user = userEvent.setup();
  });

  it('approves her own price override without a PIN: the host issues the approval to her', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    await askPriceOverride('1,00');
    await waitFor(() => expect(lineNamed(oignons.name).unitPrice).toBe(euros(100)));
    expect(screen.queryByRole('dialog', { name: 'Accord d’un responsable' })).toBeNull();
    const { cart } = useCartStore.getState();
    expect(approvalRequests()).toEqual([
      { action: 'sale.price-override', subject: { saleId: cart.id, lineId: cart.lines[0]!.lineId, unitPrice: 100 } },
    ]);
    expect(cart.lines[0]!.priceOverride).toMatchObject({ approvalId: 'approval-1', approvedBy: MANAGER.id });
  });
});

describe('voiding a sale', () => {
  beforeEach(async () => {
    till = await startTill();
    user = userEvent.setup();
  });

  function voids(): SealRequest<'event'>[] {
    return (till.callsOf('fiscal.seal') as SealRequest[]).filter(
      (r): r is SealRequest<'event'> => r.chain === 'event' && (r.payload as EventPayload).type === 'sale.void',
    );
  }

  async function confirmVoid(): Promise<void> {
    let done: Promise<void> | undefined;
    act(() => {
      done = voidSale();
    });
    const dialog = await screen.findByRole('dialog', { name: 'Annuler cette vente ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    await act(() => done!);
  }

  it('seals the void under an id derived from the cart, with the approval the host gave for this cart', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!);
    const cartId = useCartStore.getState().cart.id;
    await confirmVoid();
    expect(approvalRequests()).toEqual([{ action: 'sale.void', subject: { saleId: cartId } }]);
    expect(voids()).toHaveLength(1);
    expect(voids()[0]).toMatchObject({
      id: `void-${cartId}`,
      payload: { type: 'sale.void', saleId: cartId, staffId: 'staff-camille', approvalId: 'approval-1', approvedBy: 'staff-camille' },
    });
    expect(noticeText()).toBe('');
    expect(screen.getByText('Vente annulée et enregistrée au journal.')).toBeTruthy();
    expect(useCartStore.getState().cart.lines).toEqual([]);
  });

  it('treats a lost answer as done, and a second void of the same cart seals nothing more', async () => {
    let lose = true;
    till.handle('fiscal.seal', (request: SealRequest) => {
      // The host seals, then its first answer is lost on the way back.
      const record = till.seal(request);
      if (lose) {
        lose = false;
        throw new PosError('HOST_UNAVAILABLE', 'The till host is not answering');
      }
      return record;
    });
    renderTill();
    await scan(oignons.barcodes[0]!);
    const cart = useCartStore.getState().cart;
    await confirmVoid();
    expect(useCartStore.getState().cart.lines).toEqual([]);
    expect(noticeText()).toBe('');
    expect([...till.sealed.keys()]).toEqual([`void-${cart.id}`]);

    // The same cart again (a copy left on another screen, a restored cart): voided under a new approval.
    act(() => useCartStore.setState({ cart, status: 'selling', tenders: [] }));
    await confirmVoid();
    expect(till.approvals.map((a) => a.approvalId)).toEqual(['approval-1', 'approval-2']);
    // The lost one asked again in the background (same id, same approval), and the second void: three asks, one record.
    await waitFor(() => expect(voids()).toHaveLength(3), { timeout: 4000 });
    expect(new Set(voids().map((v) => v.id))).toEqual(new Set([`void-${cart.id}`]));
    expect([...till.sealed.values()].filter((r) => r.chain === 'event')).toHaveLength(1);
    expect(noticeText()).toBe('');
    expect(useCartStore.getState().cart.lines).toEqual([]);
  });

  it('remembers a void whose answer never came, parks its cart, and seals it once the page is back (reloaded or not)', async () => {
    let hostDown = true;
    till.handle('fiscal.seal', (request: SealRequest) => {
      // The host is away: nothing reaches the journal until it is back.
      if (hostDown) throw new PosError('HOST_UNAVAILABLE', 'The till host is not answering');
      return till.seal(request);
    });
    renderTill();
    await scan(oignons.barcodes[0]!);
    const cart = useCartStore.getState().cart;
    await confirmVoid();
    expect(useCartStore.getState().cart.lines).toEqual([]);
    // Nothing sealed yet, but nothing lost: the void is remembered and the cart parked.
    expect(till.sealed.size).toBe(0);
    expect((await till.db.docs.settings.findOne(`void.pending.${cart.id}`).exec())?.value).toMatchObject({ id: `void-${cart.id}` });
    expect((await till.db.docs.carts.findOne(cart.id).exec())?.status).toBe('parked');
    // The page reloads (the background retry is gone with it); after sign-in the void is asked again.
    hostDown = false;
    await act(() => resumePendingVoids());
    expect([...till.sealed.keys()]).toEqual([`void-${cart.id}`]);
    expect(await till.db.docs.settings.findOne(`void.pending.${cart.id}`).exec()).toBeNull();
    await waitFor(async () => expect(await till.db.docs.carts.findOne(cart.id).exec()).toBeNull());
    expect([...till.sealed.values()].filter((r) => r.chain === 'event')).toHaveLength(1);
  });
});
