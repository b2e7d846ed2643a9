/**
 * Wire shapes of the RxDB replication protocol as the hub serves it:
 *   GET  /sync/v1/{collection}/pull?checkpoint=<seq>&limit=<n>  → PullResponse
 *   POST /sync/v1/{collection}/push  body PushRequest           → PushResponse
 *   GET  /sync/v1/{collection}/stream (server-sent events)      → StreamEvent…, 'RESYNC' first
 * Every request carries `Authorization: Bearer <device token>` and `X-Schema-Version: <n>`.
 */

/** A server sequence, assigned inside the write transaction; never a timestamp. */
export type SyncCheckpoint = { readonly seq: number };

/** Any synced document: its id, its deletion flag (tombstone), and its own fields. */
export type SyncDocument = { readonly id: string; readonly _deleted: boolean; readonly [field: string]: unknown };

export type PullResponse = {
  readonly documents: readonly SyncDocument[];
  /** The checkpoint after the last document; null only when the collection is empty. */
  readonly checkpoint: SyncCheckpoint | null;
  /** Rows left after this page, so a till can show progress (catalog import). */
  readonly remaining: number;
};

export type PushRow = {
  readonly newDocumentState: SyncDocument;
  /** What the till last saw from the hub (field-merge collections); absent for a new document. */
  readonly assumedMasterState?: SyncDocument | null;
};

export type PushRequest = { readonly rows: readonly PushRow[] };

/** `index` is the row's position in the request (the id may be missing or unusable); `id` is '' then. */
export type PushDocumentError = { readonly index: number; readonly id: string; readonly message: string };

export type PushResponse = {
  /** The hub's state of documents it did not take as sent: the till resolves and may push again. */
  readonly conflicts: readonly SyncDocument[];
  /**
   * Documents refused (malformed, foreign store…). They are kept by the hub in quarantine for head
   * office, never silently dropped, and the till lists them in its sync panel.
   */
  readonly errors: readonly PushDocumentError[];
};

export type StreamEvent = { readonly documents: readonly SyncDocument[]; readonly checkpoint: SyncCheckpoint };

/** A stream message telling the till to pull from its checkpoint (sent first on every connection). */
export const STREAM_RESYNC = 'RESYNC';

/** Stable codes of refused requests, so a till can react (426 → offer the update) without reading words. */
export type SyncErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'unknown_collection'
  | 'method_not_allowed'
  | 'schema_version_missing'
  | 'upgrade_required'
  | 'hub_outdated'
  | 'too_many_rows'
  | 'body_too_large'
  | 'rate_limited'
  /** Too many failed authentications from one address: unknown tokens are refused unread for a while. */
  | 'auth_rate_limited'
  /** The request (its headers or body) did not arrive in time. */
  | 'request_timeout'
  | 'enrollment_code_unknown'
  | 'enrollment_code_used'
  | 'enrollment_code_expired'
  /** The till did not prove it holds the signing key it registers at enrollment. */
  | 'bad_key_proof'
  | 'not_found'
  | 'already_exists'
  | 'not_ready'
  | 'shutting_down'
  | 'invalid_encoding'
  | 'invalid_body'
  | 'internal';

/** Error body of every refused request (4xx/5xx): a stable code and words for a person. */
export type SyncErrorBody = { readonly error: SyncErrorCode | (string & {}); readonly message: string };

export const SYNC_LIMITS = {
  maxPullLimit: 1000,
  maxPushRows: 500,
  maxBodyBytes: 5 * 1024 * 1024,
  /** Longest document id; a longer one is refused per document (ids are UUIDs or short codes). */
  maxIdLength: 128,
  /** Largest single document as JSON; a sale of a few hundred lines stays far below. */
  maxDocumentBytes: 256 * 1024,
  /** Objects and arrays inside one another in a document (a sale goes about 6 deep). */
  maxDocumentDepth: 32,
  /** Values in one document, containers included (a sale of 500 full lines holds about 12,000). */
  maxDocumentValues: 50_000,
  /** Characters of any text or key in a document. */
  maxTextLength: 64 * 1024,
} as const;

/** What every pushed document (and every JSON body the hub takes) must keep before anything walks it. */
export const DOCUMENT_BOUNDS = {
  maxDepth: SYNC_LIMITS.maxDocumentDepth,
  maxValues: SYNC_LIMITS.maxDocumentValues,
  maxTextLength: SYNC_LIMITS.maxTextLength,
} as const;

export const SCHEMA_VERSION_HEADER = 'x-schema-version';
