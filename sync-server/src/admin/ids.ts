import { HubError } from '../errors/hub-error';

/**
 * Store and till ids are short codes (S001, T01): letters, digits, `_` and `-`. No dot, since a
 * device token is `<storeId>.<secret>`.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function assertId(kind: 'store' | 'till', value: string): string {
  if (!ID_PATTERN.test(value)) {
    throw new HubError(400, 'bad_request', `A ${kind} id is 1 to 64 letters, digits, "_" or "-" (got "${value}")`);
  }
  if (kind === 'store' && value.toLowerCase() === 'catalog') {
    throw new HubError(400, 'bad_request', '"catalog" is reserved for the shared catalog: choose another store id');
  }
  return value;
}
