import type { CardResult } from '@pos/core';
import { afterEach } from 'vitest';
import type { TcpCardTerminal } from '../node/terminal/tcp-card-terminal';

type Simulator = { readonly port: number; close(): Promise<void> };

/**
 * A TCP terminal driver against its simulator over real TCP on 127.0.0.1, both closed after each
 * test. The returned setUp takes a port to aim the driver elsewhere (a closed or silent one).
 */
export function terminalAgainstSimulator<S extends Simulator>(
  startSimulator: () => Promise<S>,
  createDriver: (port: number) => TcpCardTerminal,
) {
  let simulator: S | null = null;
  let driver: TcpCardTerminal | null = null;
  afterEach(async () => {
    await driver?.close();
    await simulator?.close();
    driver = null;
    simulator = null;
  });
  return async (port?: number): Promise<{ simulator: S; driver: TcpCardTerminal }> => {
    simulator = await startSimulator();
    driver = createDriver(port ?? simulator.port);
    return { simulator, driver };
  };
}

export const paymentRequest = (attemptKey: string, amount = 1250) => ({ attemptKey, amount, currency: 'EUR' });

export function nextLateAnswer(terminal: TcpCardTerminal, withinMs = 1_000): Promise<CardResult> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no late-answer event')), withinMs);
    terminal.on('late-answer', (result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}
