import {
  startMettler8217Simulator,
  type Mettler8217Simulator,
  type Mettler8217SimulatorOptions,
} from '../fake/scale/mettler-8217-simulator';
import { startPtyRig, type PtyRig } from './pty-rig';

export type ScaleRig = PtyRig<Mettler8217Simulator>;

/** A simulated Mettler Toledo 8217 scale on the far end of a pty pair. */
export function startScaleRig(options: Omit<Mettler8217SimulatorOptions, 'path'> = {}): Promise<ScaleRig> {
  return startPtyRig((path) => startMettler8217Simulator({ ...options, path }));
}
