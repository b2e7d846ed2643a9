import { createPrivateKey } from 'node:crypto';
import { MAX_KEY_MATERIAL_BYTES } from './apple-signing';
import type { GoogleWalletIssuer, GoogleWalletKeys } from './wallet-config';
import { configUnreadable } from './wallet-error';

const ISSUER_ID = /^[0-9]{1,25}$/;
/** Google's ids after the issuer's prefix: letters, digits, ".", "_" or "-". */
const ID_SUFFIX = /^[A-Za-z0-9._-]{1,64}$/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,189}$/;

/** Google's issuer account checked once, when the hub reads its configuration. */
export function googleIssuerOf(keys: GoogleWalletKeys): GoogleWalletIssuer {
  if (typeof keys.issuerId !== 'string' || !ISSUER_ID.test(keys.issuerId))
    throw configUnreadable('google', 'issuerId', 'must be the digits of the Google Pay & Wallet Console issuer id');
  const prefix = `${keys.issuerId}.`;
  if (typeof keys.classId !== 'string' || !keys.classId.startsWith(prefix) || !ID_SUFFIX.test(keys.classId.slice(prefix.length)))
    throw configUnreadable('google', 'classId', `must be ${prefix}<letters, digits, ".", "_" or "-">`);
  if (typeof keys.serviceAccountEmail !== 'string' || !EMAIL.test(keys.serviceAccountEmail))
    throw configUnreadable('google', 'serviceAccountEmail', 'must be the service account e-mail');
  if (typeof keys.privateKey !== 'string' || keys.privateKey.length > MAX_KEY_MATERIAL_BYTES)
    throw configUnreadable('google', 'privateKey', 'must be a PEM private key');
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: keys.privateKey, format: 'pem' });
  } catch {
    throw configUnreadable('google', 'privateKey', 'not a PEM private key');
  }
  // Google signs "Save to Google Wallet" tokens with RS256 only, so the service account's key is RSA.
  if (privateKey.asymmetricKeyType !== 'rsa') throw configUnreadable('google', 'privateKey', 'not an RSA key');
  return { issuerId: keys.issuerId, classId: keys.classId, serviceAccountEmail: keys.serviceAccountEmail, privateKey };
}
