/**
 * French words of the till's journal (sales history, fiscal status, seal problems, signing key, training
 * mode): a part of the reference dictionary (fr.ts).
 */
export const frFiscal = {
  history: {
    title: 'Ventes de cette caisse',
    today: 'Aujourd’hui, journée du {{date}}',
    day: 'Journée du {{date}}',
    searchLabel: 'Numéro de ticket',
    searchPlaceholder: 'ex. 42 ou S001-T01-000042',
    none: 'Aucune vente aujourd’hui.',
    notFound: 'Aucun ticket n° {{number}} sur ce poste.',
    invalidNumber: '« {{text}} » n’est pas un numéro de ticket (ex. 42 ou S001-T01-000042).',
    receiptNo: 'Ticket',
    time: 'Heure',
    total: 'Total',
    cashier: 'Caissier',
    open: 'Voir le ticket {{number}}',
  },
  fiscal: {
    title: 'Caisse arrêtée : journal fiscal à vérifier',
    blocked: 'La caisse ne peut rien enregistrer tant que son journal fiscal n’est pas rétabli : aucune vente possible.',
    reason: {
      'journal-damaged': 'Au démarrage, le poste a trouvé son journal fiscal endommagé. Aucune vente ne peut être enregistrée.',
      'write-failed': 'Le poste n’a pas pu écrire dans son journal fiscal. Aucune vente ne peut être enregistrée.',
    },
    problemLine: '{{record}} : {{what}}',
    more: 'et {{count}} autre(s) enregistrement(s).',
    callSupport: 'Responsable : appelez le support. Ne supprimez et ne modifiez aucun fichier du poste de caisse.',
    record: {
      sale: 'Ticket n° {{number}}',
      event: 'Événement technique n° {{seq}}',
      duplicate: 'Duplicata n° {{seq}} (numérotation des duplicatas)',
      other: 'Enregistrement n° {{seq}} de la chaîne « {{chain}} »',
      file: 'Fichier du journal « {{file}} »',
      unnumbered: {
        sale: 'Un ticket sans numéro lisible',
        event: 'Un événement technique sans numéro lisible',
        duplicate: 'Un duplicata sans numéro lisible',
      },
    },
    problems: {
      shape: 'enregistrement illisible ou incomplet',
      schema: 'contenu qui ne correspond pas au format attendu',
      sequence: 'numéro hors séquence (un enregistrement manque ou est en double)',
      link: 'ne suit pas l’enregistrement précédent (chaînage rompu)',
      hash: 'contenu modifié après l’enregistrement (empreinte fausse)',
      key: 'signé par une clé qui n’est pas celle de cette caisse',
      signature: 'signature invalide',
      rotation: 'changement de clé de signature non valable',
      unparseable: 'ligne illisible au milieu du journal',
      'duplicate-id': 'un même enregistrement figure deux fois',
      segment: 'fichier du journal inattendu ou mal nommé',
      missing: 'des enregistrements ont disparu de la fin du journal',
      unreadable: 'fichier du journal illisible',
      repair: 'fin de fichier coupée qui ne peut pas être réparée',
      'write-failed': 'écriture dans le journal impossible',
      unknown: 'anomalie non reconnue',
    },
  },
  sealProblems: {
    shape: 'Une donnée de la vente manque ou est invalide.',
    store: 'La vente ne correspond pas à ce magasin, cette caisse ou cette devise.',
    'vat-rate': 'Un taux de TVA n’est pas celui en vigueur à l’heure de la vente.',
    'line-figures': 'Le montant d’une ligne ne correspond pas à sa quantité, son prix et ses remises.',
    totals: 'Les totaux ne correspondent pas aux lignes.',
    tender: 'Un règlement est incohérent (rendu ou montant).',
    'cash-rounding': 'L’arrondi espèces ne suit pas la règle du magasin.',
    'card-overpay': 'La carte paie plus que le montant dû : la monnaie se rend en espèces.',
    'card-unknown': 'Un paiement carte a un résultat inconnu : réglez-le d’abord.',
    'card-journal': 'Un paiement carte est inconnu du terminal, d’un autre montant ou déjà utilisé.',
    'stored-value': 'Un paiement par carte cadeau ou avoir n’a pas été réservé par cette caisse pour cette vente, ou est déjà utilisé.',
    payment: 'Les règlements ne paient pas exactement le total.',
    approval: 'Un accord (remise, prix, annulation) manque, a déjà servi ou porte sur un autre montant : refaites-le.',
    staff: 'La vente n’est pas au nom de la personne identifiée.',
    time: 'L’heure ou la journée de la vente ne correspond pas à l’horloge du magasin.',
    return: 'Le retour ne correspond pas à la vente d’origine (article, prix, ou quantité au-delà de ce qui reste à retourner).',
    training:
      'Le mode école a changé pendant la vente, ou une carte a été utilisée en mode école (espèces seulement) : recommencez la vente.',
    session:
      'La vente n’appartient pas à la session de caisse ouverte (aucune ouverte, comptage en cours, ou ouverte depuis plus de 24 h : clôturez-la).',
    promotion:
      'Une remise de promotion ne correspond pas aux promotions connues de la caisse (version inconnue, autre montant ou non due) : les promotions sont mises à jour, réessayez.',
    voucher: 'Une ligne de carte cadeau ou d’avoir n’est pas permise ici (recharge sans sa carte, avoir sans client, ou mode école).',
    loyalty:
      'Les points du client ou la récompense utilisée ne correspondent pas au programme de fidélité ni aux points réservés par cette caisse pour cette vente (version inconnue, autres points, réservation rendue ou déjà utilisée) : retirez la récompense et réessayez.',
    unknown: 'Le poste a refusé pour une raison non reconnue.',
  },
  signingKey: {
    title: 'Clé de signature fiscale',
    current: 'Clé en service : {{keyId}}',
    replace: 'Renouveler la clé',
    warning:
      'La caisse créera une nouvelle clé, que l’ancienne approuvera dans le journal fiscal ; le serveur central la suivra. Ce changement est définitif.',
    confirm: 'Confirmer le renouvellement',
    replaced: 'Nouvelle clé en service : {{keyId}}. Le changement est enregistré au journal.',
  },
  /** Training mode ("mode école"): fictitious sales on a chain of their own, counted nowhere. */
  training: {
    banner: 'MODE ÉCOLE — ventes fictives',
    short: 'École',
    start: 'Démarrer le mode école',
    stop: 'Arrêter le mode école',
    title: 'Mode école : des ventes fictives pour se former, jamais comptées (stock, totaux, clôtures)',
    started: 'Mode école démarré : chaque vente est fictive et son ticket porte « MODE ÉCOLE ».',
    stopped: 'Mode école arrêté : les ventes sont de nouveau réelles.',
  },
};
