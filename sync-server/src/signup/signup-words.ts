import type { PageLanguage } from '../receipts/digital-receipt-page';

/** Everything the sign-up and wallet pages say, French first. */
export type SignupWords = {
  readonly title: string;
  readonly intro: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  readonly contactHint: string;
  readonly consentEmail: string;
  readonly consentSms: string;
  readonly submit: string;
  readonly privacy: string;
  readonly doneTitle: string;
  readonly claimed: (firstName: string) => string;
  readonly pending: (firstName: string) => string;
  readonly cardTitle: string;
  readonly cardHint: string;
  readonly appleWallet: string;
  readonly googleWallet: string;
  readonly keepLink: string;
  readonly refusedTitle: string;
  readonly walletTitle: string;
  /** A refusal's words by its code (the hub's error codes and invalid_customer's problem codes). */
  readonly errors: Readonly<Record<string, string>>;
};

const FR: SignupWords = {
  title: 'Devenez membre',
  intro: 'Inscrivez-vous au programme de fidélité : les points de cet achat seront pour vous.',
  firstName: 'Prénom',
  lastName: 'Nom',
  email: 'E-mail',
  phone: 'Téléphone',
  contactHint: 'Un e-mail ou un téléphone (ou les deux), pour vous retrouver en caisse.',
  consentEmail: 'J’accepte de recevoir les offres du magasin par e-mail',
  consentSms: 'J’accepte de recevoir les offres du magasin par SMS',
  submit: 'M’inscrire',
  privacy: 'Vos coordonnées restent au magasin : elles ne sont jamais imprimées ni inscrites dans la caisse.',
  doneTitle: 'Bienvenue !',
  claimed: (name) => `Merci ${name}, vous êtes membre : les points de cet achat sont pour vous.`,
  pending: (name) =>
    `Merci ${name}, vous êtes membre. Votre achat n’est pas encore arrivé au serveur du magasin : ses points vous seront attribués dès qu’il arrivera.`,
  cardTitle: 'Votre carte de fidélité',
  cardHint: 'Présentez ce code en caisse (une capture d’écran suffit).',
  appleWallet: 'Ajouter à Apple Wallet',
  googleWallet: 'Enregistrer dans Google Wallet',
  keepLink: 'Le lien de votre carte, à garder dans vos favoris',
  refusedTitle: 'Inscription impossible',
  walletTitle: 'Votre carte de fidélité',
  errors: {
    join_link_invalid: 'Ce lien d’inscription n’est pas valable : vérifiez que vous avez scanné le code de votre ticket.',
    sale_already_claimed: 'Les points de cet achat ont déjà été attribués à un membre.',
    join_form_expired: 'Ce formulaire a expiré : il vient d’être rouvert, envoyez-le à nouveau.',
    too_many_claims: 'Trop d’inscriptions attendent pour cet achat : adressez-vous en magasin.',
    contact_required: 'Indiquez un e-mail ou un téléphone.',
    name_format: 'Le prénom et le nom comptent de 1 à 100 caractères.',
    email_format: 'Cette adresse e-mail n’est pas valable.',
    phone_format: 'Ce numéro n’est pas valable : un numéro français, ou international commençant par +.',
    rate_limited: 'Trop de tentatives depuis cette connexion : réessayez dans une minute.',
    wallet_link_invalid: 'Ce lien a expiré : demandez-en un nouveau en caisse.',
    wallet_not_configured: 'Ce magasin ne propose pas encore cette carte de téléphone : présentez le code ci-dessous en caisse.',
    other: 'L’inscription n’a pas pu être enregistrée : réessayez dans un instant.',
  },
};

const EN: SignupWords = {
  title: 'Become a member',
  intro: 'Join the loyalty programme: the points of this purchase will be yours.',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  contactHint: 'An e-mail or a phone (or both), so the till can find you.',
  consentEmail: 'I agree to receive the store’s offers by e-mail',
  consentSms: 'I agree to receive the store’s offers by text message',
  submit: 'Sign me up',
  privacy: 'Your details stay with the store: they are never printed nor written into the till.',
  doneTitle: 'Welcome!',
  claimed: (name) => `Thank you ${name}, you are a member: the points of this purchase are yours.`,
  pending: (name) =>
    `Thank you ${name}, you are a member. Your purchase has not reached the store’s server yet: its points will be yours as soon as it does.`,
  cardTitle: 'Your loyalty card',
  cardHint: 'Show this code at the till (a screenshot will do).',
  appleWallet: 'Add to Apple Wallet',
  googleWallet: 'Save to Google Wallet',
  keepLink: 'Your card’s link, to bookmark',
  refusedTitle: 'Sign-up not possible',
  walletTitle: 'Your loyalty card',
  errors: {
    join_link_invalid: 'This sign-up link is not valid: check that you scanned the code on your receipt.',
    sale_already_claimed: 'The points of this purchase already went to a member.',
    join_form_expired: 'This form expired: it has just been opened again, send it once more.',
    too_many_claims: 'Too many sign-ups are waiting for this purchase: please ask in store.',
    contact_required: 'Give an e-mail or a phone number.',
    name_format: 'First and last names are 1 to 100 characters.',
    email_format: 'This e-mail address is not valid.',
    phone_format: 'This number is not valid: a French number, or an international one starting with +.',
    rate_limited: 'Too many attempts from this connection: try again in a minute.',
    wallet_link_invalid: 'This link has expired: ask for a new one at the till.',
    wallet_not_configured: 'This store does not offer this phone card yet: show the code below at the till.',
    other: 'The sign-up could not be saved: try again in a moment.',
  },
};

export function signupWords(language: PageLanguage): SignupWords {
  return language === 'en' ? EN : FR;
}

/** The words of a refusal; an unknown code gets the general sentence, never English on a French page. */
export function errorWords(language: PageLanguage, code: string): string {
  const errors = signupWords(language).errors;
  return errors[code] ?? errors.other!;
}
