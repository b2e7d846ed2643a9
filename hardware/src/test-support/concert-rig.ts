import { startConcertSimulator, type ConcertSimulator, type ConcertSimulatorOptions } from '../fake/terminal/concert/concert-simulator';
import { startPtyRig, type PtyRig } from './pty-rig';

export type ConcertRig = PtyRig<ConcertSimulator>;

/** A Concert terminal quick enough for tests, on the far end of a pty pair. */
export function startConcertRig(options: Omit<ConcertSimulatorOptions, 'path'> = {}): Promise<ConcertRig> {
  return startPtyRig((path) => startConcertSimulator({ processingMs: 20, ackTimeoutMs: 300, ...options, path }));
}
