import type { WalletCard } from './wallet-card';
import type { GoogleWalletIssuer } from './wallet-config';
import { walletLabels } from './wallet-labels';

/**
 * The member's loyalty object (Google Wallet API, `LoyaltyObject`), of the class made once in the
 * console (program name, logo and colours live there). A checked card (`requireWalletCard`) only; the
 * id is stable per member, so saving again updates the same card rather than adding one.
 */
export function googleLoyaltyObject(card: WalletCard, issuer: GoogleWalletIssuer): Record<string, unknown> {
  const labels = walletLabels(card.language);
  return {
    id: `${issuer.issuerId}.${card.memberId}`,
    classId: issuer.classId,
    state: 'ACTIVE',
    accountId: card.cardNumber,
    accountName: card.displayName,
    barcode: { type: 'QR_CODE', value: card.cardNumber, alternateText: card.cardNumber },
    loyaltyPoints: { label: labels.points, balance: { int: card.points } },
    ...(card.tier === undefined ? {} : { textModulesData: [{ id: 'tier', header: labels.tier, body: card.tier }] }),
  };
}
