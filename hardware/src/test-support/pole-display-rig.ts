import { startCd5220Emulator, type Cd5220Emulator, type Cd5220EmulatorOptions } from '../fake/pole-display/cd5220-emulator';
import { startPtyRig, type PtyRig } from './pty-rig';

export type PoleDisplayRig = PtyRig<Cd5220Emulator>;

/** A CD5220 display emulator on the far end of a pty pair. */
export function startPoleDisplayRig(options: Omit<Cd5220EmulatorOptions, 'path'> = {}): Promise<PoleDisplayRig> {
  return startPtyRig((path) => startCd5220Emulator({ ...options, path }));
}
