import { startCd5220Emulator, type Cd5220Emulator, type Cd5220EmulatorOptions } from '../fake/pole-display/cd5220-emulator';
import { startPtyPair, type PtyPair } from './pty-pair';

export type PoleDisplayRig = {
  /** The till's end of the null-modem cable. */
  readonly path: string;
  readonly emulator: Cd5220Emulator;
  readonly pair: PtyPair;
  readonly stop: () => Promise<void>;
};

/** A CD5220 display emulator on one end of a socat pty pair; the driver under test opens `path`. */
export async function startPoleDisplayRig(options: Omit<Cd5220EmulatorOptions, 'path'> = {}): Promise<PoleDisplayRig> {
  const pair = await startPtyPair();
  const emulator = await startCd5220Emulator({ ...options, path: pair.b });
  return {
    path: pair.a,
    emulator,
    pair,
    stop: async () => {
      await emulator.close();
      await pair.stop();
    },
  };
}
