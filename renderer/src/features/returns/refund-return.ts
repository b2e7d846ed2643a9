import {
  buildSale,
  cardTenderFields,
  cashTender,
  paperRuleFor,
  paymentState,
  PosError,
  receiptSettingsOf,
  returnCart,
  ReturnChoiceError,
  saleDocFromRecord,
  type ApprovalRef,
  type CardTender,
  type ReturnOf,
  type SalePayloadV1,
  type SealedRecord,
  type Tender,
} from '@pos/core';
import { formatMoney } from '../../i18n/format';
import { intlLocale } from '../../i18n/i18n';
import { useAppStore } from '../../state/app-store';
import { errorMessage, hostWords, sealProblemDetails } from '../../state/error-notice';
import { isOutcomeUnknown, waitForHost } from '../../state/host-outcome';
import { totalsNow } from '../../state/rates-now';
import { services } from '../../state/services';
import { saleSessionId } from '../cash/cash-store';
import { approve } from '../sale/approval';
import { useReturnStore, type ReturnSay } from './return-store';
import { choiceRefusal } from './return-lines';

const set = (change: Partial<ReturnType<typeof useReturnStore.getState>>) => useReturnStore.setState(change);

/** The return's cart from the lines chosen, and the amount it pays back; null (and said why) when the choice is not one. */
export function returnNow(id: string) {
  const { found, chosen } = useReturnStore.getState();
  if (!found) return null;
  try {
    const built = returnCart(found.record.payload, found.receipt, found.returned, new Map(Object.entries(chosen)), {
      id,
      startedAt: new Date().toISOString(),
    });
    return { ...built, total: totalsNow(built.cart).total };
  } catch (error) {
    if (error instanceof ReturnChoiceError) set({ say: choiceRefusal(found, error) });
    else throw error;
    return null;
  }
}

/** The amount the sale's card paid: a card refund never gives back more (the host checks it with earlier refunds). */
export function cardPaid(found: { readonly record: SealedRecord<'sale'> }): number {
  return found.record.payload.tenders.reduce((sum, t) => sum + (t.method === 'card' && t.status === 'approved' ? t.amount : 0), 0);
}

/** The return as core builds it: with the original it gives back, or (no receipt) the approval of it. */
export function buildReturn(
  cart: Parameters<typeof buildSale>[0],
  tenders: readonly Tender[],
  of: { readonly returnOf?: ReturnOf; readonly returnApproval?: ApprovalRef },
): SalePayloadV1 {
  const { profile } = services();
  const staff = useAppStore.getState().staff!;
  const sessionId = saleSessionId();
  return buildSale(cart, tenders, {
    storeId: profile.storeId,
    tillId: profile.tillId,
    staffId: staff.id,
    completedAt: new Date().toISOString(),
    vatRates: profile.vatRates,
    cashRounding: profile.cashRounding,
    timeZone: profile.timeZone,
    ...(profile.dayStartHour === undefined ? {} : { dayStartHour: profile.dayStartHour }),
    // The open cash session, which the host requires of every sale and return while one is open.
    ...(sessionId ? { sessionId } : {}),
    ...(of.returnOf ? { returnOf: of.returnOf } : {}),
    ...(of.returnApproval ? { returnApproval: of.returnApproval } : {}),
  });
}

/** The host refused the return: each problem in the cashier's words, the host's English for support only. */
function refusal(error: unknown): ReturnSay {
  if (error instanceof PosError && error.code === 'SEAL_REFUSED')
    return { key: 'returns.sealRefused', problems: sealProblemDetails(error) };
  const words = hostWords(error);
  return { ...errorMessage(error), ...(words ? { words } : {}) };
}

