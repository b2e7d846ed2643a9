import { zipSync } from 'fflate';
import { passManifest, type PassFiles } from './apple-manifest';
import { applePassJson } from './apple-pass-json';
import { signManifest } from './apple-signature';
import { rgbaOfHex, solidPng } from './solid-png';
import { requireWalletCard, WALLET_DEFAULT_COLOURS, type WalletCard } from './wallet-card';
import type { AppleWalletSigning, WalletConfig } from './wallet-config';
import { WalletError, walletNotConfigured } from './wallet-error';

/** The type a route answers a pass with, so that Safari and Mail offer to add it. */
export const APPLE_PASS_MEDIA_TYPE = 'application/vnd.apple.pkpass';

function requireValidCertificate(signing: AppleWalletSigning, now: Date): void {
  const notAfter = new Date(signing.certificate.validTo);
  if (now > notAfter)
    throw new WalletError('wallet_certificate_expired', `The Apple pass certificate ended on ${notAfter.toISOString()}`, {
      wallet: 'apple',
      notAfter: notAfter.toISOString(),
    });
}

/**
 * The pass's images: an icon in the card's colour at 1× and 2× (Apple requires one; it shows in
 * notifications) and the chain's logo, or, without one, a transparent pixel so that the store's
 * name in `logoText` stands alone.
 */
function passImages(card: WalletCard): PassFiles {
  const background = rgbaOfHex(card.colours?.background ?? WALLET_DEFAULT_COLOURS.background);
  return {
    'icon.png': solidPng(29, 29, background),
    'icon@2x.png': solidPng(58, 58, background),
    'logo.png': card.logoPng ?? solidPng(1, 1, [0, 0, 0, 0]),
  };
}

/**
 * The member's card as an Apple Wallet pass (.pkpass): a zip of pass.json, its images, manifest.json
 * (every file's SHA-1) and `signature` (PKCS#7 over the manifest). Refused with a coded WalletError:
 * no Apple configuration, an expired certificate, a card out of bounds.
 */
export function makeApplePass(card: WalletCard, config: WalletConfig, now: Date = new Date()): Uint8Array {
  const signing = config.apple;
  if (signing === undefined) throw walletNotConfigured('apple');
  requireWalletCard(card);
  requireValidCertificate(signing, now);
  const files: PassFiles = {
    'pass.json': new TextEncoder().encode(JSON.stringify(applePassJson(card, signing))),
    ...passImages(card),
  };
  const manifest = passManifest(files);
  return zipSync({ ...files, 'manifest.json': manifest, signature: signManifest(manifest, signing, now) }, { mtime: now });
}
