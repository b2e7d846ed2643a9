import net from 'node:net';
import type { PrintOutcome } from '@pos/core';
import { failed, seconds } from './print-outcome';
import { describeTcpFailure, tcpAddress, type TcpPhase } from './tcp-failure';

export type TcpExchangeRequest = {
  readonly host: string;
  readonly port: number;
  readonly connectTimeoutMs: number;
  /** Time allowed for the printer to take every byte. */
  readonly writeTimeoutMs: number;
  /** Time allowed, once every byte is taken, for the answer. */
  readonly answerTimeoutMs: number;
  readonly bytes: Uint8Array;
  /** Sees each chunk the printer sends; returns true once it has what it waited for. */
  readonly onData: (chunk: Uint8Array) => boolean;
  /** Lets the caller abort (the transport is closing); returns the unregister function. */
  readonly onAbort?: (abort: () => void) => () => void;
};

export type TcpExchangeResult =
  /** onData had its answer. */
  | { readonly kind: 'answered' }
  /** Every byte was taken, and the answer did not come in time or the printer hung up without it. */
  | { readonly kind: 'unanswered' }
  /** The bytes could not all be delivered, or the connection broke before the answer. */
  | { readonly kind: 'failed'; readonly outcome: PrintOutcome };

/**
 * One connection that sends bytes and reads what the printer sends back until `onData` is
 * satisfied. Unlike the plain transport it does not half-close first: a printer may hang up at
 * the end of the data and drop an answer it had not sent yet. Settles exactly once.
 */
export function tcpExchange(request: TcpExchangeRequest): Promise<TcpExchangeResult> {
  const { host, port } = request;
  const address = tcpAddress(host, port);
  return new Promise((resolve) => {
    const socket = new net.Socket();
    let phase: TcpPhase = 'connect';
    let written = false;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const unregister = request.onAbort?.(() =>
      settle({ kind: 'failed', outcome: failed('io', `The connection to the printer at ${address} was closed by the till.`) }),
    );
    const settle = (result: TcpExchangeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unregister?.();
      if (result.kind === 'answered') {
        // Hang up politely so the printer ends its side; never wait on it.
        socket.end();
        setTimeout(() => socket.destroy(), 1000).unref();
      } else {
        socket.destroy();
      }
      resolve(result);
    };
    const wait = (ms: number, onTimeout: () => TcpExchangeResult) => {
      clearTimeout(timer);
      timer = setTimeout(() => settle(onTimeout()), ms);
    };

    wait(request.connectTimeoutMs, () => ({
      kind: 'failed',
      outcome: failed('timeout', `The printer at ${address} did not accept a connection within ${seconds(request.connectTimeoutMs)}.`),
    }));
    socket.on('error', (error) => settle({ kind: 'failed', outcome: describeTcpFailure(error, phase, host, address) }));
    socket.on('data', (chunk: Buffer) => {
      if (request.onData(chunk)) settle({ kind: 'answered' });
    });
    socket.on('close', () =>
      settle(
        written
          ? { kind: 'unanswered' }
          : { kind: 'failed', outcome: failed('io', `The printer at ${address} closed the connection before the whole receipt was sent.`) },
      ),
    );
    socket.once('connect', () => {
      phase = 'write';
      wait(request.writeTimeoutMs, () => ({
        kind: 'failed',
        outcome: failed(
          'timeout',
          `The printer at ${address} did not take the receipt within ${seconds(request.writeTimeoutMs)}: it may be offline, out of paper or busy, and may or may not have printed it.`,
        ),
      }));
      socket.write(request.bytes, (error) => {
        if (error || settled) return;
        written = true;
        wait(request.answerTimeoutMs, () => ({ kind: 'unanswered' }));
      });
    });
    socket.connect({ host, port });
  });
}
