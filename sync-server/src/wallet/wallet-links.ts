import { checkLink, signLink } from '../signup/signed-link';
import type { WalletConfig } from './wallet-config';

/** How long a wallet link works: long enough to open it later at home, short enough that a leaked one dies. */
export const WALLET_LINK_DAYS = 30;

export type MemberLinks = {
  /** The page with the card's QR code and the wallet buttons. */
  readonly page: string;
  readonly apple?: string;
  readonly google?: string;
};

/**
 * The member's signed wallet addresses, relative to the hub's root (`/wallet/<id>?t=…`): the page,
 * and a link for each wallet this deployment is configured for. Whoever holds one gets this member's
 * card only, until it expires.
 */
export function memberLinks(key: Buffer, customerId: string, config: WalletConfig, now: Date = new Date()): MemberLinks {
  const token = signLink(key, 'wallet', customerId, new Date(now.getTime() + WALLET_LINK_DAYS * 86_400_000));
  const base = `/wallet/${encodeURIComponent(customerId)}`;
  const query = `?t=${encodeURIComponent(token)}`;
  return {
    page: `${base}${query}`,
    ...(config.apple ? { apple: `${base}/pass.pkpass${query}` } : {}),
    ...(config.google ? { google: `${base}/google${query}` } : {}),
  };
}

export function walletLinkValid(key: Buffer, customerId: string, token: string | undefined, now: Date = new Date()): boolean {
  return token !== undefined && checkLink(key, 'wallet', customerId, token, now);
}
