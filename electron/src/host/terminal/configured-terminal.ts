import type { CardTerminal } from '@pos/hardware/common';
import { createSimulatedCardTerminal } from '@pos/hardware/fake';
import type { HostConfig } from '../config/host-config';

/** The card terminal named in the config. Only the simulator exists until the hardware issue. */
export function createConfiguredTerminal(config: HostConfig): CardTerminal {
  return createSimulatedCardTerminal({
    behaviour: config.terminal.behaviour,
    processingMs: config.terminal.processingMs,
    timeoutMs: config.terminal.timeoutMs,
  });
}
