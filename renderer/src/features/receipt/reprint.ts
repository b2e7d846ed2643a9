import { storeSealedRecords } from '../../db/journal-mirror';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../../state/cart-store';
import { notifyError } from '../../state/error-notice';
import { services } from '../../state/services';

/** A reprint is a DUPLICATA, numbered and sealed on the duplicate chain by the host before it prints. */
export async function reprint(saleId: string): Promise<number | null> {
  try {
    const { bridge, db } = services();
    const result = await bridge.invoke('receipt.reprint', { saleId });
    // Kept with the till's other records (and sent to the hub); the journal mirror fills it in if this write fails.
    void storeSealedRecords(db.docs, 'duplicate', [result.event]).catch(() => undefined);
    const app = useAppStore.getState();
    if (result.outcome.status === 'failed') app.notify('error', `doneReceipt.printFailed.${result.outcome.reason}`);
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
