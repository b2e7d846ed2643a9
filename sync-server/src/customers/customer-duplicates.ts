import type { Queryable } from '../db/database';
import { decodeCursor, encodeCursor } from '../errors/keyset-cursor';
import { CUSTOMER_COLUMNS, customerView, type CustomerRow, type CustomerView } from './customer-rows';

export type DuplicateKey = 'phone' | 'email';

/** Live customers sharing one normalised phone or e-mail: likely one person, for head office to merge. */
export type DuplicateGroup = { readonly by: DuplicateKey; readonly value: string; readonly customers: readonly CustomerView[] };

export const DUPLICATE_LIMITS = { defaultPage: 20, maxPage: 100, perGroup: 10 } as const;

const COLUMN: Readonly<Record<DuplicateKey, string>> = { phone: 'phone_normalised', email: 'email_normalised' };
const isValueKey = (key: readonly unknown[]): key is [string] => key.length === 1 && typeof key[0] === 'string';

/**
 * The groups of live customers with the same normalised phone (or e-mail), in that value's order,
 * a page at a time. Reads the whole partial index once per page: a back-office list, not a till's.
 */
export async function listDuplicates(
  db: Queryable,
  by: DuplicateKey,
  limit: number,
  after?: string,
): Promise<{ groups: DuplicateGroup[]; next: string | null }> {
  const column = COLUMN[by];
  const from = after === undefined ? null : decodeCursor(after, isValueKey)[0];
  const keys = await db.query<{ value: string; ids: string[] }>(
    `SELECT ${column} AS value, (array_agg(id ORDER BY id))[1:${DUPLICATE_LIMITS.perGroup}] AS ids FROM chain_customers
     WHERE merged_into IS NULL AND ${column} IS NOT NULL AND ($1::text IS NULL OR ${column} > $1)
     GROUP BY ${column} HAVING count(*) > 1 ORDER BY ${column} LIMIT $2`,
    [from, limit + 1],
  );
  const more = keys.length > limit;
  const page = more ? keys.slice(0, limit) : keys;
  const ids = page.flatMap((k) => k.ids);
  const rows =
    ids.length === 0 ? [] : await db.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE id = ANY($1)`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, customerView(r)]));
  return {
    groups: page.map((k) => ({ by, value: k.value, customers: k.ids.map((id) => byId.get(id)!).filter(Boolean) })),
    next: more ? encodeCursor([page[page.length - 1]!.value]) : null,
  };
}
