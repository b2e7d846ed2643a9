import { CUSTOMER_LIMITS } from '@pos/core/customers/customer-contact';
import { CUSTOMER_QUERY_LIMITS } from '@pos/core/customers/customer-query';
import { Type } from 'typebox';
import { DUPLICATE_LIMITS } from '../customers/customer-duplicates';
import { CUSTOMER_SEARCH_LIMITS } from '../customers/customer-search';
import { List } from './api-schemas';

/** The chain customers' HTTP shapes (docs/customers.md), for the till's online path and the back office. */

const Id = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9._-]+$',
  description: 'Customer id, made by the till or the hub (as the loyalty ledgers take ids: letters, digits, ., _, -)',
});
export const CustomerParams = Type.Object({ id: Id });

const text = (maxLength: number, description: string) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()], { description }));

const ConsentIn = (withChannel: boolean) =>
  Type.Optional(
    Type.Object(
      {
        given: Type.Boolean({ description: 'true: given; false: withdrawn' }),
        at: Type.String({ maxLength: 40, description: 'When the customer said it (ISO instant)' }),
        ...(withChannel
          ? { channel: Type.Optional(Type.String({ maxLength: 64, description: "A store id, or 'web' (default 'web')" })) }
          : {}),
      },
      { additionalProperties: false },
    ),
  );

/** The till's body: its store is the consent's channel (from the device token, never from the body). */
export const customerBody = (office: boolean) =>
  Type.Object(
    {
      firstName: text(CUSTOMER_LIMITS.nameLength, 'First name'),
      lastName: Type.String({ minLength: 1, maxLength: CUSTOMER_LIMITS.nameLength, description: 'Last name' }),
      email: text(CUSTOMER_LIMITS.emailLength, 'E-mail as typed; found by its normalised form'),
      phone: text(CUSTOMER_LIMITS.phoneLength, 'Phone as typed: French national numbers (06…) or international (+…)'),
      postalCode: text(CUSTOMER_LIMITS.postalCodeLength, 'Postal code'),
      cardNumber: text(CUSTOMER_LIMITS.cardNumberLength, 'Loyalty card number (letters, digits, dashes), unique in the chain'),
      consents: Type.Optional(
        Type.Object(
          { email: ConsentIn(office), sms: ConsentIn(office) },
          { additionalProperties: false, description: 'Marketing consents' },
        ),
      ),
      expectedVersion: Type.Optional(
        Type.Integer({ minimum: 0, description: 'The version the writer read (0: a new customer); needed to change a stored customer' }),
      ),
    },
    { additionalProperties: false },
  );

const Consent = Type.Object({ given: Type.Boolean(), at: Type.String(), channel: Type.String() });

export const Customer = Type.Object({
  id: Type.String(),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  postalCode: Type.Optional(Type.String()),
  cardNumber: Type.Optional(Type.String()),
  consents: Type.Object({ email: Type.Optional(Consent), sms: Type.Optional(Consent) }),
  createdStore: Type.Optional(Type.String({ description: 'The store whose till created the customer' })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
  mergedInto: Type.Optional(Type.String({ description: 'Set on a merged customer’s tombstone: the customer kept' })),
});

export const PutResult = Type.Object({
  customer: Customer,
  likelyDuplicates: List(Type.String(), { description: 'Live customers with the same normalised e-mail or phone' }),
});

export const CustomerMatch = Type.Object({
  id: Type.String(),
  firstName: Type.Optional(Type.String()),
  lastName: Type.Optional(Type.String()),
  postalCode: Type.Optional(Type.String()),
  phoneEnd: Type.Optional(Type.String({ description: 'Last four digits of the phone' })),
  emailHint: Type.Optional(Type.String({ description: 'First letter and domain: m•••@exemple.fr' })),
  cardEnd: Type.Optional(Type.String({ description: 'Last four characters of the card number' })),
});

const Q = Type.String({
  minLength: 1,
  maxLength: CUSTOMER_QUERY_LIMITS.maxLength,
  description: 'A phone, an e-mail, a card number (or the wallet QR code’s text), or "last first" name starts',
});

export const TillSearchQuery = Type.Object({ q: Q });

export const OfficeListQuery = Type.Object({
  q: Type.Optional(Q),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: CUSTOMER_SEARCH_LIMITS.maxPage, default: CUSTOMER_SEARCH_LIMITS.defaultPage })),
});

export const DuplicatesQuery = Type.Object({
  by: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('email')], { default: 'phone' })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: DUPLICATE_LIMITS.maxPage, default: DUPLICATE_LIMITS.defaultPage })),
});

export const DuplicateGroups = Type.Object({
  groups: List(Type.Object({ by: Type.String(), value: Type.String(), customers: List(Customer) })),
  next: Type.Union([Type.String(), Type.Null()]),
});

export const MergeBody = Type.Object({ into: Id }, { additionalProperties: false });
export const MergeResult = Type.Object({
  kept: Customer,
  merged: Customer,
  moved: Type.Object(
    {
      loyaltyEntries: Type.Integer({ description: 'Loyalty entries moved to the customer kept (0 when the merge is given again)' }),
      renamedEntries: Type.Integer({
        description: 'Of those, entries whose id the kept customer already used: moved as merged:<id>:<entry>',
      }),
      cards: List(Type.String(), { description: 'Gift cards and store credit the merged customer held, now the kept one’s' }),
    },
    { description: 'What the merge moved, in its transaction (audited as customer.merge.ledgers)' },
  ),
});

/** A refusal with what the client needs to act on it. */
export const CustomerRefusal = Type.Object({
  error: Type.String({ description: 'invalid_customer, invalid_customer_query, customer_merged, card_number_taken, not_found…' }),
  message: Type.String(),
  problems: Type.Optional(List(Type.String(), { description: 'invalid_customer: each problem, its code first' })),
  reason: Type.Optional(Type.String({ description: 'invalid_customer_query: customer_query_short, _long or _unreadable' })),
  mergedInto: Type.Optional(Type.String({ description: 'customer_merged: the customer kept' })),
  customerId: Type.Optional(Type.String({ description: 'card_number_taken: who holds the card' })),
});

export const CustomerConflict = Type.Union([
  Type.Object(
    { error: Type.Literal('version_conflict'), message: Type.String(), currentVersion: Type.Integer(), current: Customer },
    { description: 'Changed since read: the current customer' },
  ),
  CustomerRefusal,
]);

export const MatchList = Type.Object({ customers: List(CustomerMatch, { maxItems: CUSTOMER_SEARCH_LIMITS.tillMatches }) });
export const CustomerPage = Type.Object({ customers: List(Customer), next: Type.Union([Type.String(), Type.Null()]) });

/** What a PUT of a customer answers, the till's and head office's alike. */
export const PUT_RESPONSES = { 200: PutResult, 201: PutResult, 400: CustomerRefusal, 404: CustomerRefusal, 409: CustomerConflict };
