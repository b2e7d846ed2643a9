import type { PrintOutcome } from '@pos/core';
import { trailingProcessId } from '../common/printer/esc-pos-commands';
import { createEscPosReplyReader } from '../common/printer/esc-pos-reply-reader';
import type { PrinterSensors } from '../common/printer/printer-sensors';
import { createStatusCollector } from '../common/printer/status-collector';
import type { PrinterProfile, PrinterTransport } from '../common/printer';
import { oneAtATime } from './one-at-a-time';
import { failed, seconds, sent } from './print-outcome';
import { unsentStatusQuery, type PrinterStatusSource, type StatusReading } from './printer-status-source';
import { tcpAddress } from './tcp-failure';
import { tcpExchange, type TcpExchangeResult } from './tcp-exchange';
import { createTcpPrinterTransport, RAW_PRINT_PORT, type TcpPrinterOptions } from './tcp-printer-transport';

export type ConfirmingTcpPrinterOptions = TcpPrinterOptions & {
  readonly language?: PrinterProfile['language'];
  /** Time allowed, once the job is sent, for the printer to say it has printed it. Default 15 s. */
  readonly completionTimeoutMs?: number;
  /** Time allowed for the answer to a status query. Default 2 s. */
  readonly statusTimeoutMs?: number;
  /** Hears every status the printer sends while a job is out (ASB). */
  readonly onSensors?: (sensors: PrinterSensors) => void;
};

export type ConfirmingTcpPrinter = PrinterTransport & PrinterStatusSource;

const cannotPrint = (s: PrinterSensors) => Boolean(s.paperEnd || s.coverOpen || s.offline || s.error);

/**
 * A network printer whose jobs and status queries share one queue, each on its own short
 * connection: a printer serves one connection on port 9100 at a time, so a status query never
 * waits behind (or breaks into) a receipt, and a monitor's poll never reads a job's replies.
 *
 * A job that ends with GS ( H fn 48 (print-job.ts does so when the profile confirms completion)
 * resolves 'printed' only when the printer answers that process ID. If it does not in time, or its
 * automatic status says it cannot print (paper end, cover open, offline, error), the outcome is
 * 'sent': the bytes were delivered but whether paper came out is unknown, so the till offers a
 * DUPLICATA reprint. Nothing is ever sent twice from here.
 * Jobs without a process ID go through the plain transport (half-close, wait for the hang-up).
 */
export function createConfirmingTcpPrinter(options: ConfirmingTcpPrinterOptions): ConfirmingTcpPrinter {
  const { host } = options;
  const port = options.port ?? RAW_PRINT_PORT;
  const language = options.language ?? 'esc-pos';
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const completionTimeoutMs = options.completionTimeoutMs ?? 15_000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 2000;
  const address = tcpAddress(host, port);
  const plain = createTcpPrinterTransport(options);
  const queue = oneAtATime();
  const aborts = new Set<() => void>();
  let closed = false;
  const onAbort = (abort: () => void) => {
    aborts.add(abort);
    return () => aborts.delete(abort);
  };
  const closedMessage = `The printer connection to ${address} is closed.`;
  const closedOutcome = () => failed('io', closedMessage);

  const printConfirmed = async (bytes: Uint8Array, processId: string): Promise<PrintOutcome> => {
    const reader = createEscPosReplyReader();
    let stopped: PrinterSensors | null = null;
    const result = await tcpExchange({
      host,
      port,
      connectTimeoutMs,
      writeTimeoutMs,
      answerTimeoutMs: completionTimeoutMs,
      bytes,
      onAbort,
      onData: (chunk) => {
        for (const reply of reader.push(chunk)) {
          if (reply.kind === 'process-id' && reply.id === processId) return true;
          if (reply.kind !== 'asb') continue;
          options.onSensors?.(reply.sensors);
          // The job waits inside the printer and may print once someone fixes it: stop waiting, outcome unknown.
          if (cannotPrint(reply.sensors)) stopped = reply.sensors;
        }
        return stopped !== null;
      },
    });
    if (result.kind === 'failed') return result.outcome;
    if (result.kind === 'answered' && stopped === null) return { status: 'printed', bytes: bytes.length };
    return sent(bytes.length);
  };

  const readStatus = async (): Promise<StatusReading> => {
    const collector = createStatusCollector(language);
    const result: TcpExchangeResult = await tcpExchange({
      host,
      port,
      connectTimeoutMs,
      writeTimeoutMs: statusTimeoutMs,
      answerTimeoutMs: statusTimeoutMs,
      bytes: collector.request,
      onAbort,
      onData: (chunk) => collector.push(chunk),
    });
    if (result.kind === 'failed') return unsentStatusQuery(result.outcome, `The printer at ${address} could not be asked for its status.`);
    if (result.kind === 'unanswered') {
      return {
        ok: false,
        reason: 'no-reply',
        message: `The printer at ${address} did not answer a status request within ${seconds(statusTimeoutMs)}.`,
      };
    }
    const collected = collector.result();
    return collected.ok
      ? collected
      : { ok: false, reason: 'io', message: `The printer at ${address} sent a status that makes no sense: ${collected.error}` };
  };

  return {
    target: `tcp://${address}`,
    write: (bytes) =>
      queue(() => {
        if (closed) return Promise.resolve(closedOutcome());
        const processId = language === 'esc-pos' ? trailingProcessId(bytes) : undefined;
        return processId === undefined ? plain.write(bytes) : printConfirmed(bytes, processId);
      }),
    probe: () => queue(() => (closed ? Promise.resolve({ reachable: false, message: closedMessage }) : plain.probe())),
    queryStatus: () => queue(() => (closed ? Promise.resolve({ ok: false, reason: 'io', message: closedMessage } as const) : readStatus())),
    close: async () => {
      closed = true;
      for (const abort of [...aborts]) abort();
      await plain.close();
    },
  };
}
