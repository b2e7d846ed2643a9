import { PosError, type SealRequest } from '@pos/core';
import { notifyError } from '../../state/error-notice';
import { isOutcomeUnknown, waitForHost } from '../../state/host-outcome';
import { services } from '../../state/services';

const PREFIX = 'void.pending.';

/**
 * A void is remembered (strict write) before the host is asked to seal it, and forgotten once the
 * host answered: when its answer is lost and the page reloads, the void is asked again at the
 * next start, so a voided cart never disappears without its record. Asking again is safe: the
 * host seals one void per cart.
 */
export async function rememberVoid(request: SealRequest<'event'>): Promise<void> {
  await services().db.docs.settings.upsert({
    key: `${PREFIX}${request.payload.type === 'sale.void' ? request.payload.saleId : request.id}`,
    value: request,
    updatedAt: new Date().toISOString(),
  });
}

export async function forgetVoid(cartId: string): Promise<void> {
  await (await services().db.docs.settings.findOne(`${PREFIX}${cartId}`).exec())?.remove();
}

/** SEAL_CONFLICT on a void's id: this cart's void is in the journal already (asked again under a new approval). */
export function alreadyVoided(error: unknown): boolean {
  return error instanceof PosError && error.code === 'SEAL_CONFLICT';
}

/**
 * Asks the host until it answers (same id, same payload: sealed at most once). Sealed: the void
 * and its cart (parked meanwhile) are done with. Refused (another person signed in since, say):
 * the void is forgotten and the cart stays among the parked ones, to be voided again.
 */
export async function confirmVoid(request: SealRequest<'event'>, cartId: string): Promise<void> {
  for (;;) {
    try {
      await services().bridge.invoke('fiscal.seal', request);
      break;
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        await waitForHost();
        continue;
      }
      await forgetVoid(cartId);
      if (!alreadyVoided(error)) return notifyError(error);
      break;
    }
  }
  await forgetVoid(cartId);
  await (await services().db.docs.carts.findOne(cartId).exec())?.remove();
}

/** After sign-in (sealing needs a session): every void whose answer was lost before the page went away is asked again. */
export async function resumePendingVoids(): Promise<void> {
  const pending = await services()
    .db.docs.settings.find({ selector: { key: { $gte: PREFIX, $lt: `${PREFIX}\uffff` } } })
    .exec();
  for (const doc of pending) {
    // A plain copy: the document's own value is not something a bridge can send as is.
    const { key, value } = doc.toMutableJSON();
    await confirmVoid(value as SealRequest<'event'>, key.slice(PREFIX.length));
  }
}
