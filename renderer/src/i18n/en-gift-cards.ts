import type { Dictionary } from './fr';

/** English words of gift cards sold and reloaded at the till, and store credit. */
export const enGiftCards: Pick<Dictionary, 'giftCards'> = {
  giftCards: {
    action: 'Gift card',
    title: 'Gift card',
    sell: 'Sell a gift card',
    reload: 'Reload a card',
    checking: 'Checking the link to head office…',
    code: 'Card code',
    amount: 'Amount to load',
    balance: 'Card {{masked}}: {{amount}} available.',
    amountRange: 'Enter an amount between 0.01 and {{max}}.',
    notGiftCard: 'This code is store credit, not a gift card: it cannot be reloaded.',
    status: {
      cancelled: 'This card is cancelled: it can no longer be reloaded.',
      expired: 'This card has expired: it can no longer be reloaded.',
    },
    offline:
      'Offline: gift cards are sold and reloaded only while head office answers (it makes the code). Try again once the network is back.',
    refused: {
      card_not_issued: 'No card was issued under this code.',
      card_cancelled: 'This card is cancelled.',
      card_code_length: 'A card code has 20 characters.',
      card_code_character: 'A card code has no 0, O, 1 or I: check the characters.',
      card_code_check: 'This code has a typo: check it.',
      invalid_amount: 'Enter a whole amount above zero.',
      other: 'Head office refused this card.',
    },
    inCart: 'Gift cards of the sale',
    sellLine: 'Gift card sold',
    reloadLine: 'Gift card reload',
    remove: 'Remove',
    outsideVat: 'Outside the scope of VAT: added to the total to pay, not to revenue.',
    issued: 'Gift card issued: code {{code}} (also printed on the receipt). Hand it to the customer.',
    issueRefused: 'Head office refused a card of this sale: refund it to the customer and tell head office.',
    issueWaiting:
      'Head office unreachable: the card will be made as soon as it answers, but its code is not known yet. Head office finds the card by this sale (cancel and issue a new one).',
    training: 'Training mode: no gift card is sold or reloaded.',
    storeCredit: 'Refund as store credit',
    storeCreditNeedsMember: 'Store credit goes to a customer, and the original sale has none: refund another way.',
  },
};
