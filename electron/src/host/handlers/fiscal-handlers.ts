import { PosError, validateSale, type EventPayload, type SalePayload, type SealRequest } from '@pos/core';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, invalid, oneOf, record, text } from './request-guards';

/** Event types a renderer may ask to seal; the others are written by the host itself. */
const RENDERER_EVENTS = new Set<EventPayload['type']>(['sale.void']);

export function fiscalHandlers(ctx: HostContext): HandlerGroup {
  return {
    'fiscal.seal': {
      parse: (raw): SealRequest => {
        const req = record(raw, 'fiscal.seal request');
        const chain = oneOf(req, 'chain', ['sale', 'event'] as const);
        const id = text(req, 'id', { max: 64, pattern: ID_PATTERN });
        const payload = record(req.payload, 'payload');
        return chain === 'sale'
          ? { chain, id, payload: payload as unknown as SalePayload }
          : { chain, id, payload: payload as unknown as EventPayload };
      },
      run: async (request) => {
        const staff = ctx.session.require();
        if (request.chain === 'sale') {
          const sale = request.payload as SalePayload;
          const problems = validateSale(sale, ctx.profile);
          if (sale.saleId !== request.id) problems.push('saleId differs from the record id');
          if (sale.staffId !== staff.id) problems.push('the sale is not by the signed-in cashier');
          if (problems.length > 0) throw new PosError('INVALID_REQUEST', `Sale refused: ${problems.join('; ')}`, { problems });
        } else {
          const event = request.payload as EventPayload;
          if (!RENDERER_EVENTS.has(event.type)) throw invalid(`The till host writes ${String(event.type)} events itself`);
          if ('staffId' in event && event.staffId !== staff.id) throw invalid('the event is not by the signed-in staff member');
        }
        return ctx.sealer.seal(request);
      },
    },
    'journal.read': {
      parse: (raw) => {
        const req = record(raw, 'journal.read request');
        return {
          chain: oneOf(req, 'chain', ['sale', 'event'] as const),
          afterSeq: integer(req, 'afterSeq', 0, Number.MAX_SAFE_INTEGER),
          limit: integer(req, 'limit', 1, 5000),
        };
      },
      run: async ({ chain, afterSeq, limit }) => ({
        records: await ctx.journal.read(chain, afterSeq, limit),
        headSeq: ctx.journal.head(chain)?.seq ?? 0,
      }),
    },
  };
}
