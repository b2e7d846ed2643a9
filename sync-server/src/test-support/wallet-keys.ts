import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, verify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { WalletCard } from '../wallet/wallet-card';
import type { AppleWalletKeys } from '../wallet/wallet-config';
import { WalletError } from '../wallet/wallet-error';

export const TEST_PASS_TYPE = 'pass.test.pos.loyalty';
export const TEST_TEAM = 'ABCDE12345';
export const TEST_PASSPHRASE = 'correct horse battery staple';

/** A member's card as the routes will give it. */
export const TEST_WALLET_CARD: WalletCard = {
  memberId: 'mbr_7Hq2x',
  cardNumber: 'LOY-0042-7781',
  displayName: 'Camille D.',
  programName: 'Club Maison',
  points: 1250,
  storeName: 'Maison Lyon',
};

/** 1024 bits: a real pass key has 2048, but a test's keys need only be RSA, and a busy machine makes 1024-bit ones several times faster. */
function rsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/**
 * Self-made stand-ins for what a deployment gets from Apple and Google, written in `dir`: a test
 * "WWDR" CA, a pass certificate it signed with the subject Apple gives one (uid = pass type id,
 * OU = team), its key in clear and under a passphrase, an RSA key for the Google service account and
 * another CA, on that key, that signed nothing. Keys by Node (fast), certificates by openssl.
 */
export function makeWalletKeys(dir: string) {
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  for (const name of ['wwdr.key', 'pass.key', 'google.key']) write(name, rsaKeyPem());
  const selfSigned = (key: string, out: string, subject: string) =>
    openssl('req', '-x509', '-key', key, '-out', out, '-days', '2', '-subj', subject);
  selfSigned('wwdr.key', 'wwdr.pem', '/CN=POS test WWDR');
  selfSigned('google.key', 'other-ca.pem', '/CN=POS test other WWDR');
  const subject = `/UID=${TEST_PASS_TYPE}/CN=Pass Type ID: ${TEST_PASS_TYPE}/OU=${TEST_TEAM}/O=POS test/C=FR`;
  openssl('req', '-x509', '-key', 'pass.key', '-out', 'pass.pem', '-days', '2', '-CA', 'wwdr.pem', '-CAkey', 'wwdr.key', '-subj', subject);
  openssl('x509', '-in', 'wwdr.pem', '-outform', 'DER', '-out', 'wwdr.cer');
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  const encryptedKey = createPrivateKey(read('pass.key'))
    .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: TEST_PASSPHRASE })
    .toString();
  write('pass-encrypted.key', encryptedKey);
  return {
    wwdr: read('wwdr.pem'),
    otherCa: read('other-ca.pem'),
    certificate: read('pass.pem'),
    privateKey: read('pass.key'),
    encryptedKey,
    googleKey: read('google.key'),
  };
}

/** Apple's keys of the test pass certificate, as a deployment's configuration gives them. */
export function testAppleKeys(keys: ReturnType<typeof makeWalletKeys>): AppleWalletKeys {
  return {
    passTypeIdentifier: TEST_PASS_TYPE,
    teamIdentifier: TEST_TEAM,
    certificate: keys.certificate,
    privateKey: keys.privateKey,
    wwdrCertificate: keys.wwdr,
  };
}

/** The detached signature's signer: its signed attributes (as the SET that was signed) and signature. */
function signerOf(signature: Uint8Array) {
  const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(signature).toString('binary')));
  const signedData = ((contentInfo.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  const parts = signedData.value as forge.asn1.Asn1[];
  const signerInfo = (parts[parts.length - 1]!.value as forge.asn1.Asn1[])[0]!;
  const fields = signerInfo.value as forge.asn1.Asn1[];
  const attributes = fields.find((f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 0)!.value as forge.asn1.Asn1[];
  const signedSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes);
  const signatureBytes = Buffer.from(fields[fields.length - 1]!.value as string, 'binary');
  const certificateCount = ((parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC)?.value ?? []) as forge.asn1.Asn1[]).length;
  return { attributes, signedSet, signatureBytes, certificateCount, hasContent: ((parts[2]!.value as forge.asn1.Asn1[]).length ?? 0) > 1 };
}

/**
 * Checks a detached PKCS#7 over `content` by the certificate's key, the way a wallet does (RFC 5652
 * §5.4, §5.6): the messageDigest attribute is the content's SHA-256 and the signature covers the
 * signed attributes. forge makes PKCS#7 but does not verify it, so this reads its ASN.1.
 */
export function checkDetachedSignature(signature: Uint8Array, content: Uint8Array, certificatePem: string) {
  const signer = signerOf(signature);
  const digestAttribute = signer.attributes.find(
    (a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string) === '1.2.840.113549.1.9.4',
  )!;
  const digest = Buffer.from(((digestAttribute.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string, 'binary');
  const signedBytes = Buffer.from(forge.asn1.toDer(signer.signedSet).getBytes(), 'binary');
  const oids = signer.attributes.map((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string));
  return {
    digestMatches: digest.equals(createHash('sha256').update(content).digest()),
    signatureValid: verify('sha256', signedBytes, certificatePem, signer.signatureBytes),
    attributeOids: oids,
    certificateCount: signer.certificateCount,
    detached: !signer.hasContent,
  };
}

/** The WalletError `work` throws (a failed expectation when it throws none or another). */
export function walletErrorOf(work: () => unknown): WalletError {
  try {
    work();
  } catch (error) {
    if (error instanceof WalletError) return error;
    throw error;
  }
  throw new Error('expected a WalletError, nothing was thrown');
}

/** The same for a promise. */
export async function walletRejectionOf(work: () => Promise<unknown>): Promise<WalletError> {
  return work().then(
    () => {
      throw new Error('expected a WalletError, the promise resolved');
    },
    (error: unknown) => {
      if (error instanceof WalletError) return error;
      throw error;
    },
  );
}
