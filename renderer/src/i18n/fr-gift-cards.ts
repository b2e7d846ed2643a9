/** French words of gift cards sold and reloaded at the till, and store credit (a part of the reference dictionary, fr.ts). */
export const frGiftCards = {
  giftCards: {
    action: 'Carte cadeau',
    title: 'Carte cadeau',
    sell: 'Vendre une carte cadeau',
    reload: 'Recharger une carte',
    checking: 'Vérification de la connexion au siège…',
    code: 'Code de la carte',
    amount: 'Montant à charger',
    balance: 'Carte {{masked}} : {{amount}} disponibles.',
    amountRange: 'Saisissez un montant entre 0,01 et {{max}}.',
    notGiftCard: 'Ce code est celui d’un avoir, pas d’une carte cadeau : il ne se recharge pas.',
    status: {
      cancelled: 'Cette carte est annulée : elle ne se recharge plus.',
      expired: 'Cette carte a expiré : elle ne se recharge plus.',
    },
    offline:
      'Hors ligne : les cartes cadeaux se vendent et se rechargent seulement quand le siège répond (il crée le code). Réessayez une fois le réseau revenu.',
    refused: {
      card_not_issued: 'Aucune carte n’a été émise sous ce code.',
      card_cancelled: 'Cette carte est annulée.',
      card_code_length: 'Un code de carte compte 20 caractères.',
      card_code_character: 'Un code de carte ne contient ni 0, ni O, ni 1, ni I : vérifiez les caractères.',
      card_code_check: 'Ce code contient une faute de frappe : vérifiez-le.',
      invalid_amount: 'Saisissez un montant entier supérieur à zéro.',
      other: 'Le siège a refusé cette carte.',
    },
    inCart: 'Cartes cadeaux de la vente',
    sellLine: 'Carte cadeau vendue',
    reloadLine: 'Recharge de carte cadeau',
    remove: 'Retirer',
    outsideVat: 'Hors champ de TVA : ajouté au total à payer, pas au chiffre d’affaires.',
    issued: 'Carte cadeau émise : code {{code}} (imprimé aussi sur le ticket). Remettez-le au client.',
    issueRefused: 'Le siège a refusé une carte de cette vente : remboursez-la au client et prévenez le siège.',
    issueWaiting:
      'Siège injoignable : la carte sera créée dès qu’il répond, mais son code n’est pas encore connu. Le siège retrouve la carte par cette vente (annulation et nouvelle carte).',
    training: 'Mode école : aucune carte cadeau ne se vend ni ne se recharge.',
    storeCredit: 'Rembourser en avoir',
    storeCreditNeedsMember: 'Un avoir est attribué à un client, et la vente d’origine n’en a pas : remboursez autrement.',
  },
};
