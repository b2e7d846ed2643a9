import { PosError } from '@pos/core';
import type { HostContext } from '../host-context';
import type { HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, record, text } from './request-guards';

export function terminalHandlers(ctx: HostContext): HandlerGroup {
  return {
    'terminal.pay': {
      parse: (raw) => {
        const req = record(raw, 'terminal.pay request');
        return {
          attemptKey: text(req, 'attemptKey', { max: 64, pattern: ID_PATTERN }),
          amount: integer(req, 'amount', 1, 100_000_000),
          currency: text(req, 'currency', { max: 3, pattern: /^[A-Z]{3}$/ }),
        };
      },
      run: async (request) => {
        ctx.session.require();
        if (request.currency !== ctx.profile.currency) throw new PosError('INVALID_REQUEST', `The terminal takes ${ctx.profile.currency} only`);
        return ctx.terminal.pay(request);
      },
    },
    'terminal.status': {
      parse: (raw) => ({ attemptKey: text(record(raw, 'terminal.status request'), 'attemptKey', { max: 64, pattern: ID_PATTERN }) }),
      run: async ({ attemptKey }) => {
        ctx.session.require();
        return ctx.terminal.status(attemptKey);
      },
    },
  };
}
