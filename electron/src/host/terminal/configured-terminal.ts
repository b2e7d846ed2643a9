import type { CardTerminal } from '@pos/hardware/common';
import { SimulatedCardTerminal } from '@pos/hardware/fake';
import type { HostConfig } from '../config/host-config';

/** The card terminal named in the config. Only the simulator exists until the hardware issue. */
export function createConfiguredTerminal(config: HostConfig): CardTerminal {
  return new SimulatedCardTerminal({ behaviour: config.terminal.behaviour, timeoutMs: config.terminal.timeoutMs });
}
