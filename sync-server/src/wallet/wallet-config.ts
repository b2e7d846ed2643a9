import type { KeyObject, X509Certificate } from 'node:crypto';

/** Apple's pass signing as the deployment gives it: identifiers and PEM (or DER) texts. */
export type AppleWalletKeys = {
  /** `pass.<reverse domain>`, registered in the Apple Developer account. */
  readonly passTypeIdentifier: string;
  /** The Apple Developer team's ten characters. */
  readonly teamIdentifier: string;
  readonly certificate: string | Uint8Array;
  readonly privateKey: string;
  readonly keyPassphrase?: string;
  /** Apple's Worldwide Developer Relations intermediate certificate that signed the pass certificate. */
  readonly wwdrCertificate: string | Uint8Array;
};

/** Apple's pass signing once checked: what `makeApplePass` signs with. */
export type AppleWalletSigning = Pick<AppleWalletKeys, 'passTypeIdentifier' | 'teamIdentifier'> & {
  readonly certificate: X509Certificate;
  readonly privateKey: KeyObject;
  readonly wwdrCertificate: X509Certificate;
};

/** Google's issuer account as the deployment gives it. */
export type GoogleWalletKeys = {
  /** The issuer id of the Google Pay & Wallet Console (digits). */
  readonly issuerId: string;
  /** The loyalty class made once in the console: `<issuerId>.<suffix>`. */
  readonly classId: string;
  readonly serviceAccountEmail: string;
  readonly privateKey: string;
};

/** Google's issuer account once checked: what `googleWalletSaveLink` signs with. */
export type GoogleWalletIssuer = Omit<GoogleWalletKeys, 'privateKey'> & { readonly privateKey: KeyObject };

/** A deployment's wallets: either, both or none (then only the printed or on-screen QR card). */
export type WalletConfig = { readonly apple?: AppleWalletSigning; readonly google?: GoogleWalletIssuer };
