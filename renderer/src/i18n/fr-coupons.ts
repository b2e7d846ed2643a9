/** Les mots des coupons à la caisse (codes partagés et codes à usage unique). */
export const frCoupons = {
  coupons: {
    action: 'Coupon',
    title: 'Coupon',
    code: 'Code du coupon',
    apply: 'Appliquer',
    remove: 'Retirer {{code}}',
    held: 'Coupons de la vente',
    added: 'Coupon {{code}} appliqué.',
    addedOffline: 'Coupon {{code}} accepté hors ligne (code du bloc de cette caisse).',
    noDiscount: 'Coupon {{code}} enregistré : la promotion ne s’applique pas (encore) à ce panier.',
    removed: 'Coupon {{code}} retiré.',
    notEnrolled: 'Cette caisse n’est rattachée à aucun siège : elle n’accepte pas de coupon.',
    refused: {
      coupon_unknown: 'Ce code ne correspond à aucun coupon.',
      coupon_used: 'Ce code a déjà été utilisé.',
      coupon_single_use_only: 'Ce code désigne une famille de coupons : saisissez le code unique du client.',
      coupon_limit_reached: 'Ce coupon a atteint son nombre d’utilisations.',
      coupon_budget_exhausted: 'Le budget de ce coupon est épuisé.',
      coupon_once_per_customer: 'Ce client a déjà utilisé ce coupon.',
      coupon_needs_customer: 'Ce coupon est limité à une fois par client : rattachez d’abord le client (F11).',
      coupon_not_open: 'Ce coupon n’est plus réservé : saisissez-le à nouveau.',
      coupon_offline:
        'Hors ligne, seuls les codes à usage unique du bloc de cette caisse sont acceptés. Réessayez quand le réseau sera revenu.',
      coupon_cart_full: 'Ce panier a déjà un code de cette promotion (ou cinq coupons).',
      other: 'Le siège a refusé ce coupon.',
    },
  },
};
