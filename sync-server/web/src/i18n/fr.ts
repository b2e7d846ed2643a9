import { frCatalog } from './fr-catalog';
import { frCustomers } from './fr-customers';
import { frLoyalty } from './fr-loyalty';
import { frCards } from './fr-cards';
import { frPromotions } from './fr-promotions';
import { frClosings } from './fr-closings';
import { frStock } from './fr-stock';
import { frDashboard } from './fr-dashboard';
import { frExport } from './fr-export';
import { frProductPicker } from './fr-product-picker';
import { frSales } from './fr-sales';
import { frStoresStaff } from './fr-stores-staff';
import { frUsers } from './fr-users';

/** The back office's words in French, the default language; en.ts has the same keys (typed). */
export const fr = {
  ...frCatalog,
  ...frCustomers,
  ...frLoyalty,
  ...frCards,
  ...frPromotions,
  ...frClosings,
  ...frStock,
  ...frDashboard,
  ...frExport,
  ...frProductPicker,
  ...frSales,
  ...frStoresStaff,
  ...frUsers,
  app: {
    title: 'Back-office',
    loading: 'Chargement…',
    skipToContent: 'Aller au contenu',
    language: 'Langue',
    signOut: 'Se déconnecter',
    navigation: 'Navigation principale',
    signedInAs: 'Connecté : {{name}} ({{role}})',
    menu: 'Menu',
  },
  roles: {
    admin: 'Administrateur',
    regional: 'Responsable régional',
    'store-manager': 'Responsable de magasin',
    accountant: 'Comptable',
  },
  signIn: {
    title: 'Connexion au back-office',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    totp: 'Code de vérification (application d’authentification)',
    totpHelp: 'Saisissez les 6 chiffres affichés par votre application.',
    submit: 'Se connecter',
    submitting: 'Connexion…',
  },
  password: {
    title: 'Choisissez un nouveau mot de passe',
    intro: 'Votre mot de passe est provisoire : choisissez-en un nouveau pour continuer.',
    current: 'Mot de passe actuel',
    next: 'Nouveau mot de passe',
    confirm: 'Confirmez le nouveau mot de passe',
    submit: 'Enregistrer',
    mismatch: 'Les deux nouveaux mots de passe ne sont pas identiques.',
  },
  totp: {
    title: 'Activez la double authentification',
    intro:
      'Un administrateur confirme chaque connexion par un code à usage unique. Scannez ce QR code avec une application d’authentification, puis saisissez le code qu’elle affiche.',
    qr: 'QR code à scanner avec l’application d’authentification',
    key: 'Ou saisissez cette clé dans l’application :',
    code: 'Code à 6 chiffres affiché par l’application',
    submit: 'Activer',
  },
  pages: {
    dashboard: 'Tableau de bord',
    sales: 'Ventes',
    closings: 'Clôtures et fiscal',
    stock: 'Stock',
    catalog: 'Catalogue',
    customers: 'Clients',
    loyalty: 'Fidélité',
    stores: 'Magasins et caisses',
    staff: 'Personnel',
    users: 'Utilisateurs et audit',
    account: 'Mon compte',
    notFound: 'Page introuvable',
  },
  upcoming: {
    dashboard:
      'Chiffre d’affaires HT et TTC, tickets, panier moyen, retours et remises par magasin, caisse, jour et heure, avec comparaisons et graphiques mis à jour en direct.',
    sales:
      'La liste des ventes avec recherche (magasin, caisse, date, ticket, montant, paiement, vendeur), chaque ticket tel qu’imprimé, ses retours et son statut fiscal.',
    closings:
      'Les Z par caisse et par jour avec écarts, les clôtures mensuelles et annuelles, les grands totaux, l’état des chaînes fiscales et l’export des archives.',
    stock: 'Les niveaux par magasin et produit, les mouvements, les stocks négatifs, les réceptions, les transferts et les inventaires.',
    catalog: 'Les produits, codes-barres, catégories, TVA, prix et listes de prix, et l’import CSV avec les erreurs ligne par ligne.',
    stores: 'Les magasins et leurs réglages, les caisses avec codes d’enrôlement, révocation, dernière connexion et version.',
    staff: 'Le personnel, les rôles et la réinitialisation des codes PIN, synchronisés vers les caisses.',
    users: 'Les utilisateurs du back-office, leurs rôles et magasins, et le journal d’audit des modifications.',
    comingSoon: 'Cette page arrive bientôt.',
    readOnly: 'Votre rôle permet de consulter cette page, pas de la modifier.',
    notFound: 'Cette adresse ne correspond à aucune page du back-office.',
    backHome: 'Retour au tableau de bord',
  },
  storePicker: {
    label: 'Magasin',
    choose: 'Choisissez un magasin',
    none: 'Aucun magasin ne vous est attribué.',
    idLabel: 'Identifiant du magasin',
    open: 'Ouvrir',
    invalid: 'Un identifiant de magasin compte 1 à 64 lettres, chiffres, « _ » ou « - ».',
  },
  errors: {
    invalid_credentials: 'Adresse e-mail ou mot de passe incorrect.',
    totp_required: 'Saisissez le code de vérification de votre application.',
    totp_invalid: 'Ce code de vérification n’est pas valide : réessayez avec le code affiché.',
    account_locked: 'Trop d’essais : le compte est verrouillé pour un moment. Réessayez plus tard.',
    rate_limited: 'Trop de tentatives : patientez un moment avant de réessayer.',
    auth_rate_limited: 'Trop de tentatives : patientez un moment avant de réessayer.',
    weak_password: 'Ce mot de passe est trop faible : choisissez-en un plus long.',
    unauthorized: 'Votre session a pris fin : reconnectez-vous.',
    csrf_rejected: 'La page a expiré : rechargez-la puis réessayez.',
    forbidden: 'Votre rôle ne permet pas cette action.',
    bad_request: 'La demande n’est pas valide.',
    network: 'Le serveur ne répond pas : vérifiez la connexion et réessayez.',
    already_exists: 'La double authentification est déjà activée : un administrateur peut la réinitialiser.',
    not_found: 'Introuvable : ce magasin ou cet enregistrement n’existe pas sur le serveur.',
    invalid_sales_range: 'Les dates ne conviennent pas : la fin doit suivre le début, sur 366 jours au plus.',
    invalid_amount_range: 'Le montant minimum dépasse le montant maximum.',
    invalid_receipt: 'Saisissez un code de ticket (S001-T01-000042) ou un identifiant de vente.',
    invalid_cursor: 'Cette page n’est plus valable : recommencez la recherche.',
    unknown: 'Une erreur inattendue s’est produite (code {{code}}).',
  },
};

/** The shape every language fills: the same keys, any words. */
type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };
export type Dictionary = Words<typeof fr>;
