import { Type } from 'typebox';
import type { DeviceAuthenticator } from '../auth/device-authenticator';
import { bearerToken } from '../auth/secrets';
import { customerHistory, HISTORY_LIMITS } from '../customers/customer-history';
import type { Database } from '../db/database';
import { DeviceSecurity, errorResponses, List } from './api-schemas';
import { CustomerParams, CustomerRefusal } from './customer-schemas';
import type { HubApp } from './hub-app';
import { deviceRateConfig, type RateLimit } from './rate-limits';

const HistoryQuery = Type.Object({
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 400, description: 'The `next` of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: HISTORY_LIMITS.maxPage, default: HISTORY_LIMITS.defaultPage })),
});

const Purchase = Type.Object({
  at: Type.String({ description: 'When the sale completed (ISO instant)' }),
  storeName: Type.String({ description: 'The store it was made in (its id when the hub has no name for it)' }),
  receipt: Type.String({ description: 'The receipt number as printed' }),
  total: Type.Integer({ description: 'Total paid, in minor units; negative for a return' }),
  items: Type.Integer({ description: 'Pieces (a weighed line counts one); negative for a return' }),
});

const HistoryPage = Type.Object({
  purchases: List(Purchase, { maxItems: HISTORY_LIMITS.maxPage }),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `after` for older purchases; null on the last page' }),
});

/**
 * A customer's purchase history at the till (issue 14), on the online path: any till of the chain
 * may read a chain customer's purchases in every store and channel, with what a receipt shows
 * (when, where, receipt, total, items), from the reports' verified facts. Nothing of another
 * customer: the purchases are those sealed for this one (or a customer merged into them).
 */
export function registerCustomerHistoryRoutes(
  app: HubApp,
  options: { db: Database; auth: DeviceAuthenticator; rateLimit: RateLimit },
): void {
  app.get(
    '/api/v1/till/customers/:id/history',
    {
      schema: {
        summary: 'A customer’s purchases in every store and channel, newest first (date, store, receipt, total, items)',
        description: 'A merged customer’s id answers the customer kept, with the sales of every customer merged into them.',
        tags: ['customers'],
        security: DeviceSecurity,
        params: CustomerParams,
        querystring: HistoryQuery,
        response: { 200: HistoryPage, 404: CustomerRefusal, ...errorResponses(400, 401, 429, 503) },
      },
      config: { rateLimit: deviceRateConfig(options.rateLimit) },
    },
    async (request) => {
      await options.auth.authenticate(bearerToken(request.headers.authorization), request.ip);
      const { after, limit = HISTORY_LIMITS.defaultPage } = request.query;
      return customerHistory(options.db, request.params.id, limit, after);
    },
  );
}
