import {
  cardTenderFields,
  assertCardAmount,
  cashTender,
  isStoredValueTender,
  paymentState,
  type CardTender,
  PosError,
  type Tender,
  type TerminalAlertView,
  type TerminalProgress,
} from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { notifyError } from '../../state/error-notice';
import { cartActions, hasCountedTenders, useCartStore } from '../../state/cart-store';
import { dueNow } from '../../state/rates-now';
import { refuseWhileSealingStopped } from '../../state/selling-guard';
import { services } from '../../state/services';
import { afterPendingScans } from '../sale/sell';
import { notifyCardError, notifyCardResult, refusedBeforeTerminal } from './card-messages';
import { applyTerminalProgress, startPaying, stopPaying, useCardProgress } from './card-progress';
import { completeSale } from './complete-sale';
import { releaseStoredValue } from './stored-value-actions';

export function currentPayment() {
  const { cart, tenders } = useCartStore.getState();
  const { profile } = services();
  const total = dueNow(cart, profile);
  return { total, state: paymentState(total, tenders, profile.cashRounding) };
}

async function afterTenderChange(): Promise<void> {
  if (currentPayment().state.complete) await completeSale();
}

/** Completes the sale once its tenders pay it (a gift card may pay all of it). */
export function completeIfPaid(): Promise<void> {
  return afterTenderChange();
}

export async function openPayment(): Promise<void> {
  await afterPendingScans();
  const { cart } = useCartStore.getState();
  if ((cart.lines.length === 0 && !cart.vouchers?.length) || refuseWhileSealingStopped()) return;
  useAppStore.getState().setPanel('payment');
}

export async function payCash(tendered: number): Promise<void> {
  const { cart, tenders } = useCartStore.getState();
  const { profile } = services();
  try {
    const total = dueNow(cart, profile);
    const tender = cashTender(crypto.randomUUID(), total, tenders, tendered, profile.cashRounding);
    cartActions.setTenders([...tenders, tender]);
    cartActions.setStatus('paying');
  } catch (error) {
    return notifyPaymentError(error);
  }
  await afterTenderChange();
}

/** A refusal of core's payment rules in the cashier's words; anything else as the host's error. */
export function notifyPaymentError(error: unknown, otherwise: (error: unknown) => void = notifyError): void {
  const code = (error as { code?: string }).code;
  const keys: Record<string, string> = {
    'card-overpay': 'payment.cardOverpay',
    'nothing-due': 'payment.nothingDue',
    'unknown-card-pending': 'payment.settleUnknown',
    'invalid-amount': 'dialogs.invalidAmount',
  };
  if (code && keys[code]) useAppStore.getState().notify('error', keys[code]);
  else otherwise(error);
}

function replaceTender(id: string, patch: Partial<CardTender>): void {
  const { tenders } = useCartStore.getState();
  cartActions.setTenders(tenders.map((t): Tender => (t.id === id && t.method === 'card' ? { ...t, ...patch } : t)));
}

const fromResult = cardTenderFields;

/**
 * The attempt is recorded as "unknown" before the terminal is asked, so a crash mid-payment
 * leaves a trace to settle, never a silent charge. No answer stays "unknown": never "declined".
 * While the terminal works the screen says so (card-progress), not "unknown": the choices to
 * settle it by hand come only once the terminal answered "unknown" or timed out.
 */
export async function payCard(amount: number): Promise<void> {
  const { cart, tenders } = useCartStore.getState();
  const { profile, bridge } = services();
  try {
    assertCardAmount(dueNow(cart, profile), tenders, amount, profile.cashRounding);
  } catch (error) {
    return notifyPaymentError(error);
  }
  const tender: CardTender = { id: crypto.randomUUID(), method: 'card', amount, status: 'unknown', attemptKey: crypto.randomUUID() };
  cartActions.setTenders([...tenders, tender]);
  cartActions.setStatus('paying');
  useCartStore.setState({ terminalBusy: true });
  startPaying(tender.attemptKey);
  try {
    const result = await bridge.invoke('terminal.pay', { attemptKey: tender.attemptKey, amount, currency: cart.currency });
    replaceTender(tender.id, fromResult(result));
    notifyCardResult(result);
  } catch (error) {
    if (refusedBeforeTerminal(error)) dropTender(tender.id);
    notifyCardError(error);
  } finally {
    stopPaying(tender.attemptKey);
    useCartStore.setState({ terminalBusy: false });
  }
  await afterTenderChange();
}

