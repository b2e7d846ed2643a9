import { sign } from 'node:crypto';
import { googleLoyaltyObject } from './google-loyalty-object';
import { requireWalletCard, type WalletCard } from './wallet-card';
import type { WalletConfig } from './wallet-config';
import { walletNotConfigured } from './wallet-error';

const SAVE_URL = 'https://pay.google.com/gp/v/save/';

function base64url(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * The member's "Save to Google Wallet" link: a JWT signed RS256 by the issuer's service account
 * (`aud` google, `typ` savetowallet) carrying the loyalty object, which Google creates or updates
 * when the member opens the link. No call to Google from the hub. Refused with a coded WalletError:
 * no Google configuration, a card out of bounds.
 */
export function googleWalletSaveLink(card: WalletCard, config: WalletConfig, now: Date = new Date()): string {
  const issuer = config.google;
  if (issuer === undefined) throw walletNotConfigured('google');
  requireWalletCard(card);
  const header = { alg: 'RS256', typ: 'JWT' };
  const claims = {
    iss: issuer.serviceAccountEmail,
    aud: 'google',
    typ: 'savetowallet',
    iat: Math.floor(now.getTime() / 1000),
    payload: { loyaltyObjects: [googleLoyaltyObject(card, issuer)] },
  };
  const signed = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signed), issuer.privateKey);
  return `${SAVE_URL}${signed}.${base64url(signature)}`;
}
