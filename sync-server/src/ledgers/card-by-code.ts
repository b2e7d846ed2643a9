import { cardCode } from '@pos/core';
import { cardCodeHash, cardIdOfHash } from './card-id';
import { answeringRefusals } from './ledger-errors';

/**
 * A code as typed or scanned, checked by core (card_code_length, card_code_character,
 * card_code_check: a typo is refused before any look-up), with its hash and card id.
 */
export async function cardOfCode(input: unknown): Promise<{ readonly code: string; readonly codeHash: string; readonly cardId: string }> {
  const code = await answeringRefusals(async () => cardCode(typeof input === 'string' ? input : ''));
  const codeHash = cardCodeHash(code);
  return { code, codeHash, cardId: cardIdOfHash(codeHash) };
}
