import type { CardPaymentRequest } from '../../../common/card-terminal';
import { declinedOutcome, unknownOutcome } from '../../../common/terminal/card-outcome';
import { ApduReader, encodeApdu, hex } from '../../../common/terminal/zvt/apdu';
import { abortToResult, resultCodeText, statusInformationToResult } from '../../../common/terminal/zvt/card-result';
import {
  ACK,
  DEFAULT_CONFIG_BYTE,
  NACK_NOT_SUPPORTED,
  ZVT_DEFAULT_PORT,
  ZVT_TERMINAL,
  decodeTerminalMessage,
  encodeAuthorisation,
  encodeRefund,
  encodeRegistration,
} from '../../../common/terminal/zvt/messages';
import { zvtPrompt } from '../../../common/terminal/zvt/intermediate-status';
import type { StatusInformation } from '../../../common/terminal/zvt/status-information';
import { ExchangeLifecycle, formatWait } from '../exchange-lifecycle';
import { openExchange } from '../open-exchange';
import { TcpCardTerminal, tcpTerminalTiming, type CardOperation, type Exchange, type ExchangeListener } from '../tcp-card-terminal';

export type ZvtTerminalOptions = {
  readonly host: string;
  /** Default 20007. */
  readonly port?: number;
  /** The terminal's password, 6 digits. Default 000000. */
  readonly password?: string;
  /** Registration config byte. Default 0x08 (intermediate status on, receipts on the terminal). */
  readonly configByte?: number;
  /** Wait for the result after the authorisation is sent. Default 120 s. */
  readonly timeoutMs?: number;
  /** Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Registration's ACK and Completion. Default 10 s. Nothing is charged if it fails. */
  readonly registrationTimeoutMs?: number;
  /** Listening on after the result, to catch a repeated one. Default 2 s. */
  readonly duplicateWindowMs?: number;
  /** Listening on after a timeout, to catch a late result. Default 10 min. */
  readonly lateAnswerWindowMs?: number;
  readonly label?: string;
};

type Settings = Required<Omit<ZvtTerminalOptions, 'label'>>;

type Phase = 'registering' | 'awaiting-ack' | 'in-transaction';

/**
 * ZVT over TCP: per request, connect, Registration (06 00) and its Completion, then Authorisation
 * (06 01) or Refund (06 31), acknowledging every terminal message with 80 00 00, until Completion
 * (06 0F) or Abort (06 1E). Registering each time keeps the terminal's configuration ours even
 * after it restarted, and one connection per request ties any late answer to its attempt.
 */
class ZvtTerminal extends TcpCardTerminal {
  constructor(
    private readonly settings: Settings,
    label: string,
  ) {
    super(label, ZVT_TERMINAL, settings);
  }

