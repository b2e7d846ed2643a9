import { sealingStopped, useAppStore } from './app-store';

/**
 * While the host cannot seal, nothing is sold: a sale could not be completed nor a void
 * recorded. True (and the cashier told why) when the action must not start.
 */
export function refuseWhileSealingStopped(): boolean {
  if (!sealingStopped()) return false;
  useAppStore.getState().notifyWhile('sealing-stopped', 'error', 'fiscal.blocked');
  return true;
}
