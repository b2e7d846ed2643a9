/** Les mots des points fidélité dépensés à la caisse (une récompense comme remise). */
export const frLoyalty = {
  rewards: {
    action: 'Utiliser des points',
    title: 'Utiliser des points',
    checking: 'Lecture des points du client…',
    balance: '{{points}} points disponibles',
    none: 'Aucune récompense n’est accessible avec ces points.',
    choose: '{{name}} — {{cost}} points',
    current: 'Récompense de la vente : {{name}} ({{points}} points)',
    remove: 'Retirer la récompense',
    inCart: 'Récompense fidélité ({{points}} points)',
    added: 'Récompense {{name}} appliquée : {{points}} points réservés.',
    removed: 'Récompense retirée : les points sont rendus au client.',
    offline: 'Hors ligne : les points ne peuvent être utilisés qu’avec le siège. Réessayez quand le réseau sera revenu.',
    noMember: 'Rattachez d’abord le client (F11) pour utiliser ses points.',
    noProgram: 'Cette caisse ne connaît aucun programme de fidélité.',
    refused: {
      insufficient_points: 'Points insuffisants : {{available}} disponibles.',
      other: 'Le siège a refusé d’utiliser ces points.',
    },
  },
};
