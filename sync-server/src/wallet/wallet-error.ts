/** Which wallet a refusal is about. */
export type WalletKind = 'apple' | 'google';

/**
 * The wallet module's refusals (worded in French and English in docs/operations.md, "Wallet passes").
 * The routes that call the module turn them into the hub's answers.
 */
export type WalletErrorCode =
  /** This deployment has no signing configuration for that wallet: the printed or on-screen QR card still works. */
  | 'wallet_not_configured'
  /** A configuration file is missing, too large, or holds no usable key or certificate (`field`, `reason`). */
  | 'wallet_config_unreadable'
  /** The pass certificate is past its end date (`notAfter`): Apple's wallet would refuse the pass. */
  | 'wallet_certificate_expired'
  /** A card field out of bounds or of the wrong form (`problems` lists them). */
  | 'invalid_wallet_card';

/** Values for the sentence: which wallet, which field or file, why. Never a key or a passphrase. */
export type WalletErrorDetails = {
  readonly wallet?: WalletKind;
  readonly field?: string;
  readonly reason?: string;
  readonly notAfter?: string;
  readonly problems?: readonly string[];
};

export class WalletError extends Error {
  constructor(
    readonly code: WalletErrorCode,
    message: string,
    readonly details: WalletErrorDetails = {},
  ) {
    super(message);
    this.name = 'WalletError';
  }
}

export function walletNotConfigured(wallet: WalletKind): WalletError {
  const name = wallet === 'apple' ? 'Apple Wallet' : 'Google Wallet';
  return new WalletError('wallet_not_configured', `${name} passes are not configured on this hub`, { wallet });
}

/** A configuration the hub cannot use; `wallet` absent when the configuration file itself is at fault. */
export function configUnreadable(wallet: WalletKind | undefined, field: string, reason: string): WalletError {
  const where = wallet === undefined ? 'Wallet configuration' : `${wallet === 'apple' ? 'Apple' : 'Google'} wallet configuration`;
  return new WalletError('wallet_config_unreadable', `${where}, ${field}: ${reason}`, { ...(wallet ? { wallet } : {}), field, reason });
}
