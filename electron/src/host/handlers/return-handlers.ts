import type { HostContext } from '../host-context';
import { lookUpSale } from '../returns/sale-lookup';
import type { HandlerGroup } from './handler-registry';
import { record, text } from './request-guards';

/** Returns in the store: finding the sale a customer brings back (the return itself is sealed by fiscal.seal). */
export function returnHandlers(ctx: HostContext): HandlerGroup {
  return {
    'sale.lookup': {
      parse: (raw) => ({ code: text(record(raw, 'sale.lookup request'), 'code', { max: 2048 }) }),
      run: async ({ code }) => {
        ctx.session.require();
        return lookUpSale({ storeId: ctx.profile.storeId, tillId: ctx.profile.tillId, journal: ctx.journal, index: ctx.index }, code);
      },
    },
  };
}
