import type { ScaleReading } from '@pos/core';
import { services } from '../../state/services';

/** The scale's weight through the host; a host that cannot be asked is "no scale", never a crash. */
export function readScaleWeight(): Promise<ScaleReading> {
  return services()
    .bridge.invoke('scale.read')
    .catch((error: unknown) => ({ ok: false, reason: 'error', message: (error as Error).message }) as const);
}
