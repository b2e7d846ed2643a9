import { startZvtSimulator, type ZvtSimulator, type ZvtSimulatorOptions } from '../fake/terminal/zvt/zvt-simulator';

export type { ZvtSimulator };

/** A ZVT simulator on 127.0.0.1 that answers at once and waits little for ACKs: the driver tests' terminal. */
export function startZvtRig(options: ZvtSimulatorOptions = {}): Promise<ZvtSimulator> {
  return startZvtSimulator({ processingMs: 0, ackTimeoutMs: 100, ...options });
}
