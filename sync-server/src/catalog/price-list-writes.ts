import { findSyncCollection, type SyncCollection } from '@pos/core';
import {
  PRICE_LIST_LIMITS,
  type PriceListBody,
  type PriceListDoc,
  type PriceListProblemCode,
  type PriceListRead,
  type PriceListSummary,
} from '@pos/core/sync/head-office-api';
import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { findDocuments, lockCounter } from '../sync/document-table';
import { putHubDocumentsIn } from '../sync/hub-writes';
import { CATALOG_SCOPE } from '../sync/scope';
import { MAX_PRICE, PRODUCT_ID } from './product-checks';

const PRICE_LISTS = findSyncCollection('price_lists') as SyncCollection;
/** Unknown products named in a refusal: enough to fix a file, not a 20,000-id answer. */
const LISTED_UNKNOWN = 50;

type Problem = {
  readonly field: string;
  readonly message: string;
  readonly code: PriceListProblemCode;
  readonly params?: Readonly<Record<string, string>>;
};

function refuse(problems: readonly Problem[]): never {
  throw new HubError(422, 'invalid_price_list', problems.map((p) => `${p.field}: ${p.message}`).join('; '), { problems });
}

/** Checks a list without the database: the id, the name, each entry (every problem, up to a bound). */
export function checkPriceList(listId: string, body: PriceListBody): PriceListDoc {
  const problems: Problem[] = [];
  if (!PRODUCT_ID.test(listId))
    problems.push({
      field: 'id',
      message: `a list id is 1 to 64 letters, digits, ".", "_" or "-" (got "${listId}")`,
      code: 'invalid_list_id',
    });
  const name = body.name.trim().replace(/\s+/g, ' ');
  const maxName = String(PRICE_LIST_LIMITS.maxNameLength);
  if (name === '' || name.length > PRICE_LIST_LIMITS.maxNameLength)
    problems.push({ field: 'name', message: `a name is 1 to ${maxName} characters`, code: 'invalid_list_name', params: { max: maxName } });
  if (body.entries.length > PRICE_LIST_LIMITS.maxEntries) {
    const max = String(PRICE_LIST_LIMITS.maxEntries);
    refuse([...problems, { field: 'entries', message: `at most ${max} entries per list`, code: 'too_many_entries', params: { max } }]);
  }
  const seen = new Set<string>();
  for (const [i, entry] of body.entries.entries()) {
    if (problems.length >= LISTED_UNKNOWN) break;
    const field = `entries[${i}]`;
    const productId = entry.productId;
    if (!PRODUCT_ID.test(productId))
      problems.push({ field, message: `"${productId}" is not a product id`, code: 'invalid_product_id', params: { productId } });
    else if (seen.has(productId))
      problems.push({ field, message: `product ${productId} is listed twice`, code: 'duplicate_entry', params: { productId } });
    seen.add(productId);
    if (!Number.isSafeInteger(entry.price) || entry.price < 0 || entry.price > MAX_PRICE)
      problems.push({
        field,
        message: `a price is a whole number of minor units (cents) from 0 to ${MAX_PRICE}`,
        code: 'entry_price_range',
        params: { productId, max: String(MAX_PRICE) },
      });
  }
  if (problems.length > 0) refuse(problems);
  const entries = [...body.entries]
    .map((e) => ({ productId: e.productId, price: e.price }))
    .sort((a, b) => (a.productId < b.productId ? -1 : 1));
  return { id: listId, name, entries };
}

/** Ids of the list that name no live product (a deleted product has no price to set). */
async function unknownProducts(tx: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    `SELECT w.id FROM jsonb_array_elements_text($1::jsonb) AS w(id)
      WHERE NOT EXISTS (SELECT 1 FROM catalog_docs d WHERE d.collection = 'products' AND d.id = w.id AND NOT d.deleted)
      ORDER BY w.id`,
    [JSON.stringify(ids)],
  );
  return rows.map((r) => r.id);
}

/** The list as stored, a tombstone included; null when the catalog never had it. */
export async function storedPriceList(tx: Queryable, listId: string): Promise<PriceListRead | null> {
  const stored = (await findDocuments(tx, CATALOG_SCOPE, PRICE_LISTS.name, [listId])).get(listId);
  if (!stored) return null;
  const doc = stored.doc as Omit<PriceListDoc, 'id'>;
  return { priceList: { id: listId, name: doc.name, entries: doc.entries }, deleted: stored.deleted, seq: stored.seq };
}

/**
 * PUT: the list replaces whatever was there (a tombstone included), under the catalog lock so a
 * product deleted meanwhile cannot slip in; a new catalog sequence and a NOTIFY reach streaming tills.
 */
export async function putPriceList(db: Database, list: PriceListDoc): Promise<PriceListRead & { created: boolean }> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const before = await storedPriceList(tx, list.id);
    if (!before || before.deleted) {
      const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM catalog_docs WHERE collection = $1 AND NOT deleted`, [
        PRICE_LISTS.name,
      ]);
      if ((row?.n ?? 0) >= PRICE_LIST_LIMITS.maxLists) {
        const max = String(PRICE_LIST_LIMITS.maxLists);
        refuse([{ field: 'id', message: `at most ${max} price lists: delete one first`, code: 'too_many_lists', params: { max } }]);
      }
    }
    const unknown = await unknownProducts(
      tx,
      list.entries.map((e) => e.productId),
    );
    if (unknown.length > 0) {
      const shown = unknown.slice(0, LISTED_UNKNOWN).join(', ');
      refuse([
        {
          field: 'entries',
          message: `${unknown.length} product(s) not in the catalog: ${shown}${unknown.length > LISTED_UNKNOWN ? ', …' : ''}`,
          code: 'unknown_products',
          params: { productIds: shown, count: String(unknown.length) },
        },
      ]);
    }
    const { id, ...doc } = list;
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, PRICE_LISTS, [{ id, ...doc, _deleted: false }]);
    return { priceList: list, deleted: false, seq: written.lastSeq ?? before?.seq ?? 0, created: !before };
  });
}

/** DELETE: a tombstone every till applies when it catches up (its entries go); deleting twice is a no-op. */
export async function deletePriceList(db: Database, listId: string): Promise<PriceListRead> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, CATALOG_SCOPE);
    const stored = await storedPriceList(tx, listId);
    if (!stored) throw new HubError(404, 'not_found', `No price list ${listId}`);
    const { id, ...doc } = stored.priceList;
    const written = await putHubDocumentsIn(tx, CATALOG_SCOPE, PRICE_LISTS, [{ id, ...doc, _deleted: true }]);
    return { ...stored, deleted: true, seq: written.lastSeq ?? stored.seq };
  });
}

/** Every live list with its number of entries, in id order. */
export async function listPriceLists(db: Queryable): Promise<PriceListSummary[]> {
  return db.query<PriceListSummary>(
    `SELECT id, doc ->> 'name' AS name, jsonb_array_length(doc -> 'entries')::int AS "entryCount"
       FROM catalog_docs WHERE collection = $1 AND NOT deleted ORDER BY id LIMIT $2`,
    [PRICE_LISTS.name, PRICE_LIST_LIMITS.maxLists],
  );
}
