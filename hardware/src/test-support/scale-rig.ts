import { startMettler8217Simulator, type Mettler8217Simulator, type Mettler8217SimulatorOptions } from '../fake/scale/mettler-8217-simulator';
import { startPtyPair, type PtyPair } from './pty-pair';

export type ScaleRig = {
  /** The till's end of the null-modem cable. */
  readonly path: string;
  readonly simulator: Mettler8217Simulator;
  readonly pair: PtyPair;
  readonly stop: () => Promise<void>;
};

/** A simulated Mettler Toledo 8217 scale on one end of a socat pty pair; the driver under test opens `path`. */
export async function startScaleRig(options: Omit<Mettler8217SimulatorOptions, 'path'> = {}): Promise<ScaleRig> {
  const pair = await startPtyPair();
  const simulator = await startMettler8217Simulator({ ...options, path: pair.b });
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
