import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The demo administrator the embedded hub seeds (sync-server/src/demo/seed-demo-admin.ts, which
 * keeps its generated password in this file of the hub's data directory): the launcher prints it
 * beside the back office's address. This room cannot import the hub's code, hence the name twice.
 */
export const DEMO_ADMIN_FILE = 'demo-admin.json';

/** The line `npm start` prints, or null when the hub kept no demo administrator there. */
export function demoAdminLine(hubDataDir: string): string | null {
  try {
    const value = JSON.parse(readFileSync(path.join(hubDataDir, DEMO_ADMIN_FILE), 'utf8')) as { email?: unknown; password?: unknown };
    if (typeof value.email !== 'string' || typeof value.password !== 'string') return null;
    return (
      `  sign in as ${value.email}, password ${value.password} (unless you changed it; ` +
      'an administrator enrolls a TOTP second factor at the first sign-in)'
    );
  } catch {
    return null;
  }
}
