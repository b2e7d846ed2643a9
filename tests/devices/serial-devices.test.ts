import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeviceStatusView, ScaleReading } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { socat } from '../../hardware/src/test-support/pty-pair';
import { startPoleDisplayRig, type PoleDisplayRig } from '../../hardware/src/test-support/pole-display-rig';
import { startScaleRig, type ScaleRig } from '../../hardware/src/test-support/scale-rig';
import { createTillHost } from '../../electron/src/host/till-host';
import { valueOf } from '../../electron/src/host/test-support/host-harness';

type Host = Awaited<ReturnType<typeof createTillHost>>;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** A till host whose config.json names the scale and the pole display on the pty pairs' till ends. */
async function hostWith(scale: ScaleRig, display: PoleDisplayRig): Promise<Host> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pos-serial-devices-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  await writeFile(
    path.join(dataDir, 'config.json'),
    JSON.stringify({ scale: { path: scale.path, baudRate: 9600 }, poleDisplay: { path: display.path, baudRate: 9600 } }),
  );
  const host = await createTillHost({ dataDir, mode: 'browser', demo: true, env: { POS_PRINTER: 'none' } });
  cleanups.push(() => host.close());
  valueOf(await host.invoke('session.signIn', { staffId: 'staff-camille', pin: '1234' }));
  return host;
}

describe.skipIf(!socat && process.env.CI !== 'true')('the till host with a serial scale and pole display (socat pty pairs)', () => {
  it('reads the weight, refuses an unsteady one in plain words, and shows the sale on the pole display', async () => {
    const scale = await startScaleRig();
    cleanups.push(scale.stop);
    const display = await startPoleDisplayRig();
    cleanups.push(display.stop);
    const host = await hostWith(scale, display);

    scale.device.setWeight(1250);
    expect(valueOf<ScaleReading>(await host.invoke('scale.read', undefined))).toEqual({ ok: true, grams: 1250 });
    scale.device.setWeight(800, { stable: false });
    expect(valueOf<ScaleReading>(await host.invoke('scale.read', undefined))).toMatchObject({
      ok: false,
      reason: 'unstable',
      message: expect.stringMatching(/settle/),
    });
    scale.device.setWeight(0);
    expect(valueOf<ScaleReading>(await host.invoke('scale.read', undefined))).toMatchObject({ ok: false, reason: 'zero' });

    valueOf(
      await host.invoke('display.show', {
        phase: 'sale',
        currency: 'EUR',
        total: 1249,
        lines: [{ name: 'Café moulu', quantity: 1, amount: 349 }],
      }),
    );
    await display.device.whenShowing(['Cafe moulu  3,49 EUR', 'TOTAL      12,49 EUR']);
    expect(display.device.screen.errors).toEqual([]);
  });

  it('tells every screen when the scale cable is pulled, and says so when asked for a weight', async () => {
    const scale = await startScaleRig();
    cleanups.push(scale.stop);
    const display = await startPoleDisplayRig();
    cleanups.push(display.stop);
    const host = await hostWith(scale, display);
    scale.device.setWeight(500);
    expect(valueOf<ScaleReading>(await host.invoke('scale.read', undefined)).ok).toBe(true);
    const seen: DeviceStatusView[] = [];
    host.on('device.status', (status) => seen.push(status));
    await scale.pair.stop();
    // Whether the port noticed the hang-up at once or the next request finds it, the cashier gets words, not a crash.
    const reading = valueOf<ScaleReading>(await host.invoke('scale.read', undefined));
    expect(reading).toMatchObject({ ok: false, reason: 'error', message: expect.stringMatching(/scale/) });
    await expect
      .poll(() => seen.filter((s) => s.role === 'scale').map((s) => s.state))
      .toEqual(expect.arrayContaining([expect.stringMatching(/disconnected|error/)]));
  });
});
