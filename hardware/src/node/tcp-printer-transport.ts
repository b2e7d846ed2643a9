import net from 'node:net';
import type { PrintOutcome } from '@pos/core';
import type { PrinterTransport } from '../common/printer';
import { oneAtATime } from './one-at-a-time';
import { failed, seconds, sent } from './print-outcome';
import { describeTcpFailure, tcpAddress, type TcpPhase } from './tcp-failure';

/** The raw printing port (JetDirect / AppSocket) every network receipt printer listens on. */
export const RAW_PRINT_PORT = 9100;

export type TcpPrinterOptions = {
  readonly host: string;
  readonly port?: number;
  /** Time allowed to open the connection. Default 3 s. */
  readonly connectTimeoutMs?: number;
  /** Time allowed, once connected, to send the receipt and see the printer close its side. Default 10 s. */
  readonly writeTimeoutMs?: number;
};

type Phase = TcpPhase;

/**
 * A network printer on its raw port: one connection per receipt. After the last byte we half-close
 * and wait for the printer to close its side too, as CUPS's socket backend does (waiteof): bytes in
 * our socket buffer prove nothing, but a printer that read to the end of the job and hung up has
 * the whole receipt. A printer that takes the bytes and never hangs up ends in 'timeout'.
 */
export function createTcpPrinterTransport(options: TcpPrinterOptions): PrinterTransport {
  const { host } = options;
  const port = options.port ?? RAW_PRINT_PORT;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const address = tcpAddress(host, port);
  const queue = oneAtATime();
  const aborts = new Set<() => void>();
  let closed = false;

  const describe = (error: unknown, phase: Phase): PrintOutcome => describeTcpFailure(error, phase, host, address);

  /**
   * One connection. With bytes: send them, half-close, wait for the printer to hang up. Without
   * (a probe): hang up as soon as the connection opens. Settles exactly once whatever happens.
   */
  const exchange = (bytes: Uint8Array | null) =>
    new Promise<PrintOutcome>((resolve) => {
      const socket = new net.Socket();
      let phase: Phase = 'connect';
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const done = (outcome: PrintOutcome) => {
        if (!aborts.delete(abort)) return;
        clearTimeout(timer);
        socket.destroy();
        resolve(outcome);
      };
      const abort = () => done(failed('io', `The connection to the printer at ${address} was closed by the till.`));
      aborts.add(abort);
      timer = setTimeout(
        () => done(failed('timeout', `The printer at ${address} did not accept a connection within ${seconds(connectTimeoutMs)}.`)),
        connectTimeoutMs,
      );
      socket.on('error', (error) => done(describe(error, phase)));
      // Printers may answer with status bytes (ASB); reading them lets the connection run to its end.
      socket.on('data', () => undefined);
      socket.on('close', () =>
        done(
          finished && bytes
            ? sent(bytes.length)
            : failed('io', `The printer at ${address} closed the connection before the whole receipt was sent.`),
        ),
      );
      socket.once('connect', () => {
        clearTimeout(timer);
        if (!bytes) return done(sent(0));
        phase = 'write';
        timer = setTimeout(
          () =>
            done(
              failed(
                'timeout',
                `The printer at ${address} did not take the receipt within ${seconds(writeTimeoutMs)}: it may be offline, out of paper or busy, and may or may not have printed it.`,
              ),
            ),
          writeTimeoutMs,
        );
        socket.once('finish', () => {
          finished = true;
        });
        socket.end(bytes);
      });
      socket.connect({ host, port });
    });

  return {
    target: `tcp://${address}`,
    write: (bytes) =>
      queue(() => (closed ? Promise.resolve(failed('io', `The printer connection to ${address} is closed.`)) : exchange(bytes))),
    probe: () =>
      queue(async () => {
        if (closed) return { reachable: false, message: `The printer connection to ${address} is closed.` };
        const outcome = await exchange(null);
        return outcome.status === 'failed' ? { reachable: false, message: outcome.message } : { reachable: true };
      }),
    close: async () => {
      closed = true;
      for (const abort of [...aborts]) abort();
    },
  };
}
