/** The words printed beside a card's values, in the member's language. */
export type WalletLabels = { readonly points: string; readonly tier: string; readonly member: string };

const LABELS: Readonly<Record<'fr' | 'en', WalletLabels>> = {
  fr: { points: 'Points', tier: 'Niveau', member: 'Membre' },
  en: { points: 'Points', tier: 'Tier', member: 'Member' },
};

export function walletLabels(language: 'fr' | 'en' = 'fr'): WalletLabels {
  return LABELS[language];
}
