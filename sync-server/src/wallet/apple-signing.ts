import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { AppleWalletKeys, AppleWalletSigning } from './wallet-config';
import { configUnreadable } from './wallet-error';

/** Certificates and keys are a few kilobytes; anything larger is not one. */
export const MAX_KEY_MATERIAL_BYTES = 64 * 1024;

const PASS_TYPE_ID = /^pass(\.[A-Za-z0-9-]{1,63}){1,8}$/;
const TEAM_ID = /^[A-Z0-9]{10}$/;

function certificateOf(field: string, value: string | Uint8Array): X509Certificate {
  if (value.length > MAX_KEY_MATERIAL_BYTES) throw configUnreadable('apple', field, 'larger than a certificate');
  let certificate;
  try {
    // Apple hands certificates out as DER (.cer); a deployment may have turned them into PEM. Node reads both.
    certificate = new X509Certificate(value);
  } catch {
    throw configUnreadable('apple', field, 'not a certificate in PEM or DER');
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') throw configUnreadable('apple', field, 'not an RSA certificate');
  return certificate;
}

function privateKeyOf(pem: string, passphrase: string | undefined): KeyObject {
  if (pem.length > MAX_KEY_MATERIAL_BYTES) throw configUnreadable('apple', 'privateKey', 'larger than a key');
  let key;
  try {
    key = createPrivateKey(passphrase === undefined ? { key: pem, format: 'pem' } : { key: pem, format: 'pem', passphrase });
  } catch {
    throw configUnreadable('apple', 'privateKey', 'not a PEM private key, or a wrong passphrase');
  }
  if (key.asymmetricKeyType !== 'rsa') throw configUnreadable('apple', 'privateKey', 'not an RSA key (Apple pass certificates are RSA)');
  return key;
}

/** One attribute of a subject as Node writes it (`UID=…\nCN=…\nOU=…`). */
function subjectValue(certificate: X509Certificate, name: string): string | undefined {
  const prefix = `${name}=`;
  return certificate.subject
    .split('\n')
    .find((line) => line.startsWith(prefix))
    ?.slice(prefix.length);
}

/**
 * A certificate Apple made names the pass type as its subject's UID and the team as its OU; both
 * must be the configured ones. A self-made test certificate may name neither.
 */
function requireCertificateFor(certificate: X509Certificate, passTypeIdentifier: string, teamIdentifier: string): void {
  const uid = subjectValue(certificate, 'UID');
  if (uid === undefined) return;
  if (uid !== passTypeIdentifier) throw configUnreadable('apple', 'certificate', `made for ${uid}, not for ${passTypeIdentifier}`);
  const team = subjectValue(certificate, 'OU');
  if (team !== undefined && team !== teamIdentifier)
    throw configUnreadable('apple', 'certificate', `made for team ${team}, not for ${teamIdentifier}`);
}

/**
 * Apple's signing keys checked once, when the hub reads its configuration, so a wrong file is said
 * at start with the field it is about, not as a pass a phone silently refuses: the key matches the
 * certificate, the certificate is for this pass type, and the WWDR intermediate is the one that signed it
 * (Apple has several generations; a pass with the wrong one does not open).
 */
export function appleSigningOf(keys: AppleWalletKeys): AppleWalletSigning {
  if (typeof keys.passTypeIdentifier !== 'string' || keys.passTypeIdentifier.length > 128 || !PASS_TYPE_ID.test(keys.passTypeIdentifier))
    throw configUnreadable('apple', 'passTypeIdentifier', 'must look like pass.com.example.loyalty');
  if (typeof keys.teamIdentifier !== 'string' || !TEAM_ID.test(keys.teamIdentifier))
    throw configUnreadable('apple', 'teamIdentifier', 'must be the ten capital letters and digits of the Apple team');
  const certificate = certificateOf('certificate', keys.certificate);
  const privateKey = privateKeyOf(keys.privateKey, keys.keyPassphrase);
  if (!certificate.checkPrivateKey(privateKey)) throw configUnreadable('apple', 'privateKey', 'does not belong to the certificate');
  requireCertificateFor(certificate, keys.passTypeIdentifier, keys.teamIdentifier);
  const wwdrCertificate = certificateOf('wwdrCertificate', keys.wwdrCertificate);
  if (!certificate.checkIssued(wwdrCertificate) || !certificate.verify(wwdrCertificate.publicKey))
    throw configUnreadable('apple', 'wwdrCertificate', 'did not sign the pass certificate (another WWDR generation?)');
  return { passTypeIdentifier: keys.passTypeIdentifier, teamIdentifier: keys.teamIdentifier, certificate, privateKey, wwdrCertificate };
}
