import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { nodeFiscalFs, writeFileDurably } from '../fiscal/fiscal-fs';

export type HubCredentials = {
  readonly hubUrl: string;
  readonly storeId: string;
  readonly tillId: string;
  readonly token: string;
  /** PEM of a certificate authority to trust for this hub, if it is not publicly signed. */
  readonly ca?: string;
};

/** OS keychain encryption where the shell has one (Electron's safeStorage); plain Node has none. */
export type SecretProtector = {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
};

type Stored = Omit<HubCredentials, 'token'> & { readonly token?: string; readonly protectedToken?: string };

const FILE = 'hub-credentials.json';

/**
 * The device token is the till's key to the hub: kept by the host only, in a file only its user
 * can read (0600), and encrypted with the OS keychain when the shell provides one.
 */
export async function loadHubCredentials(dataDir: string, protector?: SecretProtector): Promise<HubCredentials | null> {
  let stored: Stored;
  try {
    stored = JSON.parse(await readFile(path.join(dataDir, FILE), 'utf8')) as Stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const token = stored.protectedToken && protector ? protector.decrypt(Buffer.from(stored.protectedToken, 'base64')) : stored.token;
  if (!token) throw new Error(`${FILE} holds a token this machine cannot decrypt: enroll the till again`);
  const { protectedToken: _p, token: _t, ...rest } = stored;
  return { ...rest, token };
}

export async function saveHubCredentials(dataDir: string, credentials: HubCredentials, protector?: SecretProtector): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const { token, ...rest } = credentials;
  const stored: Stored = protector ? { ...rest, protectedToken: protector.encrypt(token).toString('base64') } : { ...rest, token };
  const file = path.join(dataDir, FILE);
  // Durable before the till says it is enrolled: the one-time code is spent, a lost token means enrolling again.
  await writeFileDurably(nodeFiscalFs, file, JSON.stringify(stored, null, 2), 0o600);
}
