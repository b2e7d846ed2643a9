import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database';
import { hashPassword, newOneTimePassword } from '../office/password-hash';
import { createOfficeUser, findUserByEmail } from '../office/users';

/**
 * The demo hub's administrator (issue 13), so a newcomer's `npm start` opens a back office they
 * can sign in to. Its password is generated once per data directory (never a password published
 * in a README, which would open every demo hub someone exposed) and kept in DEMO_ADMIN_FILE there,
 * readable by its owner only, where the launcher reads it to print. It is an administrator like
 * any other: it enrolls a TOTP second factor at its first sign-in, as the back office asks.
 */
export const DEMO_ADMIN_EMAIL = 'admin@demo.local';
/** In the hub's data directory; electron/src/launch/demo-admin.ts reads it (the name is said there too). */
export const DEMO_ADMIN_FILE = 'demo-admin.json';

export type DemoAdminFile = { readonly email: string; readonly password: string };

export type DemoAdminResult = DemoAdminFile & {
  readonly created: boolean;
  /** Where the password is kept, or null (a demo on PostgreSQL without a data directory: printed once). */
  readonly file: string | null;
};

async function readCredentials(file: string): Promise<DemoAdminFile | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<DemoAdminFile>;
    return typeof value.email === 'string' && typeof value.password === 'string' && value.password.length >= 12
      ? { email: value.email, password: value.password }
      : null;
  } catch {
    return null;
  }
}

/** The file first, then the user: a password is never set that nobody kept. */
async function keptCredentials(dataDir: string | undefined): Promise<{ credentials: DemoAdminFile; file: string | null }> {
  if (dataDir === undefined) return { credentials: { email: DEMO_ADMIN_EMAIL, password: newOneTimePassword() }, file: null };
  const file = path.join(dataDir, DEMO_ADMIN_FILE);
  const existing = await readCredentials(file);
  if (existing) return { credentials: existing, file };
  const credentials = { email: DEMO_ADMIN_EMAIL, password: newOneTimePassword() };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return { credentials, file };
}

/**
 * Creates the demo administrator when missing (idempotent: a second run changes nothing, and a
 * password its user changed since stays theirs). Sign-in needs no one-time password change: the
 * launcher prints this password at every start.
 */
export async function seedDemoAdmin(db: Database, dataDir?: string): Promise<DemoAdminResult> {
  const { credentials, file } = await keptCredentials(dataDir);
  if (await findUserByEmail(db, credentials.email)) return { ...credentials, created: false, file };
  const { user } = await createOfficeUser(
    db,
    { kind: 'cli' },
    { email: credentials.email, displayName: 'Demo administrator', role: 'admin' },
  );
  await db.query('UPDATE office_users SET password_hash = $2, must_change_password = false WHERE user_id = $1', [
    user.userId,
    await hashPassword(credentials.password),
  ]);
  return { ...credentials, created: true, file };
}
