import type { HandlerGroup } from '../handlers/handler-registry';
import { ledgerHandlers, reservationHub } from '../handlers/ledger-handlers';
import type { HostContext } from '../host-context';
import { onHubBack } from '../hub/hub-back';
import { ReservationRunner } from './reservation-runner';

/** How often the host sends what waits when nothing else asks (spends of sales sealed while the hub was away). */
export const LEDGER_RETRY_MS = 60_000;

export type Ledgers = {
  readonly runner: ReservationRunner;
  readonly handlers: HandlerGroup;
  close(): Promise<void>;
};

/**
 * The host's side of the hub's gift card and store credit ledgers: the reservations it holds
 * (ctx.reservations, an indexer of the journal) spent or given back by one runner, run at start
 * (a sale sealed before a kill -9 is spent now), after every seal that makes something due, when
 * the hub comes back, and every LEDGER_RETRY_MS.
 */
export function openLedgers(ctx: HostContext, retryMs = LEDGER_RETRY_MS): Ledgers {
  const runner = new ReservationRunner(ctx.reservations, reservationHub(ctx), ({ reservationId, hubCode }) =>
    // The sale counted this money and the hub would not give it: head office must see it.
    ctx.events.emit('host.notice', {
      level: 'error',
      code: 'card-spend-refused',
      values: { hubCode: hubCode ?? '—' },
      message: `The hub refused to spend gift card reservation ${reservationId} (${hubCode ?? 'no code'}): report it to head office`,
    }),
  );
  let closed = false;
  const kick = () => {
    if (!closed && ctx.hub.enrolled) void runner.run().catch(() => undefined);
  };
  ctx.reservations.onDue = () => setImmediate(kick);
  kick();
  const stopOnline = onHubBack(ctx.events, kick);
  const timer = setInterval(kick, retryMs);
  timer.unref();
  return {
    runner,
    handlers: ledgerHandlers(ctx, kick),
    close: async () => {
      closed = true;
      clearInterval(timer);
      stopOnline();
      ctx.reservations.onDue = () => undefined;
      await runner.settle();
      await ctx.reservations.close();
    },
  };
}
