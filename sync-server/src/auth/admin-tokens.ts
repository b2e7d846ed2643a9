import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { newAdminToken, sha256Hex } from './secrets';

/** An admin token as head office sees it afterwards: never the token, only what names it. */
export type AdminTokenInfo = {
  /** The first 12 hex digits of the token's SHA-256: enough to name it, useless to guess it. */
  readonly id: string;
  readonly label: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
};

export type CreatedAdminToken = AdminTokenInfo & { readonly token: string };

const ID_LENGTH = 12;
export const MAX_LABEL_LENGTH = 200;

type Row = { token_hash: string; label: string; created_at: Date; revoked_at: Date | null };

function info(row: Row): AdminTokenInfo {
  return {
    id: row.token_hash.slice(0, ID_LENGTH),
    label: row.label,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** A token for the hub's own command line while the hub holds the database (see cli/hub-file.ts). */
export async function issueAdminToken(db: Queryable, label: string): Promise<string> {
  return (await createAdminToken(db, label)).token;
}

/** A new admin token: returned this once, stored as its SHA-256 only. */
export async function createAdminToken(db: Queryable, label: string): Promise<CreatedAdminToken> {
  const trimmed = label.trim();
  if (!trimmed || trimmed.length > MAX_LABEL_LENGTH)
    throw new HubError(400, 'bad_request', `An admin token needs a label of 1 to ${MAX_LABEL_LENGTH} characters saying who holds it`);
  const token = newAdminToken();
  const [row] = await db.query<Row>('INSERT INTO admin_tokens (token_hash, label) VALUES ($1, $2) RETURNING *', [
    sha256Hex(token),
    trimmed,
  ]);
  return { ...info(row!), token };
}

/** Admin tokens, oldest first: those still valid, or every one ever issued. */
export async function listAdminTokens(db: Queryable, options: { all?: boolean } = {}): Promise<AdminTokenInfo[]> {
  const rows = await db.query<Row>(
    `SELECT * FROM admin_tokens ${options.all ? '' : 'WHERE revoked_at IS NULL'} ORDER BY created_at, token_hash`,
  );
  return rows.map(info);
}

export async function revokeAdminToken(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE admin_tokens SET revoked_at = now() WHERE token_hash = $1', [sha256Hex(token)]);
}

/** Revokes the admin token with this id (as listAdminTokens shows it); at once, on every hub instance. */
export async function revokeAdminTokenById(db: Queryable, id: string): Promise<AdminTokenInfo> {
  const prefix = id.trim().toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${ID_LENGTH},64}$`).test(prefix))
    throw new HubError(400, 'bad_request', `An admin token id is the ${ID_LENGTH} hex digits list-tokens shows`);
  const matches = await db.query<Row>('SELECT * FROM admin_tokens WHERE starts_with(token_hash, $1)', [prefix]);
  if (matches.length === 0) throw new HubError(404, 'not_found', `No admin token has the id ${prefix}`);
  if (matches.length > 1) throw new HubError(400, 'bad_request', `Several admin tokens start with ${prefix}: give more of the id`);
  const [row] = await db.query<Row>('UPDATE admin_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE token_hash = $1 RETURNING *', [
    matches[0]!.token_hash,
  ]);
  return info(row!);
}

export async function authenticateAdmin(db: Queryable, token: string | null): Promise<void> {
  if (!token) throw new HubError(401, 'unauthorized', 'This admin request has no token (Authorization: Bearer …)');
  const [row] = await db.query('SELECT 1 FROM admin_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [sha256Hex(token)]);
  if (!row) throw new HubError(401, 'unauthorized', 'This admin token is not valid');
}
