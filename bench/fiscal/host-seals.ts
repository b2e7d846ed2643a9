/**
 * seal_ms as a cashier waits for it: the real till host's fiscal.seal (its full validation with
 * core — every line figure, the tenders replayed, each card tender against the payment journal,
 * each approval against those it issued — then the seal: hash, signature, append, fdatasync).
 * What precedes the seal at a real till is done before the clock starts: the card payment at the
 * simulated terminal, the manager's approval of a discount.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  addProduct,
  buildSale,
  cartTotals,
  cashTender,
  demoProduct,
  demoStoreProfile,
  emptyCart,
  setLineDiscount,
  type ApprovalGrant,
  type CardResult,
  type InvokeReply,
  type SealedRecord,
  type Tender,
} from '@pos/core';
import { createTillHost } from '../../electron/src/host/till-host';

const store = demoStoreProfile();

function valueOf<T>(reply: InvokeReply): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** Every second sale paid by card, every third with an approved line discount; five lines each. */
export async function measureHostSeals(count: number, warmUp = 30): Promise<{ times: number[]; payloadBytes: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-host-seal-'));
  const host = await createTillHost({
    dataDir: dir,
    mode: 'browser',
    demo: true,
    env: { POS_PRINTER: 'none', POS_TERMINAL_DELAY_MS: '1' },
  });
  const times: number[] = [];
  let payloadBytes = 0;
  try {
    valueOf(await host.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' }));
    for (let i = 0; i < count + warmUp; i++) {
      const saleId = `bench-${i}`;
      let cart = emptyCart(saleId, 'EUR', new Date().toISOString());
      for (const [n, index] of [100 + (i % 900), 205, 1200 + (i % 700), 310, 2500].entries()) {
        cart = addProduct(cart, demoProduct(index), { lineId: `l${n}` });
      }
      if (i % 3 === 0) {
        const grant = valueOf<ApprovalGrant>(
          await host.invoke('approval.request', { action: 'sale.discount', subject: { saleId, lineId: 'l0', bp: 1000 } }),
        );
        cart = setLineDiscount(cart, 'l0', { kind: 'percent', bp: 1000, approvalId: grant.approvalId, approvedBy: grant.approvedBy });
      }
      const total = cartTotals(cart, store.vatRates).total;
      let tenders: Tender[];
      // The simulated terminal refuses amounts ending in ,51 and leaves ,52 unanswered: those go in cash.
      if (i % 2 === 0 && total % 100 !== 51 && total % 100 !== 52) {
        const attemptKey = `card-${i}`;
        const result = valueOf<CardResult>(await host.invoke('terminal.pay', { attemptKey, amount: total, currency: 'EUR' }));
        tenders = [{ id: `t-${i}`, method: 'card', amount: total, status: result.status, attemptKey }];
      } else {
        tenders = [cashTender(`c-${i}`, total, [], total + 500, store.cashRounding)];
      }
      const payload = buildSale(cart, tenders, {
        storeId: 'S001',
        tillId: 'T01',
        staffId: 'staff-camille',
        completedAt: new Date().toISOString(),
        vatRates: store.vatRates,
        cashRounding: store.cashRounding,
        timeZone: store.timeZone,
      });
      payloadBytes = JSON.stringify(payload).length;
      const started = performance.now();
      const record = valueOf<SealedRecord>(await host.invoke('fiscal.seal', { chain: 'sale', id: saleId, payload }));
      const ms = performance.now() - started;
      if (record.id !== saleId) throw new Error('sealed another sale');
      if (i >= warmUp) times.push(ms);
    }
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { times, payloadBytes };
}
