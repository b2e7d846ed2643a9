/** The gift card and store credit look-up's words in French (spread into fr.ts; en-cards.ts has the same keys). */
export const frCards = {
  cards: {
    title: 'Cartes cadeaux et avoirs',
    query: 'Code de la carte ou identifiant (card_…)',
    look: 'Consulter',
    kind: 'Type',
    kinds: { gift_card: 'Carte cadeau', store_credit: 'Avoir' },
    status: 'État',
    statuses: { active: 'Active', cancelled: 'Annulée', expired: 'Expirée' },
    figures: {
      available: 'Disponible',
      reserved: 'Réservé',
      loaded: 'Chargé',
      redeemed: 'Utilisé',
      refunded: 'Remboursé sur la carte',
      expired: 'Expiré',
      voided: 'Annulé',
    },
    entries: 'Derniers mouvements',
    at: 'Date',
    entryKind: 'Mouvement',
    sale: 'Vente',
    entryKinds: {
      issue: 'Émission',
      reload: 'Recharge',
      reserve: 'Réservation',
      release: 'Libération',
      redeem: 'Paiement',
      refund: 'Remboursement',
      expire: 'Expiration',
      cancel: 'Annulation',
    },
    refused: {
      card_code_length: 'Un code de carte compte 20 caractères.',
      card_code_character: 'Un code de carte ne contient ni 0, ni O, ni 1, ni I : vérifiez les caractères.',
      card_code_check: 'Ce code contient une faute de frappe : vérifiez-le.',
    },
    errors: {
      card_not_issued: 'Aucune carte n’a été émise sous ce code.',
    },
  },
};
