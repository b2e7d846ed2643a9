import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeWalletKeys,
  TEST_PASS_TYPE,
  TEST_PASSPHRASE,
  TEST_TEAM,
  TEST_WALLET_CARD,
  testAppleKeys,
  walletErrorOf,
  walletRejectionOf,
} from '../test-support/wallet-keys';
import { makeApplePass } from './apple-pass';
import { appleSigningOf } from './apple-signing';
import { googleIssuerOf } from './google-issuer';
import { googleWalletSaveLink } from './google-save-link';
import type { AppleWalletKeys } from './wallet-config';
import { loadWalletConfig } from './wallet-config-file';

const card = TEST_WALLET_CARD;

let dir: string;
let keys: ReturnType<typeof makeWalletKeys>;
let apple: AppleWalletKeys;

const APPLE_SECTION = {
  passTypeIdentifier: TEST_PASS_TYPE,
  teamIdentifier: TEST_TEAM,
  certificateFile: 'pass.pem',
  keyFile: 'pass-encrypted.key',
  keyPassphraseFile: 'pass.passphrase',
  wwdrFile: 'wwdr.cer',
};
const GOOGLE_SECTION = { issuerId: '3388000000022222222', classId: '3388000000022222222.club', serviceAccountFile: 'service-account.json' };

/** Writes a configuration file beside the keys and loads it. */
async function load(config: unknown) {
  const file = path.join(dir, 'wallet.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return loadWalletConfig(file);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pos-wallet-config-'));
  keys = makeWalletKeys(dir);
  writeFileSync(path.join(dir, 'pass.passphrase'), `${TEST_PASSPHRASE}\n`);
  const serviceAccount = { type: 'service_account', client_email: 'wallet@pos-test.iam.gserviceaccount.com', private_key: keys.googleKey };
  writeFileSync(path.join(dir, 'service-account.json'), JSON.stringify(serviceAccount));
  apple = testAppleKeys(keys);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadWalletConfig', () => {
  it('reads both wallets from the files it names: a PEM certificate, a DER WWDR, a key under a passphrase, Google’s JSON key', async () => {
    const config = await load({ apple: APPLE_SECTION, google: GOOGLE_SECTION });
    expect(config.google).toMatchObject({
      serviceAccountEmail: 'wallet@pos-test.iam.gserviceaccount.com',
      classId: GOOGLE_SECTION.classId,
    });
    expect(makeApplePass(card, config).length).toBeGreaterThan(0);
    expect(googleWalletSaveLink(card, config)).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\//);
    expect(await load({})).toEqual({});
  });

  it('says which file or field it cannot use', async () => {
    const refusal = async (config: unknown) => {
      const error = await walletRejectionOf(() => load(config));
      expect(error.code).toBe('wallet_config_unreadable');
      return error.details;
    };
    expect(await refusal('{ not json')).toMatchObject({ field: 'walletConfig' });
    expect(await refusal({ apple: APPLE_SECTION, samsung: {} })).toMatchObject({ field: 'samsung' });
    expect(await refusal({ apple: { ...APPLE_SECTION, certificatFile: 'pass.pem' } })).toMatchObject({
      wallet: 'apple',
      field: 'certificatFile',
    });
    expect(await refusal({ apple: { ...APPLE_SECTION, certificateFile: 'missing.pem' } })).toMatchObject({
      wallet: 'apple',
      field: 'certificateFile',
    });
    expect(await refusal({ apple: { ...APPLE_SECTION, certificateFile: 'pass.passphrase' } })).toMatchObject({
      wallet: 'apple',
      field: 'certificate',
    });
    expect(await refusal({ apple: { ...APPLE_SECTION, keyPassphraseFile: 'wallet.json' } })).toMatchObject({
      wallet: 'apple',
      field: 'privateKey',
    });
    expect(await refusal({ google: { ...GOOGLE_SECTION, serviceAccountFile: 'pass.pem' } })).toMatchObject({
      wallet: 'google',
      field: 'serviceAccountFile',
    });
    writeFileSync(path.join(dir, 'large.pem'), 'x'.repeat(64 * 1024 + 1));
    expect(await refusal({ apple: { ...APPLE_SECTION, wwdrFile: 'large.pem' } })).toMatchObject({ wallet: 'apple', field: 'wwdrFile' });
  });
});

describe('appleSigningOf', () => {
  it('refuses a key that is not the certificate’s, a WWDR that did not sign it, a certificate for another pass type or team', () => {
    const field = (of: AppleWalletKeys) => walletErrorOf(() => appleSigningOf(of)).details.field;
    expect(() => appleSigningOf(apple)).not.toThrow();
    expect(field({ ...apple, privateKey: keys.googleKey })).toBe('privateKey');
    expect(field({ ...apple, privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' })).toBe('privateKey');
    expect(field({ ...apple, wwdrCertificate: keys.otherCa })).toBe('wwdrCertificate');
    expect(field({ ...apple, passTypeIdentifier: 'pass.test.pos.other' })).toBe('certificate');
    expect(field({ ...apple, teamIdentifier: 'ZZZZZ99999' })).toBe('certificate');
    expect(field({ ...apple, passTypeIdentifier: 'com.example' })).toBe('passTypeIdentifier');
    expect(field({ ...apple, teamIdentifier: 'abc' })).toBe('teamIdentifier');
  });
});

describe('googleIssuerOf', () => {
  it('refuses an issuer id, class id, e-mail or key of the wrong form', () => {
    const google = {
      issuerId: '3388000000022222222',
      classId: '3388000000022222222.club',
      serviceAccountEmail: 'a@b.iam',
      privateKey: keys.googleKey,
    };
    const field = (of: typeof google) => walletErrorOf(() => googleIssuerOf(of)).details.field;
    expect(() => googleIssuerOf(google)).not.toThrow();
    expect(field({ ...google, issuerId: 'issuer' })).toBe('issuerId');
    expect(field({ ...google, classId: '999.club' })).toBe('classId');
    expect(field({ ...google, serviceAccountEmail: 'nobody' })).toBe('serviceAccountEmail');
    expect(field({ ...google, privateKey: keys.certificate })).toBe('privateKey');
  });
});