/** Seals the pending return (a lost reply is retried with the same id: the host answers the record it sealed). */
export async function sealPending(): Promise<void> {
  const { bridge, db } = services();
  set({ step: 'refunding', busy: true, say: { key: 'returns.sealing' } });
  let record: SealedRecord<'sale'> | null = null;
  for (;;) {
    const sale = useReturnStore.getState().pending;
    if (!sale) return;
    try {
      record = (await bridge.invoke('fiscal.seal', { chain: 'sale', id: sale.saleId, payload: sale })) as SealedRecord<'sale'>;
      break;
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        await waitForHost();
        continue;
      }
      // Kept: the refund may already be made (card), so the same return is sealed again, never another.
      set({ step: useReturnStore.getState().free ? 'free' : 'lines', busy: false, say: refusal(error) });
      return;
    }
  }
  try {
    await db.docs.sales.insert(saleDocFromRecord(record));
  } catch (error) {
    // Sealed and fsynced in the host's journal: the next start restores it from there.
    if (!(await db.docs.sales.findOne(record.id).exec())) console.error('Return sealed but not stored locally', error);
  }
  const cash = record.payload.tenders.some((t) => t.method === 'cash');
  // The credit note's paper rule is 'always', whatever the store's (paperRuleFor): proof of the refund.
  const print = paperRuleFor('return', receiptSettingsOf(services().profile)) === 'always';
  set({
    step: 'done',
    busy: false,
    pending: null,
    sealed: record,
    say: null,
    print: print ? 'printing' : null,
    drawer: cash ? 'opening' : null,
  });
  await Promise.all([
    cash
      ? bridge.invoke('drawer.openForSale', { saleId: record.id }).then(
          (drawer) => set({ drawer }),
          () => set({ drawer: 'failed' }),
        )
      : null,
    print
      ? bridge.invoke('receipt.print', { saleId: record.id }).then(
          (outcome) => set({ print: outcome }),
          (error: unknown) => set({ print: { status: 'failed', reason: 'unreachable', message: (error as Error).message } }),
        )
      : null,
  ]);
}

/** Pays back in cash: the drawer opens once the return is sealed. */
export async function refundInCash(): Promise<void> {
  const id = crypto.randomUUID();
  const built = returnNow(id);
  if (!built) return;
  const { cashRounding } = services().profile;
  const due = paymentState(built.total, [], cashRounding).cashDue;
  set({ pending: buildReturn(built.cart, [cashTender(crypto.randomUUID(), built.total, [], due, cashRounding)], built) });
  await sealPending();
}

/**
 * Pays back on the card that paid the sale, through the terminal: with an approval of the refund
 * (the cashier's own when their role may refund, else a manager's PIN), sealed by the host as a
 * refund.request before the terminal is asked. Only an approved refund becomes the return's tender.
 */
export async function refundToCard(): Promise<void> {
  const { found } = useReturnStore.getState();
  if (!found) return;
  const id = crypto.randomUUID();
  const built = returnNow(id);
  if (!built) return;
  const { bridge } = services();
  if (built.total > cardPaid(found)) {
    const amount = formatMoney(cardPaid(found), built.cart.currency, intlLocale(useAppStore.getState().locale));
    return set({ say: { key: 'returns.cardOnlyUpTo', values: { amount } } });
  }
  const saleId = found.record.id;
  const grant = await approve('sale.refund', 'returns.refundApproval', { saleId, amount: built.total });
  if (!grant) return;
  const attemptKey = crypto.randomUUID();
  set({ step: 'refunding', busy: true, say: null });
  try {
    const result = await bridge.invoke('terminal.refund', {
      attemptKey,
      amount: built.total,
      currency: built.cart.currency,
      saleId,
      approvalId: grant.approvalId,
    });
    if (result.status !== 'approved') {
      const key = result.status === 'declined' ? 'returns.cardDeclined' : 'returns.cardUnknown';
      return set({ step: 'lines', busy: false, say: { key } });
    }
    const tender: CardTender = {
      id: crypto.randomUUID(),
      method: 'card',
      amount: built.total,
      attemptKey,
      ...cardTenderFields(result),
      status: 'approved',
    };
    set({ pending: buildReturn(built.cart, [tender], built) });
  } catch (error) {
    return set({ step: 'lines', busy: false, say: refusal(error) });
  }
  await sealPending();
}
