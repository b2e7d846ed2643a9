import type { HostContext } from '../host-context';
import { noRequest, type HandlerGroup } from './handler-registry';

/** Loyalty at the till: the live program as this host holds it, for the page to compute a member's earn with. */
export function loyaltyHandlers(ctx: HostContext): HandlerGroup {
  return {
    'loyalty.program': { parse: noRequest, run: async () => ({ program: ctx.loyalty.active() }) },
  };
}
