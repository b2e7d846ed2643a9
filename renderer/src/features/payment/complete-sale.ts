import { buildSale, PosError, saleDocFromRecord, withLoyaltyEarn, type LoyaltyProgram, type SealedRecord } from '@pos/core';
import { perfMeasure } from '../../app/perf';
import { mirrorJournal, storeSealedRecords } from '../../db/journal-mirror';
import { useAppStore } from '../../state/app-store';
import { cartActions, persistCart, useCartStore } from '../../state/cart-store';
import { errorMessage, hostWords, sealProblemDetails } from '../../state/error-notice';
import { isOutcomeUnknown, waitForHost } from '../../state/host-outcome';
import { services } from '../../state/services';
import { saleSessionId } from '../cash/cash-store';
import { afterSale, doneSale } from '../receipt/after-sale';
import { announceIssuedCards } from '../gift-cards/gift-card-actions';
import { trainingOn } from '../training/training-store';

/**
 * The host refused the sale: each problem by its code in the cashier's words (SEAL_REFUSED), or
 * the host's reason by its code (sealing stopped…), the host's English kept for support only; the
 * tenders stay so the cashier can put it right.
 */
function notifySealRefused(error: unknown): void {
  const app = useAppStore.getState();
  const code = error instanceof PosError ? error.code : null;
  if (code === 'SEALING_STOPPED') {
    const { key, values } = errorMessage(error);
    return app.notify('error', key, values, [], hostWords(error));
  }
  const words = hostWords(error);
  const details = code === 'SEAL_REFUSED' ? sealProblemDetails(error) : [{ ...errorMessage(error), ...(words ? { words } : {}) }];
  app.notify('error', 'payment.sealRefusedProblems', undefined, details);
}

/** Seal with retries: a lost reply may hide a done seal, and sealing the same id again returns it. */
async function sealUntilConfirmed(): Promise<SealedRecord<'sale'> | null> {
  const { bridge } = services();
  for (;;) {
    const sale = useCartStore.getState().pendingSale;
    if (!sale) return null;
    try {
      return (await bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale })) as SealedRecord<'sale'>;
    } catch (error) {
      if (!isOutcomeUnknown(error)) {
        useCartStore.setState({ pendingSale: null, status: 'paying' });
        await persistCart();
        notifySealRefused(error);
        return null;
      }
      cartActions.setStatus('seal-pending');
      useAppStore.getState().notify('warning', 'payment.sealPending');
      await waitForHost();
    }
  }
}

/** The host's live loyalty program; none when it cannot say (the sale then earns nothing, never waits). */
async function heldLoyaltyProgram(): Promise<LoyaltyProgram | null> {
  try {
    return (await services().bridge.invoke('loyalty.program')).program;
  } catch {
    return null;
  }
}

/** Writes the sealed sale with strict durability; an id already there (restored) is the same sale. */
async function storeSale(record: SealedRecord<'sale'>): Promise<void> {
  const sales = services().db.docs.sales;
  // A training sale (the host sealed it on the training chain) is kept with the till's other records, never with the sales.
  if ((record as SealedRecord).chain === 'training') {
    await storeSealedRecords(services().db.docs, 'training', [record]).catch((error: unknown) => console.error(error));
    return;
  }
  try {
    await sales.insert(saleDocFromRecord(record));
  } catch (error) {
    if (await sales.findOne(record.id).exec()) return;
    // The sale is sealed and fsynced in the host journal: the next start restores it from there.
    console.error('Sale sealed but not stored locally', error);
    useAppStore.getState().notify('warning', 'payment.storeFailed', {}, [], hostWords(error));
  }
}

/**
 * The end of a sale, in the order that loses nothing: build → seal (host: sequence, hash chain,
 * signature, journal fsync) → strict RxDB write → only then the drawer and the receipt. A crash at
 * any step is recovered at the next start from the pending sale kept in the open cart and the host
 * journal.
 */
const withSession = (sessionId: string | undefined) => (sessionId ? { sessionId } : {});

export async function completeSale(): Promise<void> {
  const state = useCartStore.getState();
  if (state.status === 'sealing') return;
  const { profile, bridge, db } = services();
  const staff = useAppStore.getState().staff;
  if (!staff) return;
  if (!state.pendingSale) {
    const sale = buildSale(state.cart, state.tenders, {
      storeId: profile.storeId,
      tillId: profile.tillId,
      staffId: staff.id,
      completedAt: new Date().toISOString(),
      // All of them: buildSale takes those in force at completedAt, as the host checks.
      vatRates: profile.vatRates,
      cashRounding: profile.cashRounding,
      // The store's business day of completedAt (its zone and day start), as the host and the hub recompute it.
      timeZone: profile.timeZone,
      ...(profile.dayStartHour === undefined ? {} : { dayStartHour: profile.dayStartHour }),
      // Training mode: a fictitious sale, which the host seals on the training chain; a real one
      // carries the open cash session (the host refuses a sale of no session, or of another, while one is open).
      ...(trainingOn() ? { training: true } : withSession(saleSessionId())),
    });
    // A member earns points under the program the host holds (it checks them again before sealing).
    useCartStore.setState({ pendingSale: sale.customerId ? withLoyaltyEarn(sale, await heldLoyaltyProgram()) : sale });
  }
  cartActions.setStatus('sealing');
  await persistCart();
  const started = performance.now();
  const record = await sealUntilConfirmed();
  if (!record) return;
  await storeSale(record);
  perfMeasure('pos:commit', started);
  await (await db.docs.carts.findOne(record.id).exec())?.remove();
  // The sold cart says which lines are services (a note of 25 € TTC of them always prints).
  useCartStore.setState({ lastSale: doneSale(record, state.cart) });
  cartActions.start(staff.id, profile.currency);
  const app = useAppStore.getState();
  app.dismissNotice();
  app.setPanel('done');
  // The cards this sale sold: the host makes them now it is sealed, the cashier hands the code over
  // (asked before the receipt, which takes the code from the host to print it once).
  void announceIssuedCards(record);
  await afterSale(record);
  void mirrorJournal(db.docs, bridge, 'event').catch(() => undefined);
}
