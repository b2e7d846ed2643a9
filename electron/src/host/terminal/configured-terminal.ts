import type { DeviceLabelWords, TerminalSettings } from '@pos/core';
import type { CardTerminalDriver } from '@pos/hardware/common';
import { createSimulatedCardTerminal } from '@pos/hardware/fake';
import { createCaisseApTerminal, createConcertTerminal, createZvtTerminal } from '@pos/hardware/node';
import type { TerminalPort } from '../devices/device-ports';

/** A protocol driver as the device manager uses it: its connection status, its late answers. */
export function driverPort(driver: CardTerminalDriver, words?: DeviceLabelWords): TerminalPort {
  return {
    label: driver.label,
    ...(words ? { words } : {}),
    pay: (request) => driver.pay(request),
    refund: (request) => driver.refund(request),
    status: (attemptKey: string) => driver.status(attemptKey),
    close: () => driver.close(),
    deviceStatus: () => driver.status(),
    onLateAnswer: (listener) => driver.on('late-answer', listener),
    onPrompt: (listener) => driver.on('prompt', listener),
  };
}

function terminalAt(protocol: string, address: string | null): DeviceLabelWords {
  return { labelCode: 'terminal-at', labelValues: { protocol, address: address ?? '?' } };
}

/** "host:port" as the settings hold it (checked when saved). */
function hostAndPort(address: string | null): { host: string; port: number } {
  const at = (address ?? '').lastIndexOf(':');
  return { host: (address ?? '').slice(0, at), port: Number((address ?? '').slice(at + 1)) };
}

/**
 * The card terminal of the settings: a protocol driver (Caisse-AP and ZVT over TCP, Concert over
 * serial), or the in-memory simulator of the demo. Drivers connect per payment, so a terminal
 * switched off at start never stops the till.
 */
export function createConfiguredTerminal(settings: TerminalSettings): TerminalPort {
  switch (settings.kind) {
    case 'simulated':
      return {
        ...createSimulatedCardTerminal({
          behaviour: settings.behaviour,
          processingMs: settings.processingMs,
          timeoutMs: settings.timeoutMs,
        }),
        words: { labelCode: 'simulated-terminal' },
      };
    case 'concert':
      return driverPort(
        createConcertTerminal({
          path: settings.address ?? '',
          timeoutMs: settings.timeoutMs,
          label: `Concert terminal on ${settings.address ?? '?'}`,
        }),
        terminalAt('Concert', settings.address),
      );
    case 'caisse-ap':
      return driverPort(
        createCaisseApTerminal({ ...hostAndPort(settings.address), timeoutMs: settings.timeoutMs }),
        terminalAt('Caisse-AP', settings.address),
      );
    case 'zvt':
      return driverPort(
        createZvtTerminal({ ...hostAndPort(settings.address), timeoutMs: settings.timeoutMs }),
        terminalAt('ZVT', settings.address),
      );
  }
}
