import { DOCUMENT_BOUNDS, FIELD_TIMES, jsonBoundsProblem, pushedSaleProblem, SYNC_LIMITS, type SyncCollection } from '@pos/core';
import type { DeviceIdentity } from '../auth/device-auth';
import { contentOf } from './stored-document';

/** A row fit to be written: its id, its own fields, its deletion flag, what the till last saw. */
export type AcceptedRow = {
  readonly index: number;
  readonly id: string;
  readonly content: Record<string, unknown>;
  /** `content` as JSON, made once here and sent to the database as is. */
  readonly contentJson: string;
  readonly deleted: boolean;
  readonly assumed: Record<string, unknown> | null;
};

/** Why a row was refused, as a stable word: refusals past the quarantine's quota are counted by it. */
export type RefusalCode =
  | 'not_an_object'
  | 'bad_id'
  | 'out_of_bounds'
  | 'too_large'
  | 'bad_deleted'
  | 'unstorable_text'
  | 'other_store'
  | 'other_till'
  | 'deleted_append_only'
  | 'bad_field_times'
  | 'bad_assumed_state'
  | 'sale_out_of_bounds';

/** A row refused before any lookup: it goes to quarantine with `reason`, and back to the till as an error. */
export type RefusedRow = {
  readonly index: number;
  readonly id: string;
  readonly code: RefusalCode;
  readonly reason: string;
  readonly document: unknown;
};

export type CheckedRow = ({ readonly ok: true } & AcceptedRow) | ({ readonly ok: false } & RefusedRow);

type Row = { readonly newDocumentState: unknown; readonly assumedMasterState?: unknown };

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** PostgreSQL's jsonb refuses NUL characters and unpaired surrogates: such a document could never be stored. */
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * In JSON.stringify's text (well-formed since ES2019) a NUL or a lone surrogate can only appear as
 * an escape (`\u0000`, `\udxxx`) after an unescaped backslash. Texts without one, nearly all,
 * skip the walk through every string of the document.
 */
const MAYBE_UNSTORABLE_JSON = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

export function jsonHasUnstorableText(json: string, value: unknown): boolean {
  // includes() first: a plain scan, some twenty times cheaper than the pattern on a sale's text, which has no escape at all.
  return json.includes('\\u') && MAYBE_UNSTORABLE_JSON.test(json) && hasUnstorableText(value);
}

/** Recursive: only ever given a value that kept DOCUMENT_BOUNDS (its depth is bounded). */
export function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE_TEXT.test(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, v]) => UNSTORABLE_TEXT.test(key) || hasUnstorableText(v));
  }
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Per-document checks, made without reading the database, so a refusal can never depend on
 * what another store holds. Deliberately the same words whether or not anything exists.
 */
export function checkRow(row: Row, index: number, collection: SyncCollection, device: DeviceIdentity): CheckedRow {
  const doc = row.newDocumentState;
  const rawId = isObject(doc) ? doc.id : undefined;
  // Echoed back in the error (and kept with the quarantined copy) only when it is a sane id.
  const id =
    typeof rawId === 'string' && rawId.length <= SYNC_LIMITS.maxIdLength && !CONTROL_CHARACTERS.test(rawId) && !hasUnstorableText(rawId)
      ? rawId
      : '';
  const refuse = (code: RefusalCode, reason: string): CheckedRow => ({ ok: false, index, id, code, reason, document: doc });

  if (!isObject(doc)) return refuse('not_an_object', 'The document is not a JSON object');
  if (typeof rawId !== 'string' || rawId.length === 0) return refuse('bad_id', 'The document has no id (a non-empty string)');
  if (rawId.length > SYNC_LIMITS.maxIdLength)
    return refuse('bad_id', `The document id is ${rawId.length} characters long; at most ${SYNC_LIMITS.maxIdLength} are allowed`);
  if (CONTROL_CHARACTERS.test(rawId)) return refuse('bad_id', 'The document id contains control characters');
  // Before anything walks it recursively (JSON.stringify below, merges, canonical forms): a document
  // nested thousands of levels deep would overflow the stack and fail the whole push.
  const outOfBounds = jsonBoundsProblem(doc, DOCUMENT_BOUNDS);
  if (outOfBounds) return refuse('out_of_bounds', `The document cannot be taken: ${outOfBounds}`);
  // What is stored is the content (RxDB's own fields dropped): it is measured, checked and written as this one text.
  const content = contentOf(doc);
  const contentJson = JSON.stringify(content);
  const bytes = Buffer.byteLength(contentJson, 'utf8') + Buffer.byteLength(rawId, 'utf8');
  if (bytes > SYNC_LIMITS.maxDocumentBytes)
    return refuse('too_large', `The document is ${bytes} bytes; at most ${SYNC_LIMITS.maxDocumentBytes} are allowed`);
  if (doc._deleted !== undefined && typeof doc._deleted !== 'boolean') return refuse('bad_deleted', '_deleted must be true or false');
  if (hasUnstorableText(rawId) || jsonHasUnstorableText(contentJson, content)) {
    return refuse('unstorable_text', 'The document contains a NUL character or a broken Unicode surrogate, which cannot be stored');
  }

  // Whose document is it: decided from the token alone, never by looking anything up.
  if (typeof doc.storeId !== 'string')
    return refuse('other_store', `The document has no storeId; this till belongs to store ${device.storeId}`);
  if (doc.storeId !== device.storeId) {
    return refuse(
      'other_store',
      `The document is not for this till's store (${device.storeId}): it was not written, and is kept at the hub for review`,
    );
  }
  if (collection.tillOwned && doc.tillId !== device.tillId) {
    return refuse('other_till', `The document is not from this till (${device.tillId}): a till pushes only its own ${collection.name}`);
  }

  const deleted = doc._deleted === true;
  if (collection.policy === 'append-only' && deleted) {
    return refuse('deleted_append_only', `${collection.name} are never deleted: record a void or a return as a new document instead`);
  }
  if (collection.policy === 'field-merge' && doc[FIELD_TIMES] !== undefined && !isObject(doc[FIELD_TIMES])) {
    return refuse('bad_field_times', `${FIELD_TIMES} must be an object of field → time`);
  }
  if (collection.name === 'sales') {
    const saleProblem = pushedSaleProblem(doc);
    if (saleProblem) return refuse('sale_out_of_bounds', `The sale is out of the bounds a till seals: ${saleProblem}`);
  }

  let assumed: Record<string, unknown> | null = null;
  if (row.assumedMasterState !== undefined && row.assumedMasterState !== null) {
    if (!isObject(row.assumedMasterState) || row.assumedMasterState.id !== rawId) {
      return refuse('bad_assumed_state', 'assumedMasterState is not a state of this document');
    }
    const assumedOutOfBounds = jsonBoundsProblem(row.assumedMasterState, DOCUMENT_BOUNDS, 'assumedMasterState');
    if (assumedOutOfBounds) return refuse('bad_assumed_state', `assumedMasterState cannot be taken: ${assumedOutOfBounds}`);
    if (hasUnstorableText(row.assumedMasterState))
      return refuse('bad_assumed_state', 'assumedMasterState contains text that cannot be stored');
    assumed = row.assumedMasterState;
  }
  return { ok: true, index, id: rawId, content, contentJson, deleted, assumed };
}
