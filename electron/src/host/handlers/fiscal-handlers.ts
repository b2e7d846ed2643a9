import { PosError, validateSale, validateVoid, type EventPayload, type SalePayload, type SealRequest } from '@pos/core';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, oneOf, record, text } from './request-guards';

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
        const problems = (() => {
          try {
            if (request.chain === 'sale') {
              const sale = request.payload as SalePayload;
              const found = validateSale(sale, ctx.profile);
              if (found.length === 0 && sale.saleId !== request.id) found.push('saleId differs from the record id');
              if (found.length === 0 && sale.staffId !== staff.id) found.push('the sale is not by the signed-in cashier');
              return found;
            }
            const event = request.payload as EventPayload;
            if (!RENDERER_EVENTS.has(event.type)) return [`the till host writes ${String(event.type).slice(0, 40)} events itself`];
            return validateVoid(event, staff.id, ctx.profile);
          } catch (error) {
            return [`not readable: ${(error as Error).message}`];
          }
        })();
        if (problems.length > 0) {
          const more = problems.length > 3 ? ` (+${problems.length - 3} more)` : '';
          throw new PosError('INVALID_REQUEST', `Refused: ${problems.slice(0, 3).join('; ')}${more}`, { problems });
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
