import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { appleSigningOf, MAX_KEY_MATERIAL_BYTES } from './apple-signing';
import { googleIssuerOf } from './google-issuer';
import type { WalletConfig } from './wallet-config';
import { configUnreadable, WalletError, type WalletKind } from './wallet-error';

/** The configuration file names files and identifiers only: a few hundred bytes. */
const MAX_CONFIG_BYTES = 16 * 1024;

const APPLE_FIELDS = ['passTypeIdentifier', 'teamIdentifier', 'certificateFile', 'keyFile', 'keyPassphraseFile', 'wwdrFile'];
const GOOGLE_FIELDS = ['issuerId', 'classId', 'serviceAccountFile'];

type Section = Readonly<Record<string, unknown>>;

async function readBounded(wallet: WalletKind | undefined, field: string, file: string): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    if (size > (wallet === undefined ? MAX_CONFIG_BYTES : MAX_KEY_MATERIAL_BYTES))
      throw configUnreadable(wallet, field, `${file} is too large`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof WalletError) throw error;
    throw configUnreadable(wallet, field, `cannot read ${file}`);
  }
}

function sectionOf(wallet: WalletKind, value: unknown, fields: readonly string[]): Section | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw configUnreadable(wallet, wallet, 'must be an object');
  const unknown = Object.keys(value).find((key) => !fields.includes(key));
  if (unknown !== undefined) throw configUnreadable(wallet, unknown, `not a field of the ${wallet} section (${fields.join(', ')})`);
  return value as Section;
}

/** A file the section names, relative to the configuration file's folder. */
function fileField(wallet: WalletKind, section: Section, field: string, folder: string): string {
  const value = section[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024) throw configUnreadable(wallet, field, 'must name a file');
  return path.resolve(folder, value);
}

/** A certificate as Apple hands it out (DER, .cer) or turned into PEM. */
function certificateText(bytes: Buffer): string | Uint8Array {
  const text = bytes.toString('utf8');
  return text.trimStart().startsWith('-----BEGIN') ? text : bytes;
}

async function appleKeys(section: Section, folder: string) {
  const read = (field: string) => readBounded('apple', field, fileField('apple', section, field, folder));
  const passphrase =
    section.keyPassphraseFile === undefined ? undefined : (await read('keyPassphraseFile')).toString('utf8').replace(/\r?\n$/, '');
  return appleSigningOf({
    passTypeIdentifier: section.passTypeIdentifier as string,
    teamIdentifier: section.teamIdentifier as string,
    certificate: certificateText(await read('certificateFile')),
    privateKey: (await read('keyFile')).toString('utf8'),
    ...(passphrase === undefined ? {} : { keyPassphrase: passphrase }),
    wwdrCertificate: certificateText(await read('wwdrFile')),
  });
}

/** The service account's JSON key as Google's console downloads it: its e-mail and private key. */
async function googleIssuer(section: Section, folder: string) {
  const bytes = await readBounded('google', 'serviceAccountFile', fileField('google', section, 'serviceAccountFile', folder));
  let account: Record<string, unknown>;
  try {
    account = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw configUnreadable('google', 'serviceAccountFile', 'not a JSON service account key');
  }
  return googleIssuerOf({
    issuerId: section.issuerId as string,
    classId: section.classId as string,
    serviceAccountEmail: account.client_email as string,
    privateKey: account.private_key as string,
  });
}

/**
 * Reads a deployment's wallet configuration file (JSON; shape and example in docs/operations.md,
 * "Wallet passes"): an `apple` and a `google` section, either optional, naming the key and
 * certificate files beside it. Every file is read and checked now, so a wrong one is said at start
 * (wallet_config_unreadable, with the field), never when a member asks for a card.
 */
export async function loadWalletConfig(file: string): Promise<WalletConfig> {
  const bytes = await readBounded(undefined, 'walletConfig', file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw configUnreadable(undefined, 'walletConfig', `${file} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw configUnreadable(undefined, 'walletConfig', 'must be an object');
  const unknown = Object.keys(parsed).find((key) => key !== 'apple' && key !== 'google');
  if (unknown !== undefined) throw configUnreadable(undefined, unknown, 'not a wallet (apple, google)');
  const folder = path.dirname(file);
  const config = parsed as Record<string, unknown>;
  const apple = sectionOf('apple', config.apple, APPLE_FIELDS);
  const google = sectionOf('google', config.google, GOOGLE_FIELDS);
  return {
    ...(apple ? { apple: await appleKeys(apple, folder) } : {}),
    ...(google ? { google: await googleIssuer(google, folder) } : {}),
  };
}
