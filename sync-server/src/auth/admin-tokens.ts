import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { newAdminToken, sha256Hex } from './secrets';

/** A token for the hub's own command line while the hub holds the database (see cli/hub-file.ts). */
export async function issueAdminToken(db: Queryable, label: string): Promise<string> {
  const token = newAdminToken();
  await db.query('INSERT INTO admin_tokens (token_hash, label) VALUES ($1, $2)', [sha256Hex(token), label]);
  return token;
}

export async function revokeAdminToken(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE admin_tokens SET revoked_at = now() WHERE token_hash = $1', [sha256Hex(token)]);
}

export async function authenticateAdmin(db: Queryable, token: string | null): Promise<void> {
  if (!token) throw new HubError(401, 'unauthorized', 'This admin request has no token (Authorization: Bearer …)');
  const [row] = await db.query('SELECT 1 FROM admin_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [sha256Hex(token)]);
  if (!row) throw new HubError(401, 'unauthorized', 'This admin token is not valid');
}
