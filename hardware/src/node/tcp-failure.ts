import type { PrintOutcome } from '@pos/core';
import { errorCode, errorMessage, failed } from './print-outcome';

export type TcpPhase = 'connect' | 'write';

/** A socket error as an outcome a cashier can act on, naming the printer's address. */
export function describeTcpFailure(error: unknown, phase: TcpPhase, host: string, address: string): PrintOutcome {
  switch (errorCode(error)) {
    case 'ECONNREFUSED':
      return failed(
        'unreachable',
        `Nothing answers at ${address} (connection refused): is the printer switched on, and is this its address?`,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return failed('unreachable', `No route to the printer at ${address}: check the network cable and the printer's IP address.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return failed('unreachable', `The printer name "${host}" could not be found on the network: use its IP address.`);
    case 'ETIMEDOUT':
      return failed('timeout', `The printer at ${address} did not answer in time.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return phase === 'connect'
        ? failed('io', `The printer at ${address} dropped the connection at once: it may be busy with another till.`)
        : failed('io', `The printer at ${address} dropped the connection in the middle of the receipt: part of it may have printed.`);
    default:
      return failed('io', `Could not talk to the printer at ${address}: ${errorMessage(error)}`);
  }
}

/** "host:port", with an IPv6 host in brackets. */
export const tcpAddress = (host: string, port: number): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;
