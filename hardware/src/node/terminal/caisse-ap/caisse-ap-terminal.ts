import type { CardPaymentRequest } from '../../../common/card-terminal';
import { declinedOutcome, unknownOutcome } from '../../../common/terminal/card-outcome';
import { CaisseApFrameReader, type FrameReaderEvent } from '../../../common/terminal/caisse-ap/frame-reader';
import {
  CAISSE_AP_DEFAULT_PORT,
  CAISSE_AP_TERMINAL,
  caisseApReplyToResult,
  encodeCaisseApRequest,
  type CaisseApRequest,
} from '../../../common/terminal/caisse-ap/messages';
import { ExchangeLifecycle, formatWait } from '../exchange-lifecycle';
import { openExchange } from '../open-exchange';
import { TcpCardTerminal, tcpTerminalTiming, type CardOperation, type Exchange, type ExchangeListener } from '../tcp-card-terminal';

export type CaisseApTerminalOptions = {
  readonly host: string;
  /** Default 8888. */
  readonly port?: number;
  /** CA, 1–99. Default 1. */
  readonly tillNumber?: number;
  /** CJ, 12 letters or digits; the terminals tested by the references accept any value. Default 000000000000. */
  readonly integratorId?: string;
  /** Wait for the answer after sending. Default 120 s: a real payment includes the customer's PIN. */
  readonly timeoutMs?: number;
  /** Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Quiet time after a message complete on a field boundary before taking it as whole. Default 150 ms. */
  readonly settleMs?: number;
  /** Listening on after an answer, to catch a repeated one. Default 2 s. */
  readonly duplicateWindowMs?: number;
  /** Listening on after a timeout, to catch a late answer. Default 10 min. */
  readonly lateAnswerWindowMs?: number;
  readonly label?: string;
};

type Settings = Required<Omit<CaisseApTerminalOptions, 'label'>>;

/**
 * Caisse-AP over IP: one TCP connection per request (as the akretion client and the OCA module
 * do), the reply on the same connection, then hang up.
 */
class CaisseApTerminal extends TcpCardTerminal {
  constructor(
    private readonly settings: Settings,
    label: string,
  ) {
    super(label, CAISSE_AP_TERMINAL, settings);
  }

  protected startExchange(operation: CardOperation, request: CardPaymentRequest, listener: ExchangeListener): Exchange {
    const { settings } = this;
    const message: CaisseApRequest = {
      operation: operation === 'payment' ? 'debit' : 'credit',
      amount: request.amount,
      currency: request.currency,
      tillNumber: settings.tillNumber,
      integratorId: settings.integratorId,
    };
    const life = new ExchangeLifecycle();
    const { exchange, connect } = openExchange(life, request, CAISSE_AP_TERMINAL);

    const encoded = encodeCaisseApRequest(message);
    if (!encoded.ok) {
      life.settle(
        declinedOutcome(request, CAISSE_AP_TERMINAL, `The payment was not sent: ${encoded.error}. Nothing was charged.`, 'not-sent'),
      );
      life.hangUp();
      return exchange;
    }

    const onEvents = (events: readonly FrameReaderEvent[]) => {
      for (const event of events) {
        if (event.kind === 'error') {
          if (life.settle(unknownOutcome(request, CAISSE_AP_TERMINAL, `The terminal's answer could not be read (${event.error})`)))
            life.hangUp();
          continue;
        }
        life.answer(caisseApReplyToResult(event.fields, message, request), settings.duplicateWindowMs, listener.late);
      }
    };

    void connect(settings).then((socket) => {
      if (!socket) return;
      const reader = new CaisseApFrameReader();
      let settleTimer: NodeJS.Timeout | null = null;
      life.attach(socket, (reason) => {
        if (life.settled) return;
        if (life.sent)
          life.settle(
            unknownOutcome(
              request,
              CAISSE_AP_TERMINAL,
              `The connection to the terminal was lost after the payment was sent (${reason})`,
              'connection-lost',
            ),
          );
        else
          life.settle(
            declinedOutcome(
              request,
              CAISSE_AP_TERMINAL,
              `The connection to the terminal was lost before the payment was sent (${reason}): nothing was charged.`,
            ),
          );
        listener.disconnected(reason);
      });
      socket.on('data', (chunk: Buffer) => {
        life.cancel(settleTimer);
        settleTimer = null;
        onEvents(reader.push(chunk));
        if (reader.hasCompleteMessage('AE')) {
          settleTimer = life.after(settings.settleMs, () => {
            const fields = reader.takeMessage();
            if (fields) onEvents([{ kind: 'frame', fields }]);
          });
        }
      });
      // The terminal may close right after answering: what was read is then the whole answer.
      socket.on('end', () => onEvents(reader.finish()));
      socket.write(encoded.value);
      life.sent = true;
      life.awaitAnswer(settings.timeoutMs, settings.lateAnswerWindowMs, () =>
        unknownOutcome(request, CAISSE_AP_TERMINAL, `No answer from the terminal within ${formatWait(settings.timeoutMs)}`, 'timeout'),
      );
    });
    return exchange;
  }
}

export function createCaisseApTerminal(options: CaisseApTerminalOptions): TcpCardTerminal {
  const settings: Settings = {
    host: options.host,
    port: options.port ?? CAISSE_AP_DEFAULT_PORT,
    tillNumber: options.tillNumber ?? 1,
    integratorId: options.integratorId ?? '000000000000',
    settleMs: options.settleMs ?? 150,
    ...tcpTerminalTiming(options),
  };
  return new CaisseApTerminal(settings, options.label ?? `Caisse-AP terminal ${settings.host}:${settings.port}`);
}