/** The host refused before asking the terminal: the attempt never existed for the card. */
function dropTender(tenderId: string): void {
  const next = useCartStore.getState().tenders.filter((t) => t.id !== tenderId);
  cartActions.setTenders(next);
  // Nothing paid nor tried any more: the lines may change again.
  if (!hasCountedTenders(next)) cartActions.setStatus('selling');
}

/**
 * Another screen of this till (or this page before a reload) paid: once the terminal finished an
 * attempt this cart still shows unknown, its outcome is asked for, since its reply went elsewhere.
 */
export async function followTerminalProgress(progress: TerminalProgress): Promise<void> {
  applyTerminalProgress(progress);
  if (progress.phase !== 'finished' || useCardProgress.getState().paying === progress.attemptKey) return;
  const tender = useCartStore
    .getState()
    .tenders.find((t): t is CardTender => t.method === 'card' && t.attemptKey === progress.attemptKey && t.status === 'unknown');
  if (tender) await askTerminal(tender.id);
}

export async function askTerminal(tenderId: string): Promise<void> {
  const tender = useCartStore.getState().tenders.find((t): t is CardTender => t.id === tenderId && t.method === 'card');
  if (!tender) return;
  try {
    const result = await services().bridge.invoke('terminal.status', { attemptKey: tender.attemptKey });
    replaceTender(tenderId, fromResult(result));
  } catch (error) {
    notifyCardError(error);
  }
  await afterTenderChange();
}

/**
 * A person read the terminal's own receipt: their word settles the attempt, recorded on the
 * tender and in the host's payment journal (so a later answer from the terminal is checked against it).
 */
export async function settleManually(tenderId: string, outcome: 'approved' | 'declined'): Promise<void> {
  const staffId = useAppStore.getState().staff?.id ?? '';
  const tender = useCartStore.getState().tenders.find((t): t is CardTender => t.id === tenderId && t.method === 'card');
  if (!tender) return;
  try {
    await services().bridge.invoke('terminal.reconcile', { attemptKey: tender.attemptKey, outcome });
  } catch (error) {
    const code = error instanceof PosError ? error.code : null;
    // Still working (this page was reloaded meanwhile): its screen says so until the terminal is done.
    if (code === 'TERMINAL_BUSY') {
      notifyCardError(error);
      return applyTerminalProgress({ attemptKey: tender.attemptKey, phase: 'started' });
    }
    // The journal already knows better (the terminal answered meanwhile): ask it, do not overrule it.
    if (code === 'INVALID_REQUEST') useAppStore.getState().notify('info', 'cardTerminal.alreadySettled');
    else notifyCardError(error);
    return askTerminal(tenderId);
  }
  replaceTender(tenderId, { status: outcome, resolvedBy: { staffId, outcome } });
  await afterTenderChange();
}

/** The terminal answered late an attempt of this cart still shown as unknown: the tender takes its answer. */
export async function settleFromTerminal(alert: TerminalAlertView): Promise<void> {
  if (alert.kind !== 'late-approval' && alert.kind !== 'late-decline') return;
  const tender = useCartStore
    .getState()
    .tenders.find((t): t is CardTender => t.method === 'card' && t.attemptKey === alert.attemptKey && t.status === 'unknown');
  if (!tender) return;
  replaceTender(tender.id, { status: alert.status });
  await afterTenderChange();
}

/** Cash can be handed back, a declined card forgotten and a gift card's reservation given back; an approved card needs a refund (later). */
export function removeTender(tenderId: string): void {
  const { tenders } = useCartStore.getState();
  const tender = tenders.find((t) => t.id === tenderId);
  if (!tender || (tender.method === 'card' && tender.status !== 'declined')) return;
  dropTender(tenderId);
  // A gift card's amount was reserved at the hub: it goes back to the card.
  if (isStoredValueTender(tender)) void releaseStoredValue(tender);
}
