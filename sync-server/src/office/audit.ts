import type { AuditLogEntry } from '@pos/core';
import type { Queryable } from '../db/database';
import { checkInstantPeriod } from '../errors/list-period';

/** Who made a change: an office user, an admin token (its id), a user's API key, or the command line on the database. */
export type AuditActor =
  | { readonly kind: 'user'; readonly userId: string; readonly email: string }
  | { readonly kind: 'token'; readonly tokenId: string }
  /** An API key, acting for its owner. */
  | { readonly kind: 'key'; readonly keyId: string; readonly userId: string; readonly email: string }
  | { readonly kind: 'cli' };

export type AuditEntry = {
  readonly action: string;
  readonly target?: string | null;
  readonly storeId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
};

/** An entry as the log lists it (core's wire shape). */
export type AuditRow = AuditLogEntry;

/** Keys whose values never reach the log, at any depth (PINs, passwords, TOTP secrets, tokens, hashes). */
const SECRET_KEY = /pin|password|secret|token|hash|code/i;
const MAX_DEPTH = 8;
const MAX_TEXT = 2000;

/** A copy of `value` without secrets, bounded (long texts cut, deep nesting dropped). */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return { bytes: value.length };
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

function actorText(actor: AuditActor): string {
  if (actor.kind === 'user') return `${actor.userId} ${actor.email}`;
  if (actor.kind === 'token') return `admin token ${actor.tokenId}`;
  if (actor.kind === 'key') return `api key ${actor.keyId} of ${actor.userId} ${actor.email}`;
  return 'command line';
}

export async function recordAudit(db: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (actor_kind, actor, action, target, store_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    actor.kind,
    actorText(actor),
    entry.action.slice(0, 200),
    entry.target?.slice(0, 500) ?? null,
    entry.storeId ?? null,
    entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
    entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
  ]);
}

type Row = {
  id: string | number;
  at: Date;
  actor_kind: string;
  actor: string;
  action: string;
  target: string | null;
  store_id: string | null;
  before: unknown;
  after: unknown;
};

export const MAX_AUDIT_PAGE = 200;
/** Longest actor or action filter: an e-mail, a route. */
export const MAX_AUDIT_FILTER_LENGTH = 254;

export type AuditQuery = {
  /** The `next` of the previous page. */
  readonly before?: number;
  readonly limit?: number;
  /** Part of the actor (a user's e-mail or id, a token's id), any case. */
  readonly actor?: string;
  /** Part of the action (user.update, or a route: PUT /api/v1/admin/stores/:storeId/roles), any case. */
  readonly action?: string;
  /** From this instant (inclusive) … */
  readonly from?: string;
  /** … until this one (exclusive). */
  readonly to?: string;
};

/** `text` as a LIKE pattern matching itself anywhere. */
function containing(text: string): string {
  return `%${text.slice(0, MAX_AUDIT_FILTER_LENGTH).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest first, `limit` at a time, narrowed by the filters given; `next` is the `before` of the next page (null at the end). */
export async function listAudit(db: Queryable, page: AuditQuery = {}): Promise<{ entries: AuditRow[]; next: number | null }> {
  checkInstantPeriod(page, 'bad_request');
  const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_AUDIT_PAGE);
  const params: unknown[] = [limit + 1];
  const where: string[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (page.before !== undefined) add((n) => `id < ${n}`, page.before);
  if (page.actor) add((n) => `actor ILIKE ${n}`, containing(page.actor));
  if (page.action) add((n) => `action ILIKE ${n}`, containing(page.action));
  if (page.from) add((n) => `at >= ${n}::timestamptz`, page.from);
  if (page.to) add((n) => `at < ${n}::timestamptz`, page.to);
  const rows = await db.query<Row>(
    `SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $1`,
    params,
  );
  const entries = rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actorKind: r.actor_kind,
    actor: r.actor,
    action: r.action,
    target: r.target,
    storeId: r.store_id,
    before: r.before,
    after: r.after,
  }));
  return { entries, next: rows.length > limit ? entries.at(-1)!.id : null };
}
