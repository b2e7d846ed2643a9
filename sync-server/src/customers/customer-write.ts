import type { Database, Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { customerMerged, customerNotFound } from './customer-errors';
import { nextConsents, type CustomerFields, type CustomerInput } from './customer-input';
import { CUSTOMER_COLUMNS, customerView, type CustomerRow, type CustomerView } from './customer-rows';

/** Who writes: the till's store (from its device token), or head office (null) with the consents' channel in the body. */
export type CustomerOrigin = { readonly storeId: string | null };

export type PutCustomerResult = {
  readonly created: boolean;
  readonly customer: CustomerView;
  /** Live customers sharing the normalised e-mail or phone: likely the same person (merge in the back office). */
  readonly likelyDuplicates: readonly string[];
};

const FIELD_COLUMNS: Readonly<Record<keyof CustomerFields, string>> = {
  firstName: 'first_name',
  lastName: 'last_name',
  firstNameKey: 'first_name_key',
  lastNameKey: 'last_name_key',
  email: 'email',
  emailNormalised: 'email_normalised',
  phone: 'phone',
  phoneNormalised: 'phone_normalised',
  cardNumber: 'card_number',
  postalCode: 'postal_code',
};
const FIELDS = Object.keys(FIELD_COLUMNS) as (keyof CustomerFields)[];

export async function lockedCustomer(tx: Queryable, id: string): Promise<CustomerRow | undefined> {
  const [row] = await tx.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

export async function readCustomer(db: Queryable, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM chain_customers WHERE id = $1`, [id]);
  return row;
}

function sameConsents(a: CustomerRow['consents'], b: CustomerRow['consents']): boolean {
  return (['email', 'sms'] as const).every((kind) => {
    const x = a[kind];
    const y = b[kind];
    return x === y || (x !== undefined && y !== undefined && x.given === y.given && x.at === y.at && x.channel === y.channel);
  });
}

/** Two writers giving one card number at once: the unique index refuses the second. */
function isCardTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  return e.code === '23505' && (e.constraint === 'chain_customers_card_idx' || String(e.message).includes('chain_customers_card_idx'));
}

function versionConflict(row: CustomerRow): HubError {
  return new HubError(409, 'version_conflict', `Customer ${row.id} changed since it was read (version ${row.version})`, {
    currentVersion: row.version,
    current: customerView(row),
  });
}

async function cardHolder(tx: Queryable, cardNumber: string | null, id: string): Promise<void> {
  if (cardNumber === null) return;
  const [holder] = await tx.query<{ id: string }>('SELECT id FROM chain_customers WHERE card_number = $1 AND id <> $2', [cardNumber, id]);
  if (holder) throw new HubError(409, 'card_number_taken', `Card ${cardNumber} belongs to another customer`, { customerId: holder.id });
}

async function likelyDuplicates(db: Queryable, row: CustomerRow): Promise<string[]> {
  if (row.emailNormalised === null && row.phoneNormalised === null) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM chain_customers WHERE merged_into IS NULL AND id <> $1 AND (email_normalised = $2 OR phone_normalised = $3)
     ORDER BY id LIMIT 10`,
    [row.id, row.emailNormalised, row.phoneNormalised],
  );
  return rows.map((r) => r.id);
}

async function insertCustomer(tx: Queryable, id: string, input: CustomerInput, origin: CustomerOrigin): Promise<CustomerRow | undefined> {
  const values = FIELDS.map((f) => input.fields[f]);
  const [row] = await tx.query<CustomerRow>(
    `INSERT INTO chain_customers (id, ${FIELDS.map((f) => FIELD_COLUMNS[f]).join(', ')}, consents, created_store)
     VALUES ($1, ${FIELDS.map((_, i) => `$${i + 2}`).join(', ')}, $${FIELDS.length + 2}, $${FIELDS.length + 3})
     ON CONFLICT (id) DO NOTHING RETURNING ${CUSTOMER_COLUMNS}`,
    [id, ...values, JSON.stringify(nextConsents({}, input.consents, origin.storeId)), origin.storeId],
  );
  return row;
}

/**
 * Creates the customer, or changes them. Idempotent: a body the customer already has (a creation
 * made offline and sent again, a retried update) answers the customer as stored and changes
 * nothing, whatever its expectedVersion. Any other change needs the version the writer read
 * (409 version_conflict with the current customer otherwise); a merged customer is not changed
 * (409 customer_merged: change the one kept).
 */
export async function putCustomer(db: Database, id: string, input: CustomerInput, origin: CustomerOrigin): Promise<PutCustomerResult> {
  const result = await db
    .transaction(async (tx) => writeCustomer(tx, id, input, origin))
    .catch((error: unknown) => {
      if (isCardTaken(error)) throw new HubError(409, 'card_number_taken', `Card ${input.fields.cardNumber} belongs to another customer`);
      throw error;
    });
  return { created: result.created, customer: customerView(result.row), likelyDuplicates: await likelyDuplicates(db, result.row) };
}

export async function writeCustomer(
  tx: Queryable,
  id: string,
  input: CustomerInput,
  origin: CustomerOrigin,
): Promise<{ readonly created: boolean; readonly row: CustomerRow }> {
  {
    let row = await lockedCustomer(tx, id);
    if (!row) {
      if (input.expectedVersion !== undefined && input.expectedVersion > 0) throw customerNotFound(id);
      await cardHolder(tx, input.fields.cardNumber, id);
      const inserted = await insertCustomer(tx, id, input, origin);
      if (inserted) return { created: true, row: inserted };
      // Created by another request meanwhile: from here on, as an existing customer.
      row = (await lockedCustomer(tx, id))!;
    }
    if (row.mergedInto !== null) throw customerMerged(id, row.mergedInto);
    const consents = nextConsents(row.consents, input.consents, origin.storeId);
    const same = FIELDS.every((f) => row[f] === input.fields[f]) && sameConsents(consents, row.consents);
    if (same) return { created: false, row };
    if (input.expectedVersion !== row.version) throw versionConflict(row);
    await cardHolder(tx, input.fields.cardNumber, id);
    const [updated] = await tx.query<CustomerRow>(
      `UPDATE chain_customers SET ${FIELDS.map((f, i) => `${FIELD_COLUMNS[f]} = $${i + 2}`).join(', ')},
         consents = $${FIELDS.length + 2}, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [id, ...FIELDS.map((f) => input.fields[f]), JSON.stringify(consents)],
    );
    return { created: false, row: updated! };
  }
}
