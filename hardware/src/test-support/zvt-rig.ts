import { startZvtSimulator, type ZvtSimulator, type ZvtSimulatorOptions } from '../fake/terminal/zvt/zvt-simulator';
import { createZvtTerminal } from '../node/terminal/zvt/zvt-terminal';
import { terminalAgainstSimulator } from './terminal-against-simulator';

export type { ZvtSimulator };

/** A ZVT simulator on 127.0.0.1 that answers at once and waits little for ACKs: the driver tests' terminal. */
export function startZvtRig(options: ZvtSimulatorOptions = {}): Promise<ZvtSimulator> {
  return startZvtSimulator({ processingMs: 0, ackTimeoutMs: 100, ...options });
}

/**
 * The ZVT driver, with short timeouts, against a rig started per test with `rig` options (or aimed
 * at another `port`). Call it at the top of a test file: it closes both after each test.
 */
export function zvtDriverAgainstRig() {
  let rig: ZvtSimulatorOptions = {};
  const setUp = terminalAgainstSimulator(
    () => startZvtRig(rig),
    (port) =>
      createZvtTerminal({
        host: '127.0.0.1',
        port,
        timeoutMs: 200,
        connectTimeoutMs: 200,
        registrationTimeoutMs: 200,
        duplicateWindowMs: 150,
        lateAnswerWindowMs: 1_000,
      }),
  );
  return (options: { readonly port?: number; readonly rig?: ZvtSimulatorOptions } = {}) => {
    rig = options.rig ?? {};
    return setUp(options.port);
  };
}

/** What the driver sent, in order, as the simulator read it. */
export const zvtReceivedKinds = (simulator: ZvtSimulator): string[] =>
  simulator.received.map((received) => received.command?.kind ?? 'unreadable');
