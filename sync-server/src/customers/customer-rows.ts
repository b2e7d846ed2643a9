import type { CustomerView } from '@pos/core/customers/customer-view';
import type { CustomerMatchView } from '@pos/core/contract/customer-contract';
import { customerMatchOf } from '@pos/core/customers/customer-match';
import type { StoredConsents } from '../db/schema-customers';
import type { CustomerFields } from './customer-input';

/** The columns every read takes, aliased to the row type below. */
export const CUSTOMER_COLUMNS = `id, first_name AS "firstName", last_name AS "lastName", first_name_key AS "firstNameKey",
  last_name_key AS "lastNameKey", email, email_normalised AS "emailNormalised", phone, phone_normalised AS "phoneNormalised",
  card_number AS "cardNumber", postal_code AS "postalCode", consents, created_store AS "createdStore",
  created_at AS "createdAt", updated_at AS "updatedAt", version, merged_into AS "mergedInto"`;

export type CustomerRow = { [K in keyof CustomerFields]: CustomerFields[K] | null } & {
  readonly id: string;
  readonly consents: StoredConsents;
  readonly createdStore: string | null;
  readonly createdAt: Date | string;
  readonly updatedAt: Date | string;
  readonly version: number;
  readonly mergedInto: string | null;
};

/** A customer as the hub gives it (a till editing them, the back office): core's one type. */
export type { CustomerView };

/**
 * What a cashier sees in the search's list: enough to recognise the person in front of the till,
 * no more (the screen may face the queue). The till's contract type, so both ends agree.
 */
export type CustomerMatch = CustomerMatchView;

const iso = (at: Date | string) => new Date(at).toISOString();

function present<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export function customerView(row: CustomerRow): CustomerView {
  return present({
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    postalCode: row.postalCode,
    cardNumber: row.cardNumber,
    consents: row.consents,
    createdStore: row.createdStore,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
    mergedInto: row.mergedInto,
  } as CustomerView);
}

export function customerMatch(row: CustomerRow): CustomerMatch {
  return customerMatchOf(row);
}
