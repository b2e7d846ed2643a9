import type { WalletCard } from './wallet-card';
import { WALLET_DEFAULT_COLOURS } from './wallet-card';
import type { AppleWalletSigning } from './wallet-config';
import { walletLabels } from './wallet-labels';

/** `#RRGGBB` as Apple's pass.json writes colours. */
function appleColour(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 0xff}, ${(value >> 8) & 0xff}, ${value & 0xff})`;
}

/**
 * The pass.json of a store card (Apple's PassKit "Pass" reference): the card number as a QR code with
 * the number written under it, the points on the front, the member's name and tier below. A checked
 * card (`requireWalletCard`) only; sharing is prohibited, since the card is the member's.
 */
export function applePassJson(card: WalletCard, signing: AppleWalletSigning): Record<string, unknown> {
  const labels = walletLabels(card.language);
  const colours = { ...WALLET_DEFAULT_COLOURS, ...card.colours };
  return {
    formatVersion: 1,
    passTypeIdentifier: signing.passTypeIdentifier,
    teamIdentifier: signing.teamIdentifier,
    serialNumber: card.memberId,
    organizationName: card.storeName,
    description: card.programName,
    logoText: card.storeName,
    backgroundColor: appleColour(colours.background),
    foregroundColor: appleColour(colours.foreground),
    labelColor: appleColour(colours.label),
    sharingProhibited: true,
    barcodes: [{ format: 'PKBarcodeFormatQR', message: card.cardNumber, messageEncoding: 'iso-8859-1', altText: card.cardNumber }],
    storeCard: {
      headerFields: [{ key: 'program', value: card.programName }],
      primaryFields: [{ key: 'points', label: labels.points, value: card.points, numberStyle: 'PKNumberStyleDecimal' }],
      secondaryFields: [
        { key: 'member', label: labels.member, value: card.displayName },
        ...(card.tier === undefined ? [] : [{ key: 'tier', label: labels.tier, value: card.tier }]),
      ],
    },
  };
}
