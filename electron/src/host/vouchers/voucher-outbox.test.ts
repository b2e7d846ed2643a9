import { afterEach, describe, expect, it } from 'vitest';
import { buildSale, emptyCart, PosError, type SaleVoucher, type SealedRecord } from '@pos/core';
import { demoStoreProfile } from '@pos/core/demo/demo-store';
import { cashTender } from '@pos/core/payment/payment-state';
import { demoSaleContext, signedSaleRecord } from '@pos/core/test-support/sample-sale';
import { tempDirs } from '../test-support/host-harness';
import { VoucherOutbox, type VoucherAnswer, type VoucherRequest } from './voucher-outbox';

const dirs = tempDirs('pos-vouchers-');
afterEach(() => dirs.cleanup());
const store = demoStoreProfile();

function sealed(saleId: string, seq: number, vouchers: readonly SaleVoucher[]): SealedRecord {
  const due = vouchers.reduce((acc, v) => acc + v.amount, 0);
  const cart = { ...emptyCart(saleId, 'EUR', '2026-11-22T09:00:00.000Z'), vouchers };
  return signedSaleRecord(
    buildSale(cart, [cashTender(`${saleId}-cash`, due, [], due, store.cashRounding)], demoSaleContext({}, store)),
    seq,
  );
}

const card = (lineId: string, amount = 5_000): SaleVoucher => ({ lineId, cardKind: 'gift_card', operation: 'issue', amount });

/** A hub that makes a card once per sale and line, its code in the first answer only, and counts what it was asked. */
function fakeHub() {
  const cards = new Map<string, VoucherAnswer>();
  const hub = {
    calls: 0,
    offline: false,
    refuse: null as string | null,
    /** Answers, then "dies" before the host hears it (a kill -9 between the hub's answer and the host's line). */
    dropNextAnswer: false,
    cards,
    async send(request: VoucherRequest): Promise<VoucherAnswer> {
      hub.calls += 1;
      if (hub.offline) throw new PosError('HUB_UNREACHABLE', 'offline');
      if (hub.refuse) throw new PosError('HUB_REFUSED', 'refused', { status: 409, hubCode: hub.refuse });
      const key = `${request.saleId}:${request.lineId}`;
      const existing = cards.get(key);
      const answer = existing
        ? { cardId: existing.cardId, maskedCode: existing.maskedCode, available: request.amount }
        : { cardId: `card_${cards.size + 1}`, maskedCode: '••••-8NCA', code: `CODE-${cards.size + 1}`, available: request.amount };
      if (!existing) cards.set(key, answer);
      if (hub.dropNextAnswer) {
        hub.dropNextAnswer = false;
        throw new Error('the host was killed before it heard the answer');
      }
      return answer;
    },
  };
  return hub;
}

function journalOf(records: SealedRecord[]) {
  return async (afterSeq: number, limit: number) => records.filter((r) => r.seq > afterSeq).slice(0, limit);
}

describe('VoucherOutbox: cards made at the hub once the sale is sealed', () => {
  it('makes each card of a sealed sale once, and gives its code once', async () => {
    const dir = await dirs.make();
    const hub = fakeHub();
    const sale = sealed('s1', 1, [card('v1'), card('v2', 2_000)]);
    const outbox = await VoucherOutbox.open(dir, { readSales: journalOf([sale]), send: hub.send });
    await outbox.run();
    await outbox.run();
    expect(hub.calls).toBe(2);
    expect(hub.cards.size).toBe(2);
    const peek = outbox.resultOf(sale.payload as never, { takeCodes: false });
    expect(peek.cards.map((c) => c.code)).toEqual(['CODE-1', 'CODE-2']);
    expect(outbox.resultOf(sale.payload as never, { takeCodes: true }).cards.map((c) => c.code)).toEqual(['CODE-1', 'CODE-2']);
    expect(outbox.resultOf(sale.payload as never, { takeCodes: true }).cards.map((c) => c.code)).toEqual([undefined, undefined]);
    expect(outbox.pending).toBe(0);
    await outbox.close();
  });

  it('after a kill -9 between the seal and the hub, makes the card at the next start, once', async () => {
    const dir = await dirs.make();
    const hub = fakeHub();
    const journal = [sealed('s1', 1, [card('v1')])];
    // The host died right after the seal: the outbox never ran. The next start reads the journal.
    const outbox = await VoucherOutbox.open(dir, { readSales: journalOf(journal), send: hub.send });
    await outbox.run();
    expect(hub.cards.size).toBe(1);
    await outbox.close();
    const again = await VoucherOutbox.open(dir, { readSales: journalOf(journal), send: hub.send });
    await again.run();
    expect(hub.calls).toBe(1);
    await again.close();
  });

  it('after a kill -9 between the hub’s answer and the host’s record, asks again and gets the same card', async () => {
    const dir = await dirs.make();
    const hub = fakeHub();
    const journal = [sealed('s1', 1, [card('v1')])];
    hub.dropNextAnswer = true;
    const first = await VoucherOutbox.open(dir, { readSales: journalOf(journal), send: hub.send });
    await first.run();
    expect(first.pending).toBe(1);
    await first.close();
    const second = await VoucherOutbox.open(dir, { readSales: journalOf(journal), send: hub.send });
    await second.run();
    expect(second.pending).toBe(0);
    expect(hub.cards.size).toBe(1);
    // The code went with the lost answer: the receipt says the card is made, masked (head office cancels and resells it).
    expect(second.resultOf(journal[0]!.payload as never, { takeCodes: true }).cards).toEqual([
      { lineId: 'v1', maskedCode: '••••-8NCA', available: 5_000 },
    ]);
    await second.close();
  });

  it('makes nothing for a sale that was never sealed, nor for one without vouchers', async () => {
    const dir = await dirs.make();
    const hub = fakeHub();
    const journal = [sealed('plain', 1, [card('v1')])];
    journal[0] = { ...journal[0]!, payload: { ...journal[0]!.payload, vouchers: undefined } } as SealedRecord;
    const outbox = await VoucherOutbox.open(dir, { readSales: journalOf(journal), send: hub.send });
    await outbox.run();
    expect(hub.calls).toBe(0);
    await outbox.close();
  });

  it('waits offline and sends when the hub is back; a refusal is kept with its code and never sent again', async () => {
    const dir = await dirs.make();
    const hub = fakeHub();
    hub.offline = true;
    const journal = [sealed('s1', 1, [card('v1')])];
    const outbox = await VoucherOutbox.open(dir, { readSales: journalOf(journal), send: hub.send });
    await outbox.run();
    expect(outbox.resultOf(journal[0]!.payload as never, { takeCodes: false }).others).toEqual([{ lineId: 'v1', state: 'waiting' }]);
    hub.offline = false;
    journal.push(sealed('s2', 2, [card('v9')]));
    hub.refuse = null;
    await outbox.run();
    expect(hub.cards.size).toBe(2);
    hub.refuse = 'card_cancelled';
    journal.push(sealed('s3', 3, [card('v1')]));
    await outbox.run();
    await outbox.run();
    expect(outbox.resultOf(journal[2]!.payload as never, { takeCodes: false }).others).toEqual([
      { lineId: 'v1', state: 'refused', hubCode: 'card_cancelled' },
    ]);
    expect(hub.calls).toBe(4);
    await outbox.close();
  });
});
