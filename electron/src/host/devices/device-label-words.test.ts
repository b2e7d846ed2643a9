import { createSimulatedCardTerminal } from '@pos/hardware/fake';
import { describe, expect, it } from 'vitest';
import { createConfiguredTerminal } from '../terminal/configured-terminal';
import { defaultDeviceFactories } from './default-factories';
import { statusView } from './device-ports';

const factories = defaultDeviceFactories(() => createSimulatedCardTerminal());

/** The Devices screen words every driver the host builds by a label code, never by the host's English. */
describe('devices named by label codes', () => {
  it('names the scanners, the scale and the pole display by code, port and model', () => {
    const serial = factories.scanner({ mode: 'serial', path: '/dev/ttyS3', baudRate: 9600, suffix: 'cr', duplicateWindowMs: 0 } as never);
    expect(serial?.words).toEqual({ labelCode: 'serial-scanner', labelValues: { path: '/dev/ttyS3', baud: 9600 } });
    const scale = factories.scale({ path: '/dev/ttyS4', baudRate: 9600 } as never);
    expect(scale?.words).toEqual({ labelCode: 'scale-at', labelValues: { model: 'Mettler Toledo 8217', path: '/dev/ttyS4' } });
    const pole = factories.poleDisplay({ path: '/dev/ttyS5', baudRate: 9600 } as never);
    expect(pole?.words).toEqual({ labelCode: 'pole-display-at', labelValues: { model: 'CD5220', path: '/dev/ttyS5' } });
    expect(statusView('scale', scale!.label, { state: 'ready' }, scale!.words)).toMatchObject({
      label: 'Mettler Toledo 8217 scale on /dev/ttyS4',
      labelCode: 'scale-at',
      labelValues: { path: '/dev/ttyS4' },
    });
  });

  it('names the card terminals by protocol and address, and the simulator', () => {
    const zvt = createConfiguredTerminal({ kind: 'zvt', address: '10.0.0.5:20007', timeoutMs: 1000 } as never);
    expect(zvt.words).toEqual({ labelCode: 'terminal-at', labelValues: { protocol: 'ZVT', address: '10.0.0.5:20007' } });
    const simulated = createConfiguredTerminal({ kind: 'simulated', behaviour: 'approve', processingMs: 0, timeoutMs: 1000 } as never);
    expect(simulated.words).toEqual({ labelCode: 'simulated-terminal' });
    void zvt.close?.();
  });
});
