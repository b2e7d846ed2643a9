import { startConcertSimulator, type ConcertSimulator, type ConcertSimulatorOptions } from '../fake/terminal/concert/concert-simulator';
import { startPtyPair, type PtyPair } from './pty-pair';

export type ConcertRig = {
  /** The till's end of the null-modem cable. */
  readonly path: string;
  readonly simulator: ConcertSimulator;
  readonly pair: PtyPair;
  readonly stop: () => Promise<void>;
};

/** A Concert simulator on one end of a socat pty pair; the driver under test opens `path`. */
export async function startConcertRig(options: Omit<ConcertSimulatorOptions, 'path'> = {}): Promise<ConcertRig> {
  const pair = await startPtyPair();
  const simulator = await startConcertSimulator({ processingMs: 20, ackTimeoutMs: 300, ...options, path: pair.b });
  return {
    path: pair.a,
    simulator,
    pair,
    stop: async () => {
      await simulator.close();
      await pair.stop();
    },
  };
}
