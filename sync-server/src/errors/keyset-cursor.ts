import { HubError } from './hub-error';

/**
 * A list's position after its last row, as the hub gives it to clients: the row's sort key,
 * base64url JSON, opaque to them. A cursor comes back in a query string, so it is untrusted: each
 * list says which keys it takes, and anything else is refused the same way.
 */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key `cursor` holds when `accept` takes it; otherwise 400 invalid_cursor. */
export function decodeCursor<K extends readonly unknown[]>(cursor: string, accept: (key: readonly unknown[]) => key is K): K {
  let key: unknown = null;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: refused below, like any key the hub did not make.
  }
  if (Array.isArray(key) && accept(key)) return key;
  throw new HubError(400, 'invalid_cursor', 'This cursor was not given by the hub: start again from the first page');
}
