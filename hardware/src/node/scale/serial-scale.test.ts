import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/device';
import type { WeightReading } from '../../common/scale/weight-reading';
import { cleanupsAfterEach } from '../../test-support/cleanups';
import { socat, type PtyPair } from '../../test-support/pty-pair';
import { startScaleRig, type ScaleRig } from '../../test-support/scale-rig';
import { createSerialScale, type SerialScale } from './serial-scale';

const cleanups = cleanupsAfterEach();

/** A scale driver on one end of a pty pair, the simulated 8217 scale on the other. */
async function rig(answerTimeoutMs = 300): Promise<{ pair: PtyPair; scale: SerialScale; simulator: ScaleRig['device'] }> {
  const { pair, device: simulator, stop } = await startScaleRig();
  cleanups.push(stop);
  const scale = createSerialScale({ path: pair.a, answerTimeoutMs });
  cleanups.push(scale.close);
  await scale.open();
  return { pair, scale, simulator };
}

describe.skipIf(!socat && process.env.CI !== 'true')('serial 8217 scale through a socat pty pair', () => {
  it('reads a stable weight, rounded to the scale division, and reports it as data', async () => {
    const { scale, simulator } = await rig();
    const seen: WeightReading[] = [];
    scale.on('data', (reading) => seen.push(reading));
    expect(scale.status()).toEqual({ state: 'ready' });
    simulator.setWeight(1253);
    const reading = await scale.readWeight();
    expect(reading).toEqual({ kind: 'weight', grams: 1255, stable: true, net: false });
    expect(seen).toEqual([reading]);
    expect(simulator.commands).toEqual(['W']);
  });

  it('refuses an unstable, empty, negative or overloaded scale in plain words', async () => {
    const { scale, simulator } = await rig();
    simulator.setWeight(800, { stable: false });
    expect(await scale.readWeight()).toEqual({ kind: 'unstable', message: 'Wait for the scale to settle' });
    simulator.setWeight(0);
    expect(await scale.readWeight()).toEqual({ kind: 'zero', message: 'Nothing on the scale' });
    simulator.setWeight(-100);
    expect(await scale.readWeight()).toEqual({ kind: 'negative', message: 'Zero the scale' });
    simulator.setWeight(16_000);
    expect(await scale.readWeight()).toMatchObject({ kind: 'over-capacity', message: expect.stringContaining('Too heavy') });
  });

  it('zeroes and tares the scale, and refuses both while it moves', async () => {
    const { scale, simulator } = await rig();
    simulator.setWeight(120);
    expect(await scale.zero()).toEqual({ ok: true });
    expect(await scale.readWeight()).toMatchObject({ kind: 'zero' });

    simulator.setWeight(200); // an empty container
    expect(await scale.tare()).toEqual({ ok: true });
    expect(simulator.tareGrams).toBe(200);
    simulator.setWeight(1450);
    expect(await scale.readWeight()).toEqual({ kind: 'weight', grams: 1250, stable: true, net: true });

    simulator.setWeight(1450, { stable: false });
    expect(await scale.tare()).toEqual({ ok: false, message: 'Wait for the scale to settle, then tare it again' });
    expect(await scale.zero()).toEqual({ ok: false, message: 'Wait for the scale to settle, then zero it again' });
    simulator.setWeight(5000);
    expect(await scale.zero()).toMatchObject({ ok: false, message: expect.stringContaining('would not zero') });
    expect(simulator.commands).toEqual(['Z', 'W', 'T', 'W', 'T', 'Z', 'Z']);
  });

  it('says the scale did not answer when it is silent', async () => {
    const { scale, simulator } = await rig(250);
    simulator.setMode('silent');
    const started = Date.now();
    expect(await scale.readWeight()).toEqual({
      kind: 'error',
      message: 'The scale did not answer within 0.25 s: check that it is switched on and its cable is plugged in.',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a garbled answer, then reads the next one', async () => {
    const { scale, simulator } = await rig();
    simulator.setWeight(1250);
    simulator.setMode('garbled');
    expect(await scale.readWeight()).toMatchObject({ kind: 'error', message: expect.stringContaining('garbled answer') });
    simulator.setMode('truncated');
    expect(await scale.readWeight()).toMatchObject({ kind: 'error', message: expect.stringContaining('incomplete or garbled') });
    simulator.setMode('normal');
    expect(await scale.readWeight()).toEqual({ kind: 'weight', grams: 1250, stable: true, net: false });
  });

  it('answers requests one at a time', async () => {
    const { scale, simulator } = await rig();
    simulator.setWeight(2000);
    const readings = await Promise.all([scale.readWeight(), scale.tare(), scale.readWeight()]);
    expect(readings).toEqual([
      { kind: 'weight', grams: 2000, stable: true, net: false },
      { ok: true },
      { kind: 'zero', message: 'Nothing on the scale' },
    ]);
  });

  it('goes disconnected when the cable is pulled, and says so on the next read', async () => {
    const { pair, scale } = await rig();
    const statuses: DeviceStatus[] = [];
    scale.on('status', (status) => statuses.push(status));
    const disconnected = new Promise<{ reason: string }>((resolve) => scale.on('disconnected', resolve));
    await pair.stop();
    expect((await disconnected).reason).toContain(`The scale on ${pair.a} was disconnected`);
    expect(scale.status()).toMatchObject({ state: 'disconnected', message: expect.stringContaining('check its cable or USB adapter') });
    expect(await scale.readWeight()).toEqual({
      kind: 'error',
      message: `There is no serial port ${pair.a}: is the scale (or its USB adapter) plugged in?`,
    });
    expect(statuses.map((s) => s.state)).toEqual(['disconnected', 'opening', 'error']);
    // socat's exit and the port's read error take seconds on a loaded machine (the full suite on 2 cores).
  }, 15_000);
});

describe('serial scale, without a device', () => {
  it('stays closed until opened, and reports a missing port in plain words', async () => {
    const scale = createSerialScale({ path: '/dev/ttyPOS-TEST-MISSING' });
    expect(await scale.readWeight()).toEqual({ kind: 'error', message: 'The scale on /dev/ttyPOS-TEST-MISSING is closed.' });
    await scale.open();
    expect(scale.status()).toEqual({
      state: 'error',
      message: 'There is no serial port /dev/ttyPOS-TEST-MISSING: is the scale (or its USB adapter) plugged in?',
    });
    await scale.close();
    expect(scale.status()).toEqual({ state: 'closed' });
  });
});
