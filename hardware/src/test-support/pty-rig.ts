import { startPtyPair, type PtyPair } from './pty-pair';

export type PtyRig<Device> = {
  /** The till's end of the null-modem cable. */
  readonly path: string;
  /** What answers on the far end. */
  readonly device: Device;
  readonly pair: PtyPair;
  readonly stop: () => Promise<void>;
};

/** A socat pty pair with a simulated device on its far end; the driver under test opens `path`. */
export async function startPtyRig<Device extends { close(): Promise<void> }>(
  startDevice: (farEnd: string) => Promise<Device>,
): Promise<PtyRig<Device>> {
  const pair = await startPtyPair();
  let device: Device;
  try {
    device = await startDevice(pair.b);
  } catch (error) {
    await pair.stop();
    throw error;
  }
  return {
    path: pair.a,
    device,
    pair,
    stop: async () => {
      await device.close();
      await pair.stop();
    },
  };
}
