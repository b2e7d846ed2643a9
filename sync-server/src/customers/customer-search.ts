import type { CustomerQuery } from '@pos/core/customers/customer-query';
import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { CUSTOMER_COLUMNS, type CustomerRow } from './customer-rows';

export const CUSTOMER_SEARCH_LIMITS = { tillMatches: 20, defaultPage: 50, maxPage: 200 } as const;

export type CustomerPage = { readonly rows: readonly CustomerRow[]; readonly next: string | null };

/** A merged card's tombstone points to the customer kept (re-pointed at each merge, so one step; a few more tolerated). */
const MAX_MERGE_HOPS = 4;

async function byCard(db: Queryable, cardNumber: string): Promise<CustomerRow[]> {
  let [row] = await db.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE card_number = $1`, [cardNumber]);
  for (let hop = 0; row && row.mergedInto !== null && hop < MAX_MERGE_HOPS; hop += 1)
    [row] = await db.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE id = $1`, [row.mergedInto]);
  return row && row.mergedInto === null ? [row] : [];
}

const isNameKey = (key: readonly unknown[]): key is [string, string, string] => key.length === 3 && key.every((k) => typeof k === 'string');
const isIdKey = (key: readonly unknown[]): key is [string] => key.length === 1 && typeof key[0] === 'string';

/**
 * Last name start, then first name start: a range of chain_customers_name_idx in its order (the
 * same COLLATE "C" expressions), so the first `limit` matches are read and nothing is sorted.
 * The query holds letters, spaces, apostrophes and hyphens only (core refuses % and _).
 */
async function byName(
  db: Queryable,
  query: Extract<CustomerQuery, { kind: 'name' }>,
  limit: number,
  after?: string,
): Promise<CustomerPage> {
  const params: unknown[] = [`${query.lastName}%`];
  let where = `merged_into IS NULL AND last_name_key COLLATE "C" LIKE $1`;
  if (query.firstName !== '') {
    params.push(`${query.firstName}%`);
    where += ` AND first_name_key COLLATE "C" LIKE $${params.length}`;
  }
  if (after !== undefined) {
    const key = decodeCursor(after, isNameKey);
    params.push(...key);
    const n = params.length;
    where += ` AND (last_name_key COLLATE "C", first_name_key COLLATE "C", id COLLATE "C") > ($${n - 2} COLLATE "C", $${n - 1} COLLATE "C", $${n} COLLATE "C")`;
  }
  params.push(limit + 1);
  const rows = await db.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE ${where}
     ORDER BY last_name_key COLLATE "C", first_name_key COLLATE "C", id COLLATE "C" LIMIT $${params.length}`,
    params,
  );
  return page(rows, limit, (r) => [r.lastNameKey, r.firstNameKey, r.id]);
}

function page(rows: CustomerRow[], limit: number, key: (row: CustomerRow) => unknown[]): CustomerPage {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, next: more ? encodeCursor(key(kept[kept.length - 1]!)) : null };
}

/**
 * The live customers a search finds, chain-wide, a page at a time (only a name search has more
 * than a page in practice: an e-mail, a phone or a card is one person, or a few duplicates).
 */
export async function searchCustomers(db: Queryable, query: CustomerQuery, limit: number, after?: string): Promise<CustomerPage> {
  switch (query.kind) {
    case 'name':
      return byName(db, query, limit, after);
    case 'card':
      return { rows: await byCard(db, query.cardNumber), next: null };
    case 'email':
      return {
        rows: await db.query<CustomerRow>(
          `SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE merged_into IS NULL AND email_normalised = $1 ORDER BY id LIMIT $2`,
          [query.email, limit],
        ),
        next: null,
      };
    case 'phone': {
      const byPhone =
        query.phone === null
          ? []
          : await db.query<CustomerRow>(
              `SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE merged_into IS NULL AND phone_normalised = $1 ORDER BY id LIMIT $2`,
              [query.phone, limit],
            );
      const cards = query.cardNumber === null ? [] : await byCard(db, query.cardNumber);
      const rows = [...byPhone, ...cards.filter((c) => !byPhone.some((p) => p.id === c.id))];
      return { rows: rows.slice(0, limit), next: null };
    }
  }
}

/** Every live customer in id order, a page at a time (the back office's list without a search). */
export async function listCustomers(db: Queryable, limit: number, after?: string): Promise<CustomerPage> {
  const from = after === undefined ? null : decodeCursor(after, isIdKey)[0];
  const rows = await db.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE merged_into IS NULL AND ($1::text IS NULL OR id > $1) ORDER BY id LIMIT $2`,
    [from, limit + 1],
  );
  return page(rows, limit, (r) => [r.id]);
}
