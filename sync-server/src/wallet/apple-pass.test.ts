import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkDetachedSignature,
  makeWalletKeys,
  TEST_PASS_TYPE,
  TEST_TEAM,
  TEST_WALLET_CARD,
  testAppleKeys,
  walletErrorOf,
} from '../test-support/wallet-keys';
import { makeApplePass } from './apple-pass';
import { appleSigningOf } from './apple-signing';
import { solidPng } from './solid-png';
import type { WalletCard } from './wallet-card';
import type { WalletConfig } from './wallet-config';

const card: WalletCard = { ...TEST_WALLET_CARD, tier: 'Or' };

let dir: string;
let keys: ReturnType<typeof makeWalletKeys>;
let config: WalletConfig;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pos-wallet-'));
  keys = makeWalletKeys(dir);
  config = { apple: appleSigningOf(testAppleKeys(keys)) };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function passFiles(of: WalletCard = card) {
  return unzipSync(makeApplePass(of, config));
}

function passJson(of: WalletCard = card): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(passFiles(of)['pass.json'])) as Record<string, unknown>;
}

/** Every string and number a JSON value holds, keys aside. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [value];
}

describe('makeApplePass', () => {
  it('zips pass.json, the images, manifest.json with every file’s SHA-1, and the signature', () => {
    const files = passFiles();
    expect(Object.keys(files).sort()).toEqual(['icon.png', 'icon@2x.png', 'logo.png', 'manifest.json', 'pass.json', 'signature']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual(['icon.png', 'icon@2x.png', 'logo.png', 'pass.json']);
    for (const [name, sha1] of Object.entries(manifest)) expect(createHash('sha1').update(files[name]!).digest('hex')).toBe(sha1);
    const width = (png: Uint8Array) => Buffer.from(png).readUInt32BE(16);
    expect([width(files['icon.png']!), width(files['icon@2x.png']!)]).toEqual([29, 58]);
  });

  it('signs manifest.json with a detached PKCS#7 by the pass certificate, carrying the WWDR certificate and the signing time', () => {
    const files = passFiles();
    const check = checkDetachedSignature(files.signature!, files['manifest.json']!, keys.certificate);
    expect(check).toMatchObject({ digestMatches: true, signatureValid: true, certificateCount: 2, detached: true });
    expect(check.attributeOids).toEqual(['1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4', '1.2.840.113549.1.9.5']);
    const tampered = new TextEncoder().encode(new TextDecoder().decode(files['manifest.json']).replace('"pass.json":"', '"pass.json":"0'));
    expect(checkDetachedSignature(files.signature!, tampered, keys.certificate).digestMatches).toBe(false);
    expect(checkDetachedSignature(files.signature!, files['manifest.json']!, keys.otherCa).signatureValid).toBe(false);
  });

  it('openssl verifies the signature over manifest.json up to the WWDR certificate', () => {
    const files = passFiles();
    writeFileSync(path.join(dir, 'manifest.json'), files['manifest.json']!);
    writeFileSync(path.join(dir, 'signature'), files.signature!);
    const cms = (ca: string) =>
      execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          'signature',
          '-content',
          'manifest.json',
          '-CAfile',
          ca,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { cwd: dir, stdio: 'pipe' },
      );
    expect(() => cms('wwdr.pem')).not.toThrow();
    expect(() => cms('other-ca.pem')).toThrow();
  });

  it('writes a store card: the card number as a QR code and in words, the points, the member and the tier', () => {
    const pass = passJson();
    expect(pass).toMatchObject({
      formatVersion: 1,
      passTypeIdentifier: TEST_PASS_TYPE,
      teamIdentifier: TEST_TEAM,
      serialNumber: card.memberId,
      organizationName: card.storeName,
      description: card.programName,
      sharingProhibited: true,
      barcodes: [{ format: 'PKBarcodeFormatQR', message: card.cardNumber, altText: card.cardNumber, messageEncoding: 'iso-8859-1' }],
    });
    const storeCard = pass.storeCard as Record<string, unknown>;
    expect(storeCard.primaryFields).toEqual([{ key: 'points', label: 'Points', value: 1250, numberStyle: 'PKNumberStyleDecimal' }]);
    expect(storeCard.secondaryFields).toEqual([
      { key: 'member', label: 'Membre', value: 'Camille D.' },
      { key: 'tier', label: 'Niveau', value: 'Or' },
    ]);
    const english = passJson({ ...card, language: 'en', tier: undefined });
    expect((english.storeCard as Record<string, unknown>).secondaryFields).toEqual([
      { key: 'member', label: 'Member', value: 'Camille D.' },
    ]);
  });

  it('holds no personal data but the display name: every value is the card’s, the deployment’s or a fixed word', () => {
    const fixed = new Set<unknown>([
      1,
      'PKBarcodeFormatQR',
      'iso-8859-1',
      'PKNumberStyleDecimal',
      'program',
      'points',
      'Points',
      'member',
      'Membre',
      'tier',
      'Niveau',
      true,
    ]);
    const ours = new Set<unknown>([TEST_PASS_TYPE, TEST_TEAM, ...Object.values(card)]);
    const others = leaves(passJson()).filter((v) => !fixed.has(v) && !ours.has(v) && !/^rgb\(\d+, \d+, \d+\)$/.test(String(v)));
    expect(others).toEqual([]);
  });

  it('uses the card’s colours and logo', () => {
    const logo = solidPng(160, 50, [200, 30, 30, 255]);
    const files = passFiles({ ...card, colours: { background: '#102030', foreground: '#FFFFFF', label: '#A0B0C0' }, logoPng: logo });
    expect(JSON.parse(new TextDecoder().decode(files['pass.json']))).toMatchObject({
      backgroundColor: 'rgb(16, 32, 48)',
      foregroundColor: 'rgb(255, 255, 255)',
      labelColor: 'rgb(160, 176, 192)',
    });
    expect(Buffer.from(files['logo.png']!).equals(Buffer.from(logo))).toBe(true);
  });

  it('says when Apple Wallet is not configured, the certificate has ended or the card is out of bounds', () => {
    expect(walletErrorOf(() => makeApplePass(card, {}))).toMatchObject({ code: 'wallet_not_configured', details: { wallet: 'apple' } });
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(walletErrorOf(() => makeApplePass(card, config, later))).toMatchObject({ code: 'wallet_certificate_expired' });
    const refused = walletErrorOf(() => makeApplePass({ ...card, displayName: 'x'.repeat(101) }, config));
    expect(refused).toMatchObject({
      code: 'invalid_wallet_card',
      details: { problems: ['displayName must be 1 to 100 characters, no control character'] },
    });
  });
});
