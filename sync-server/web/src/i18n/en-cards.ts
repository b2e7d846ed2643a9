import type { frCards } from './fr-cards';

/** The gift card and store credit look-up's words in English (the same keys as fr-cards.ts). */
export const enCards: typeof frCards = {
  cards: {
    title: 'Gift cards and store credit',
    query: 'Card code or id (card_…)',
    look: 'Look up',
    kind: 'Kind',
    kinds: { gift_card: 'Gift card', store_credit: 'Store credit' },
    status: 'Status',
    statuses: { active: 'Active', cancelled: 'Cancelled', expired: 'Expired' },
    figures: {
      available: 'Available',
      reserved: 'Reserved',
      loaded: 'Loaded',
      redeemed: 'Redeemed',
      refunded: 'Refunded to the card',
      expired: 'Expired',
      voided: 'Voided',
    },
    entries: 'Newest entries',
    at: 'Date',
    entryKind: 'Entry',
    sale: 'Sale',
    entryKinds: {
      issue: 'Issue',
      reload: 'Reload',
      reserve: 'Reservation',
      release: 'Release',
      redeem: 'Payment',
      refund: 'Refund',
      expire: 'Expiry',
      cancel: 'Cancellation',
    },
    refused: {
      card_code_length: 'A card code has 20 characters.',
      card_code_character: 'A card code has no 0, O, 1 or I: check the characters.',
      card_code_check: 'This code has a typo: check it.',
    },
    errors: {
      card_not_issued: 'No card was issued under this code.',
    },
  },
};
