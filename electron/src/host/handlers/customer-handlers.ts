import {
  PosError,
  receiptSettingsOf,
  type CustomerDraft,
  type CustomerHistoryPage,
  type CustomerMatchView,
  type CustomerSaved,
  type CustomerSearchAnswer,
} from '@pos/core';
import { CUSTOMER_LIMITS } from '@pos/core/customers/customer-contact';
import { CUSTOMER_QUERY_LIMITS, parseCustomerQuery } from '@pos/core/customers/customer-query';
import type { CustomerCache } from '../customers/customer-cache';
import type { HostContext } from '../host-context';
import type { CustomerOutbox } from '../hub/customer-outbox';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, invalid, record, text } from './request-guards';

/** A customer's question at the counter waits this long for the hub, then the page says it is offline. */
export const ONLINE_TIMEOUT_MS = 3000;

function optionalText(obj: Record<string, unknown>, key: string, max: number): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max) throw invalid(`${key} must be text of at most ${max} characters`);
  return value.trim() || undefined;
}

function consent(obj: Record<string, unknown>, key: 'email' | 'sms') {
  if (obj[key] === undefined) return undefined;
  const c = record(obj[key], `consents.${key}`);
  if (typeof c.given !== 'boolean') throw invalid(`consents.${key}.given must be true or false`);
  const at = text(c, 'at', { max: 40 });
  if (Number.isNaN(Date.parse(at))) throw invalid(`consents.${key}.at must be an instant`);
  return { given: c.given, at };
}

/** A customer as the cashier typed it, bounded field by field. */
export function customerDraft(raw: unknown): CustomerDraft {
  const c = record(raw, 'customer');
  const lastName = text(c, 'lastName', { max: CUSTOMER_LIMITS.nameLength }).trim();
  if (!lastName) throw invalid('lastName must not be blank');
  const fields = {
    firstName: optionalText(c, 'firstName', CUSTOMER_LIMITS.nameLength),
    email: optionalText(c, 'email', CUSTOMER_LIMITS.emailLength),
    phone: optionalText(c, 'phone', CUSTOMER_LIMITS.phoneLength),
    postalCode: optionalText(c, 'postalCode', CUSTOMER_LIMITS.postalCodeLength),
    cardNumber: optionalText(c, 'cardNumber', CUSTOMER_LIMITS.cardNumberLength),
  };
  const consents = c.consents === undefined ? undefined : record(c.consents, 'consents');
  const email = consents && consent(consents, 'email');
  const sms = consents && consent(consents, 'sms');
  return {
    lastName,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    ...(email || sms ? { consents: { ...(email ? { email } : {}), ...(sms ? { sms } : {}) } } : {}),
  };
}

/** Sends one customer to the hub: created there, or already there with the same body (an earlier sending). */
export function sendCustomer(ctx: HostContext) {
  return async (id: string, customer: CustomerDraft): Promise<readonly string[]> => {
    const answer = await ctx.hub.send<{ likelyDuplicates?: readonly string[] }>(
      'PUT',
      `/api/v1/till/customers/${encodeURIComponent(id)}`,
      customer,
      ONLINE_TIMEOUT_MS,
    );
    return answer.likelyDuplicates ?? [];
  };
}

/**
 * The chain's customers at the counter: a search at the hub (online only), a new customer sent
 * at once or, offline, kept by the host and sent when the hub answers again (CustomerOutbox).
 */
