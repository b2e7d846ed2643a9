import type { FastifyReply } from 'fastify';
import { parseCustomerQuery, type CustomerQuery } from '@pos/core/customers/customer-query';
import type { AdminAuthenticator } from '../auth/admin-authenticator';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { bearerToken } from '../auth/secrets';
import { customerNotFound, invalidQuery } from '../customers/customer-errors';
import { listDuplicates } from '../customers/customer-duplicates';
import { customerInput, type CustomerBody } from '../customers/customer-input';
import { mergeCustomer } from '../customers/customer-merge';
import { customerMatch, customerView } from '../customers/customer-rows';
import { CUSTOMER_SEARCH_LIMITS, listCustomers, searchCustomers } from '../customers/customer-search';
import { putCustomer, readCustomer } from '../customers/customer-write';
import type { Database } from '../db/database';
import { requestActor } from '../office/request-actor';
import { adminGuard } from './admin-guard';
import { AdminSecurity, DeviceSecurity, errorResponses } from './api-schemas';
import {
  Customer,
  CustomerPage,
  CustomerParams,
  CustomerRefusal,
  DuplicateGroups,
  DuplicatesQuery,
  MergeBody,
  MatchList,
  MergeResult,
  OfficeListQuery,
  PUT_RESPONSES,
  TillSearchQuery,
  customerBody,
} from './customer-schemas';
import type { HubApp } from './hub-app';
import { deviceRateConfig, type RateLimit } from './rate-limits';

const tags = ['customers'];

function query(text: string): CustomerQuery {
  const parsed = parseCustomerQuery(text);
  if (!parsed.ok) throw invalidQuery(parsed.code);
  return parsed.query;
}

/**
 * The chain's customers (issue 14): one person in every store and online. Tills reach them on the
 * online path with their device token (any store's till finds any customer; the store a till
 * creates in comes from its token); head office lists, edits, finds duplicates and merges, each
 * change in the audit log (installAuditHook).
 */
