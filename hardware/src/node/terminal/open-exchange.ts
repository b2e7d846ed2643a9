import type net from 'node:net';
import type { CardPaymentRequest } from '../../common/card-terminal';
import { declinedOutcome, unknownOutcome } from '../../common/terminal/card-outcome';
import type { ExchangeLifecycle } from './exchange-lifecycle';
import type { Exchange, TcpTerminalTarget } from './tcp-card-terminal';
import { connectTcp } from './tcp-connect';

export type OpenedExchange = {
  readonly exchange: Exchange;
  /** The connection for the request, or null when the outcome is already settled (driver closed, terminal unreachable). */
  connect(target: TcpTerminalTarget): Promise<net.Socket | null>;
};

/**
 * The protocol-free ends of an exchange: closing the driver mid-way is "unknown" once the request
 * left and a certain non-charge before; so is a terminal that cannot be reached.
 */
export function openExchange(life: ExchangeLifecycle, request: CardPaymentRequest, terminal: string): OpenedExchange {
  let aborted = false;
  const exchange: Exchange = {
    outcome: life.outcome,
    finished: life.finished,
    abort: () => {
      aborted = true;
      life.settle(
        life.sent
          ? unknownOutcome(request, terminal, 'The till stopped waiting (driver closed) during the payment')
          : declinedOutcome(
              request,
              terminal,
              'The card terminal driver closed before the payment was sent: nothing was charged.',
              'not-sent',
            ),
      );
      life.hangUp();
    },
  };
  const connect = async (target: TcpTerminalTarget): Promise<net.Socket | null> => {
    const connection = await connectTcp(target.host, target.port, target.connectTimeoutMs);
    if (aborted) {
      if (connection.ok) connection.socket.destroy();
      return null;
    }
    if (!connection.ok) {
      life.settle(
        declinedOutcome(request, terminal, `Card terminal unreachable (${connection.reason}): nothing was charged.`, 'not-connected'),
      );
      life.hangUp();
      return null;
    }
    connection.socket.setNoDelay(true);
    return connection.socket;
  };
  return { exchange, connect };
}