export function customerHandlers(ctx: HostContext, outbox: CustomerOutbox, cache: CustomerCache): HandlerGroup {
  const enrolled = () => {
    if (!ctx.hub.enrolled) throw new PosError('NOT_ENROLLED', 'This till is not enrolled with a hub: it has no chain customers');
  };
  const send = sendCustomer(ctx);
  return {
    'customers.search': {
      // The hub's own limit: a search the hub would refuse is refused here too, also offline.
      parse: (raw) => ({ query: text(record(raw, 'customers.search request'), 'query', { max: CUSTOMER_QUERY_LIMITS.maxLength }) }),
      run: async ({ query }): Promise<CustomerSearchAnswer> => {
        ctx.session.require();
        enrolled();
        const parsed = parseCustomerQuery(query);
        if (!parsed.ok) throw new PosError('INVALID_REQUEST', `This search cannot be run (${parsed.code})`, { query: parsed.code });
        try {
          const answer = await ctx.hub.send<{ customers: CustomerMatchView[] }>(
            'GET',
            `/api/v1/till/customers?q=${encodeURIComponent(query)}`,
            undefined,
            ONLINE_TIMEOUT_MS,
          );
          await cache.rememberFound(parsed.query, answer.customers);
          return { customers: answer.customers, source: 'hub' };
        } catch (error) {
          if (!(error instanceof PosError) || error.code !== 'HUB_UNREACHABLE') throw error;
          // Offline: those of this store the till keeps; the page says the list is the store's, not the chain's.
          return { customers: cache.search(parsed.query), source: 'local' };
        }
      },
    },
    'customers.history': {
      parse: (raw) => {
        const req = record(raw, 'customers.history request');
        const customerId = text(req, 'customerId', { max: 64, pattern: ID_PATTERN });
        return req.after === undefined
          ? { customerId }
          : { customerId, after: text(req, 'after', { max: 200, pattern: /^[A-Za-z0-9_-]+$/ }) };
      },
      run: async ({ customerId, after }): Promise<CustomerHistoryPage> => {
        ctx.session.require();
        enrolled();
        const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
        return ctx.hub.send<CustomerHistoryPage>(
          'GET',
          `/api/v1/till/customers/${encodeURIComponent(customerId)}/history${query}`,
          undefined,
          ONLINE_TIMEOUT_MS,
        );
      },
    },
    'customers.points': {
      parse: (raw) => ({ customerId: text(record(raw, 'customers.points request'), 'customerId', { max: 64, pattern: ID_PATTERN }) }),
      run: async ({ customerId }) => {
        ctx.session.require();
        enrolled();
        const program = ctx.loyalty.active();
        if (!program) return null;
        const balance = await ctx.hub.send<{ available: number }>(
          'GET',
          `/api/v1/till/loyalty/members/${encodeURIComponent(customerId)}?programId=${encodeURIComponent(program.id)}`,
          undefined,
          ONLINE_TIMEOUT_MS,
        );
        return { available: balance.available };
      },
    },
    'customers.walletCard': {
      parse: (raw) => ({ customerId: text(record(raw, 'customers.walletCard request'), 'customerId', { max: 64, pattern: ID_PATTERN }) }),
      run: async ({ customerId }) => {
        ctx.session.require();
        enrolled();
        const links = await ctx.hub.send<{ page: string }>(
          'GET',
          `/api/v1/till/customers/${encodeURIComponent(customerId)}/wallet-links`,
          undefined,
          ONLINE_TIMEOUT_MS,
        );
        // Under the address customers' phones reach (the store's public one), as receipts' links.
        const base = receiptSettingsOf(ctx.profile).digitalBaseUrl ?? ctx.hub.status().hubUrl ?? '';
        if (typeof links.page !== 'string' || !links.page.startsWith('/wallet/') || links.page.length > 300)
          throw new PosError('HUB_REFUSED', 'The hub answered no card link');
        return { url: `${base.replace(/\/+$/, '')}${links.page}` };
      },
    },
    'customers.create': {
      parse: (raw) => {
        const req = record(raw, 'customers.create request');
        return { id: text(req, 'id', { max: 64, pattern: ID_PATTERN }), customer: customerDraft(req.customer) };
      },
      run: async ({ id, customer }): Promise<CustomerSaved> => {
        ctx.session.require();
        enrolled();
        // Those created offline go first: the hub sees the till's customers in the order it made them.
        if (outbox.pending > 0) await outbox.flush().catch(() => 0);
        await cache.rememberCreated(id, customer);
        if (outbox.pending === 0) {
          try {
            return { state: 'saved', id, likelyDuplicates: await send(id, customer) };
          } catch (error) {
            if (!(error instanceof PosError) || error.code !== 'HUB_UNREACHABLE') throw error;
          }
        }
        await outbox.keep(id, customer);
        return { state: 'queued', id, waiting: outbox.pending };
      },
    },
  };
}
