import { constants, type KeyObject, privateEncrypt, type X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { AppleWalletSigning } from './wallet-config';

/** The object identifiers the signature names (RFC 5652 §11, RFC 5754). */
const OID = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

/** DER of DigestInfo { sha256, NULL } up to the 32 digest bytes (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function forgeCertificate(certificate: X509Certificate): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(certificate.raw.toString('binary'))));
}

/**
 * What forge asks of a key: sign the digest of the signed attributes, RSASSA-PKCS1-v1_5. Node's RSA
 * does it (PKCS#1 padding over DigestInfo is that signature) in a millisecond; forge's own RSA, in
 * JavaScript, holds the hub's event loop for tens of milliseconds per pass.
 */
function nodeRsaSigner(key: KeyObject): forge.pki.rsa.PrivateKey {
  const sign = (md: forge.md.MessageDigest) => {
    const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]);
    return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary');
  };
  return { sign } as unknown as forge.pki.rsa.PrivateKey;
}

/**
 * The pass's `signature` file: a detached PKCS#7 (CMS) SignedData over manifest.json, by the pass
 * certificate's key, SHA-256, carrying the pass certificate and Apple's WWDR intermediate, with the
 * signing time Apple's wallet requires among the signed attributes. DER bytes.
 */
export function signManifest(manifest: Uint8Array, signing: AppleWalletSigning, now: Date): Uint8Array {
  const certificate = forgeCertificate(signing.certificate);
  const signedData = forge.pkcs7.createSignedData();
  signedData.content = forge.util.createBuffer(Buffer.from(manifest).toString('binary'));
  signedData.addCertificate(certificate);
  signedData.addCertificate(forgeCertificate(signing.wwdrCertificate));
  signedData.addSigner({
    key: nodeRsaSigner(signing.privateKey),
    certificate,
    digestAlgorithm: OID.sha256,
    authenticatedAttributes: [
      { type: OID.contentType, value: OID.data },
      // forge fills the digest of the content in.
      { type: OID.messageDigest },
      { type: OID.signingTime, value: now.toISOString() },
    ],
  });
  signedData.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(signedData.toAsn1()).getBytes(), 'binary');
}
