import { notifyError, useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { services } from '../../state/services';

/** A reprint is a DUPLICATA, numbered and sealed in the journal by the host before it prints. */
export async function reprint(saleId: string): Promise<number | null> {
  try {
    const result = await services().bridge.invoke('receipt.reprint', { saleId });
    const app = useAppStore.getState();
    if (result.outcome.status === 'failed') app.notify('error', 'done.printFailed', { message: result.outcome.message });
    else app.notify('success', 'done.reprinted', { number: result.reprintNumber });
    const last = useCartStore.getState().lastSale;
    if (last?.record.id === saleId)
      useCartStore.setState({ lastSale: { ...last, print: result.outcome, reprinted: result.reprintNumber } });
    return result.reprintNumber;
  } catch (error) {
    notifyError(error);
    return null;
  }
}
