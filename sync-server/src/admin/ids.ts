import { isTillId } from '@pos/core';
import { HubError } from '../errors/hub-error';

/** Store and till ids: core's rule (isTillId, isStoreId), which the back office checks too. */
export function assertId(kind: 'store' | 'till', value: string): string {
  if (!isTillId(value)) {
    throw new HubError(400, 'bad_request', `A ${kind} id is 1 to 64 letters, digits, "_" or "-" (got "${value}")`);
  }
  if (kind === 'store' && value.toLowerCase() === 'catalog') {
    throw new HubError(400, 'bad_request', '"catalog" is reserved for the shared catalog: choose another store id');
  }
  return value;
}
