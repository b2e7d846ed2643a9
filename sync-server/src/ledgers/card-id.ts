import { createHash } from 'node:crypto';

/**
 * What the hub keeps of a card's code (a bearer secret, never stored in clear): the SHA-256 of the
 * normalised code (core's parseCardCode: grouped, capitals), in hex.
 */
export function cardCodeHash(normalisedCode: string): string {
  return createHash('sha256').update(normalisedCode).digest('hex');
}

/**
 * The card's id, derived from its code's hash: a look-up by code reads one row by its key (under
 * Citus, one shard), and two cards can never share a code. The id reveals nothing of the code
 * (95 random bits behind a hash); ledgers, sales and logs name the card by it.
 */
export function cardIdOfHash(codeHash: string): string {
  return `card_${codeHash.slice(0, 32)}`;
}
