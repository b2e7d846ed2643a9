import type { CardResult } from '@pos/core';
import type { ConcertAnswer } from './messages';

export const CONCERT_TERMINAL = 'concert';

export type AnswerContext = {
  readonly attemptKey: string;
  /** What the till asked for: an answer for another amount is reported, not hidden. */
  readonly requestedAmount: number;
  /** The request said B011: an approval then went to the bank, so it is not an offline one. */
  readonly forcedAuthorization: boolean;
};

/**
 * A Concert answer as the till's CardResult. Only status '0' approves and only '7' declines: any other
 * status is "unknown", because the customer may have been charged.
 *
 * Offline approval: a Concert E+ answer has no field saying whether the bank saw the transaction. The one
 * lever is the request's B011 (force an online authorisation): with it, an approval is marked
 * `offline: false`; without it, `offline` is left out because the protocol cannot tell.
 *
 * The E+ answer has no authorisation-number field either, so `authorizationCode` is never set.
 */
export function answerToCardResult(answer: ConcertAnswer, context: AnswerContext): CardResult {
  const base = { attemptKey: context.attemptKey, amount: answer.amount, terminal: CONCERT_TERMINAL } as const;
  const card = cardFromReport(answer.report);
  if (answer.status === '0') {
    const differs = answer.amount !== context.requestedAmount;
    return {
      ...base,
      status: 'approved',
      ...card,
      ...(context.forcedAuthorization ? { offline: false } : {}),
      ...(differs ? { message: `The terminal approved ${answer.amount} cents, not the ${context.requestedAmount} asked for.` } : {}),
    };
  }
  if (answer.status === '7') {
    return {
      ...base,
      status: 'declined',
      ...card,
      message: 'Refused by the card terminal or the card issuer (Concert status 7): nothing was charged.',
    };
  }
  return {
    ...base,
    status: 'unknown',
    message: `The terminal answered with Concert status "${answer.status}", which the till cannot read as approved or refused: the customer may have been charged. Check the terminal's last transaction.`,
  };
}

/**
 * Masked card number and scheme from the report field. The full number never leaves this function:
 * terminals often mask it themselves ("497010XXXXXX1234"), some send it clear, and both end as "**** 1234".
 */
export function cardFromReport(report: string | undefined): { maskedPan?: string; scheme?: string } {
  if (!report) return {};
  const pan = /[0-9][0-9Xx*]{11,18}/.exec(report)?.[0];
  if (!pan || !/\d{4}$/.test(pan)) return {};
  const scheme = schemeOf(pan);
  return { maskedPan: `**** ${pan.slice(-4)}`, ...(scheme ? { scheme } : {}) };
}

/** The scheme by the card number's first digits (ISO/IEC 7812 ranges); only what the digits prove. */
function schemeOf(pan: string): string | undefined {
  const prefix2 = Number(pan.slice(0, 2));
  const prefix4 = Number(pan.slice(0, 4));
  if (pan.startsWith('4')) return 'VISA';
  if ((prefix2 >= 51 && prefix2 <= 55) || (prefix4 >= 2221 && prefix4 <= 2720)) return 'MASTERCARD';
  if (prefix2 === 34 || prefix2 === 37) return 'AMEX';
  return undefined;
}
