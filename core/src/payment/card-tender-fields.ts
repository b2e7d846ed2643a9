import type { CardResult } from '../contract/payment-contract';
import type { CardTender } from './tender';

/** The longest texts a sealed card tender keeps (core/src/validation/sealed-shapes.ts). */
export const CARD_TENDER_TEXT_LIMITS = { authorizationCode: 32, maskedPan: 32, scheme: 32, message: 200 } as const;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What a terminal's answer puts on a card tender, every text cut to what the sealed sale keeps:
 * a terminal's long message must never make a card already charged impossible to seal.
 */
export function cardTenderFields(result: CardResult): Partial<CardTender> {
  const limits = CARD_TENDER_TEXT_LIMITS;
  return {
    status: result.status,
    ...(result.authorizationCode ? { authorizationCode: cut(result.authorizationCode, limits.authorizationCode) } : {}),
    ...(result.maskedPan ? { maskedPan: cut(result.maskedPan, limits.maskedPan) } : {}),
    ...(result.scheme ? { scheme: cut(result.scheme, limits.scheme) } : {}),
    ...(result.offline ? { offline: true } : {}),
    ...(result.message ? { message: cut(result.message, limits.message) } : {}),
  };
}
