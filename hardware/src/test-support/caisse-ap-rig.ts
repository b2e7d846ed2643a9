import {
  startCaisseApSimulator,
  type CaisseApSimulator,
  type CaisseApSimulatorOptions,
} from '../fake/terminal/caisse-ap/caisse-ap-simulator';

export type { CaisseApSimulator };

/** A Caisse-AP simulator on 127.0.0.1 that answers at once: the driver tests' terminal. */
export function startCaisseApRig(options: CaisseApSimulatorOptions = {}): Promise<CaisseApSimulator> {
  return startCaisseApSimulator({ processingMs: 0, ...options });
}
