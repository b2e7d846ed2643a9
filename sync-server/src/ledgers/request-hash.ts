import { createHash } from 'node:crypto';
import { canonicalJson } from '@pos/core/fiscal/canonical-json';

/**
 * What makes two requests the same (SHA-256 of their canonical JSON): a retry carries the same
 * fields, so it gets the first answer; another request under the same entry id is refused.
 */
export function requestHash(request: Readonly<Record<string, unknown>>): string {
  return createHash('sha256')
    .update(canonicalJson(request) ?? '')
    .digest('hex');
}