export function registerCustomerRoutes(
  app: HubApp,
  options: { db: Database; auth: DeviceAuthenticator; admin: AdminAuthenticator; rateLimit: RateLimit },
): void {
  const { db } = options;
  const device = (authorization: string | undefined, ip: string) => options.auth.authenticate(bearerToken(authorization), ip);
  const config = { rateLimit: deviceRateConfig(options.rateLimit) };
  const preParsing = adminGuard(options.admin);
  /** Created: 201; the same customer or a change: 200. `storeId`: the till's store, null for head office. */
  const save = async (reply: FastifyReply, id: string, body: unknown, storeId: string | null) => {
    const { created, ...result } = await putCustomer(db, id, customerInput(body as CustomerBody), { storeId });
    return reply.code(created ? 201 : 200).send(result);
  };

  app.get(
    '/api/v1/till/customers',
    {
      schema: {
        summary: 'Find customers chain-wide (at most 20): by phone, e-mail, card number, or last then first name starts',
        tags,
        security: DeviceSecurity,
        querystring: TillSearchQuery,
        response: {
          200: MatchList,
          400: CustomerRefusal,
          ...errorResponses(401, 429, 503),
        },
      },
      config,
    },
    async (request) => {
      await device(request.headers.authorization, request.ip);
      const { rows } = await searchCustomers(db, query(request.query.q), CUSTOMER_SEARCH_LIMITS.tillMatches);
      return { customers: rows.map(customerMatch) };
    },
  );

  app.get(
    '/api/v1/till/customers/:id',
    {
      schema: {
        summary: 'Read a customer; a merged customer answers the customer kept (its id differs)',
        tags,
        security: DeviceSecurity,
        params: CustomerParams,
        response: { 200: Customer, ...errorResponses(401, 404, 429, 503) },
      },
      config,
    },
    async (request) => {
      await device(request.headers.authorization, request.ip);
      let row = await readCustomer(db, request.params.id);
      if (row?.mergedInto) row = await readCustomer(db, row.mergedInto);
      if (!row || row.mergedInto !== null) throw customerNotFound(request.params.id);
      return customerView(row);
    },
  );

  app.put(
    '/api/v1/till/customers/:id',
    {
      schema: {
        summary: 'Create a customer from the till (also one created offline, sent later), or change one',
        description:
          'The same body again is the same customer (200, nothing changed). A change needs `expectedVersion`: 409 version_conflict with the current customer otherwise. The store is the device’s; consents given are recorded with it as their channel.',
        tags,
        security: DeviceSecurity,
        params: CustomerParams,
        body: customerBody(false),
        response: { ...PUT_RESPONSES, ...errorResponses(401, 429, 503) },
      },
      config,
    },
    async (request, reply) => {
      const { storeId } = await device(request.headers.authorization, request.ip);
      return save(reply, request.params.id, request.body, storeId);
    },
  );

  app.get(
    '/api/v1/admin/customers',
    {
      schema: {
        summary: 'List the chain’s customers, or search them, a page at a time',
        description: 'Without `q`: every live customer in id order. Pass `next` as `after` for the following page; null on the last.',
        tags,
        security: AdminSecurity,
        querystring: OfficeListQuery,
        response: {
          200: CustomerPage,
          400: CustomerRefusal,
          ...errorResponses(401, 403),
        },
      },
      preParsing,
    },
    async (request) => {
      const { q, after, limit = CUSTOMER_SEARCH_LIMITS.defaultPage } = request.query;
      const page = q === undefined ? await listCustomers(db, limit, after) : await searchCustomers(db, query(q), limit, after);
      return { customers: page.rows.map(customerView), next: page.next };
    },
  );

  app.get(
    '/api/v1/admin/customers/duplicates',
    {
      schema: {
        summary: 'Likely duplicates: live customers sharing a normalised phone (or e-mail), a group per value',
        tags,
        security: AdminSecurity,
        querystring: DuplicatesQuery,
        response: { 200: DuplicateGroups, ...errorResponses(400, 401, 403) },
      },
      preParsing,
    },
    async (request) => {
      const { by = 'phone', after, limit = 20 } = request.query;
      return listDuplicates(db, by, limit, after);
    },
  );

  app.get(
    '/api/v1/admin/customers/:id',
    {
      schema: {
        summary: 'Read a customer (a merged one: its tombstone, with mergedInto)',
        tags,
        security: AdminSecurity,
        params: CustomerParams,
        response: { 200: Customer, ...errorResponses(401, 403, 404) },
      },
      preParsing,
    },
    async (request) => {
      const row = await readCustomer(db, request.params.id);
      if (!row) throw customerNotFound(request.params.id);
      return customerView(row);
    },
  );

  app.put(
    '/api/v1/admin/customers/:id',
    {
      schema: {
        summary: 'Create or change a customer from head office',
        description:
          'As the till’s PUT; a consent’s channel is said in the body (a store id, or web by default) since head office is no store.',
        tags,
        security: AdminSecurity,
        params: CustomerParams,
        body: customerBody(true),
        response: { ...PUT_RESPONSES, ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async (request, reply) => save(reply, request.params.id, request.body, null),
  );

  app.post(
    '/api/v1/admin/customers/:id/merge',
    {
      schema: {
        summary: 'Merge this customer into another (`into`): a tombstone pointing to the one kept',
        description:
          'Again with the same `into`: the same answer. A merged customer, or one merged into, is refused (409 customer_merged).',
        tags,
        security: AdminSecurity,
        params: CustomerParams,
        body: MergeBody,
        response: { 200: MergeResult, 400: CustomerRefusal, 404: CustomerRefusal, 409: CustomerRefusal, ...errorResponses(401, 403) },
      },
      preParsing,
    },
    async (request) => mergeCustomer(db, request.params.id, request.body.into, requestActor(request) ?? undefined),
  );
}
