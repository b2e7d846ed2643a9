import { describe, expect, it } from 'vitest';
import { itemScreen } from '../../common/pole-display/display-text';
import { cleanupsAfterEach } from '../../test-support/cleanups';
import { startPoleDisplayRig, type PoleDisplayRig } from '../../test-support/pole-display-rig';
import { socat, type PtyPair } from '../../test-support/pty-pair';
import { createSerialPoleDisplay, type SerialPoleDisplay } from './serial-pole-display';

const cleanups = cleanupsAfterEach();

async function rig(): Promise<{ pair: PtyPair; display: SerialPoleDisplay; emulator: PoleDisplayRig['device'] }> {
  const { pair, device: emulator, stop } = await startPoleDisplayRig({ baudRate: 19200 });
  cleanups.push(stop);
  const display = createSerialPoleDisplay({ path: pair.a, baudRate: 19200, brightness: 3 });
  cleanups.push(display.close);
  await display.open();
  return { pair, display, emulator };
}

describe.skipIf(!socat && process.env.CI !== 'true')('serial CD5220 pole display through a socat pty pair', () => {
  it('shows the two lines the customer should read', async () => {
    const { display, emulator } = await rig();
    const shown: (readonly [string, string])[] = [];
    display.on('data', (lines) => shown.push(lines));
    expect(display.status()).toEqual({ state: 'ready' });

    const screen = itemScreen({ name: 'Crème fraîche 40 cl', amount: 289 }, 1537, { locale: 'fr' });
    expect(await display.show(screen)).toEqual({ ok: true });
    await emulator.whenShowing(['Creme fraic 2,89 EUR', 'TOTAL      15,37 EUR']);
    expect(emulator.screen.brightness).toBe(3);

    expect(await display.show(['Merci, à bientôt', '€ – “ok”'])).toEqual({ ok: true });
    await emulator.whenShowing(['Merci, a bientot    ', 'EUR - "ok"          ']);
    expect(shown).toEqual([screen, ['Merci, a bientot    ', 'EUR - "ok"          ']]);

    expect(await display.clear()).toEqual({ ok: true });
    await emulator.whenShowing([' '.repeat(20), ' '.repeat(20)]);
    expect(emulator.screen.errors).toEqual([]);
  });

  it('goes disconnected when the cable is pulled, and says why on the next screen', async () => {
    const { pair, display } = await rig();
    const disconnected = new Promise<{ reason: string }>((resolve) => display.on('disconnected', resolve));
    await pair.stop();
    expect((await disconnected).reason).toContain(`The customer display on ${pair.a} was disconnected`);
    expect(display.status()).toMatchObject({ state: 'disconnected', message: expect.stringContaining('check its cable or USB adapter') });
    expect(await display.show(['a', 'b'])).toEqual({
      ok: false,
      message: `There is no serial port ${pair.a}: is the customer display (or its USB adapter) plugged in?`,
    });
    // socat's exit and the port's read error take a few seconds on a loaded machine (the full suite on 2 cores).
  }, 15_000);
});

describe('serial pole display, without a device', () => {
  it('reports a missing port in plain words, and a closed display', async () => {
    const display = createSerialPoleDisplay({ path: '/dev/ttyPOS-TEST-MISSING' });
    expect(await display.show(['a', 'b'])).toEqual({ ok: false, message: 'The customer display on /dev/ttyPOS-TEST-MISSING is closed.' });
    await display.open();
    expect(display.status()).toMatchObject({
      state: 'error',
      message: expect.stringContaining('There is no serial port /dev/ttyPOS-TEST-MISSING'),
    });
    await display.close();
    expect(display.status()).toEqual({ state: 'closed' });
  });
});
