import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { errorMessage, hostWords } from '../../state/error-notice';
import { refuseWhileSealingStopped } from '../../state/selling-guard';
import { services } from '../../state/services';
import { trainingOn } from '../training/training-store';
import { EMPTY_RETURN, useReturnStore } from './return-store';
import { addFreeBarcode } from './without-receipt';

/** F10 or the status bar's Retour: opens the returns panel on the receipt's field; never in the middle of a payment. */
export function openReturns(): void {
  const app = useAppStore.getState();
  if (app.phase !== 'selling' || refuseWhileSealingStopped()) return;
  if (useCartStore.getState().status !== 'selling') return app.notify('warning', 'returns.refused');
  // Training mode seals fictitious sales only: money really paid back is never one of them.
  if (trainingOn()) return app.notify('warning', 'returns.notInTraining');
  useReturnStore.setState({ ...EMPTY_RETURN, open: true });
}

/** Escape or Fermer; not while the terminal refunds or the host seals. */
export function closeReturns(): void {
  if (useReturnStore.getState().step === 'refunding') return;
  useReturnStore.setState(EMPTY_RETURN);
}

/** Back to the receipt's field, for another receipt. */
export function otherReceipt(): void {
  useReturnStore.setState({ ...EMPTY_RETURN, open: true });
}

/**
 * The sale a receipt code or a receipt's QR code names, from the host's journal, with what was
 * returned of it already; a code the host does not find is said by its reason (another till…).
 */
export async function findSale(code: string): Promise<void> {
  if (useReturnStore.getState().step === 'free') return addFreeBarcode(code);
  const state = useReturnStore.getState();
  if (!state.open || state.busy || state.step === 'refunding' || state.step === 'done' || code.trim() === '') return;
  useReturnStore.setState({ busy: true, say: { key: 'returns.finding' } });
  try {
    const found = await services().bridge.invoke('sale.lookup', { code: code.trim() });
    useReturnStore.setState({ step: 'lines', busy: false, found, chosen: {}, say: null, pending: null });
  } catch (error) {
    const words = hostWords(error);
    useReturnStore.setState({ busy: false, say: { ...errorMessage(error), ...(words ? { words } : {}) } });
  }
}