  protected startExchange(operation: CardOperation, request: CardPaymentRequest, listener: ExchangeListener): Exchange {
    const { settings } = this;
    const life = new ExchangeLifecycle();
    const { exchange, connect } = openExchange(life, request, ZVT_TERMINAL);
    const notSent = (reason: string) => declinedOutcome(request, ZVT_TERMINAL, `${reason}: nothing was charged.`, 'not-sent');
    const settleAndHangUp = (result: Parameters<typeof life.settle>[0]) => {
      if (life.settle(result)) life.hangUp();
    };

    const registration = encodeRegistration({ password: settings.password, configByte: settings.configByte, currency: request.currency });
    const command =
      operation === 'payment'
        ? encodeAuthorisation({ amount: request.amount, currency: request.currency })
        : encodeRefund({ password: settings.password, amount: request.amount, currency: request.currency });
    if (!registration.ok || !command.ok) {
      life.settle(notSent(`The payment was not sent (${registration.ok ? (command.ok ? '' : command.error) : registration.error})`));
      life.hangUp();
      return exchange;
    }

    let phase: Phase = 'registering';
    let registrationTimer: NodeJS.Timeout | null = null;
    let statusInformation: StatusInformation | null = null;
    const acknowledge = () => life.write(encodeApdu(ACK) ?? new Uint8Array(0));

    const answer = (result: Parameters<typeof life.settle>[0]) => life.answer(result, settings.duplicateWindowMs, listener.late);

    const sendCommand = () => {
      life.cancel(registrationTimer);
      life.write(command.value);
      life.sent = true;
      phase = 'awaiting-ack';
      life.awaitAnswer(settings.timeoutMs, settings.lateAnswerWindowMs, () =>
        // A Status information with result 00 was the terminal's word that it booked the payment.
        statusInformation?.resultCode === 0x00
          ? statusInformationToResult(statusInformation, request)
          : unknownOutcome(request, ZVT_TERMINAL, `No answer from the terminal within ${formatWait(settings.timeoutMs)}`, 'timeout'),
      );
    };

    const onApdu = (apdu: Parameters<typeof decodeTerminalMessage>[0]) => {
      const decoded = decodeTerminalMessage(apdu);
      // Only a message that is not ZVT at all fails to decode: the stream is lost, nothing to acknowledge.
      if (!decoded.ok) {
        const reason = `The terminal sent an unreadable message (${decoded.error}; ${hex(encodeApdu(apdu) ?? new Uint8Array(0)).slice(0, 60)})`;
        settleAndHangUp(phase === 'registering' ? notSent(reason) : unknownOutcome(request, ZVT_TERMINAL, reason));
        return;
      }
      const message = decoded.value;
      if (message.kind === 'ack') {
        if (phase === 'awaiting-ack') phase = 'in-transaction';
        return;
      }
      if (message.kind === 'nack') {
        const code = `84 ${message.code.toString(16).padStart(2, '0').toUpperCase()}`;
        if (phase === 'registering') settleAndHangUp(notSent(`The terminal refused the registration (${code})`));
        else if (phase === 'awaiting-ack') settleAndHangUp(notSent(`The terminal refused the ${operation} command (${code})`));
        return;
      }
      if (message.kind === 'unsupported') {
        life.write(encodeApdu(NACK_NOT_SUPPORTED) ?? new Uint8Array(0));
        return;
      }
      // Whatever its data holds: a field the driver cannot read never leaves the terminal waiting.
      acknowledge();
      if (phase === 'registering') {
        if (message.kind === 'completion') sendCommand();
        else if (message.kind === 'abort')
          settleAndHangUp(
            notSent(
              `The terminal refused the registration${message.resultCode === undefined ? '' : `: ${resultCodeText(message.resultCode)}`}`,
            ),
          );
        return;
      }
      if (phase === 'awaiting-ack') phase = 'in-transaction';
      switch (message.kind) {
        case 'status-information':
          if (life.settled) answer(statusInformationToResult(message.info, request));
          else statusInformation = message.info;
          return;
        case 'completion':
          if (life.settled) return;
          answer(
            statusInformation
              ? statusInformationToResult(statusInformation, request)
              : unknownOutcome(request, ZVT_TERMINAL, 'The terminal completed the transaction without sending its result'),
          );
          return;
        case 'abort':
          answer(
            statusInformation?.resultCode === 0x00
              ? unknownOutcome(request, ZVT_TERMINAL, 'The terminal approved then aborted the transaction')
              : abortToResult(message.resultCode, request),
          );
          return;
        case 'intermediate-status':
          // What the customer is asked, for the cashier's screen; nothing to decide.
          if (!life.settled) listener.prompt(zvtPrompt(message.code));
          return;
        default:
          // Receipt lines: acknowledged, nothing to decide.
          return;
      }
    };

    void connect(settings).then((socket) => {
      if (!socket) return;
      const reader = new ApduReader();
      life.attach(socket, (reason) => {
        if (!life.settled) {
          if (!life.sent) life.settle(notSent(`The connection to the terminal was lost before the payment was sent (${reason})`));
          else if (statusInformation?.resultCode === 0x00) life.settle(statusInformationToResult(statusInformation, request));
          else
            life.settle(
              unknownOutcome(
                request,
                ZVT_TERMINAL,
                `The connection to the terminal was lost after the payment was sent (${reason})`,
                'connection-lost',
              ),
            );
          listener.disconnected(reason);
        }
      });
      socket.on('data', (chunk: Buffer) => {
        for (const apdu of reader.push(chunk)) onApdu(apdu);
      });
      registrationTimer = life.after(settings.registrationTimeoutMs, () => {
        settleAndHangUp(notSent(`The terminal did not complete the registration within ${formatWait(settings.registrationTimeoutMs)}`));
      });
      life.write(registration.value);
    });
    return exchange;
  }
}

export function createZvtTerminal(options: ZvtTerminalOptions): TcpCardTerminal {
  const settings: Settings = {
    host: options.host,
    port: options.port ?? ZVT_DEFAULT_PORT,
    password: options.password ?? '000000',
    configByte: options.configByte ?? DEFAULT_CONFIG_BYTE,
    registrationTimeoutMs: options.registrationTimeoutMs ?? 10_000,
    ...tcpTerminalTiming(options),
  };
  return new ZvtTerminal(settings, options.label ?? `ZVT terminal ${settings.host}:${settings.port}`);
}
