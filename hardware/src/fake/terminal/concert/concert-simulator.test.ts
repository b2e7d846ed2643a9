import { SerialPort } from 'serialport';
import { describe, expect, it } from 'vitest';
import { ACK, ENQ, EOT, NAK, parseFrame } from '../../../common/terminal/concert/frame';
import { encodeRequest, parseAnswer, type ConcertRequest } from '../../../common/terminal/concert/messages';
import { framedData } from '../../../common/test-support/concert-samples';
import { cleanupsAfterEach } from '../../../test-support/cleanups';
import { socat, startPtyPair } from '../../../test-support/pty-pair';
import { behaviourForConcertAmount, startConcertSimulator } from './concert-simulator';

const cleanups = cleanupsAfterEach();

const request = (amount: number): ConcertRequest => ({
  posNumber: 7,
  amount,
  answer: 'short',
  paymentMode: '1',
  transaction: 'debit',
  currency: '978',
  privateData: 'TAG',
  answerAt: 'end',
  forceAuthorization: false,
});
const frameOf = (r: ConcertRequest) => framedData(encodeRequest(r));

/** The caisse's end, driven byte by byte, so the simulator is checked without the driver. */
async function rawCaisse(path: string) {
  const port = new SerialPort({ path, baudRate: 9600, dataBits: 7, parity: 'even', autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  cleanups.push(() => new Promise((resolve) => port.close(() => resolve())));
  let buffer: number[] = [];
  port.on('data', (chunk: Buffer) => buffer.push(...chunk));
  const read = async (count: number, waitMs = 2000) => {
    const deadline = Date.now() + waitMs;
    while (buffer.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const taken = buffer.slice(0, count);
    buffer = buffer.slice(count);
    return taken;
  };
  const write = (bytes: Iterable<number>) =>
    new Promise<void>((resolve) => port.write(Buffer.from([...bytes]), () => port.drain(() => resolve())));
  return { read, write };
}

describe.skipIf(!socat && process.env.CI !== 'true')('Concert simulator, raw bytes through a socat pty pair', () => {
  it('takes a request and answers with the short answer, echoing POS number, amount and private tag', async () => {
    const pair = await startPtyPair();
    cleanups.push(pair.stop);
    const simulator = await startConcertSimulator({ path: pair.b, processingMs: 10, ackTimeoutMs: 500 });
    cleanups.push(() => simulator.close());
    const caisse = await rawCaisse(pair.a);
    await caisse.write([ENQ]);
    expect(await caisse.read(1)).toEqual([ACK]);
    await caisse.write(frameOf(request(4321)));
    expect(await caisse.read(1)).toEqual([ACK]);
    await caisse.write([EOT]);
    expect(await caisse.read(1)).toEqual([ENQ]);
    await caisse.write([ACK]);
    const frame = parseFrame(Uint8Array.from(await caisse.read(28)));
    expect(frame.ok && parseAnswer(frame.data)).toEqual({
      ok: true,
      value: { posNumber: 7, status: '0', amount: 4321, paymentMode: '1', currency: '978', privateData: 'TAG       ' },
    });
    await caisse.write([ACK]);
    expect(await caisse.read(1)).toEqual([EOT]);
    expect(simulator.received.requests).toEqual([{ ...request(4321), privateData: 'TAG       ' }]);
  });

  it('NAKs a request frame with a bad LRC and takes the good copy', async () => {
    const pair = await startPtyPair();
    cleanups.push(pair.stop);
    const simulator = await startConcertSimulator({ path: pair.b, processingMs: 10, ackTimeoutMs: 500, behaviour: 'timeout' });
    cleanups.push(() => simulator.close());
    const caisse = await rawCaisse(pair.a);
    const good = frameOf(request(100));
    const bad = Uint8Array.from(good);
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x01;
    await caisse.write([ENQ]);
    expect(await caisse.read(1)).toEqual([ACK]);
    await caisse.write(bad);
    expect(await caisse.read(1)).toEqual([NAK]);
    await caisse.write(good);
    expect(await caisse.read(1)).toEqual([ACK]);
    expect(simulator.received.faults).toEqual([expect.stringContaining('Bad LRC')]);
    expect(simulator.received.requests).toHaveLength(1);
  });

  it('setBehaviour("…", "next") applies to one request only', async () => {
    const pair = await startPtyPair();
    cleanups.push(pair.stop);
    const simulator = await startConcertSimulator({ path: pair.b, processingMs: 10, ackTimeoutMs: 300 });
    cleanups.push(() => simulator.close());
    simulator.setBehaviour('off', 'next');
    const caisse = await rawCaisse(pair.a);
    await caisse.write([ENQ]);
    expect(await caisse.read(1, 200)).toEqual([]);
    await caisse.write([ENQ]);
    expect(await caisse.read(1)).toEqual([ACK]);
  });
});

describe('Concert simulator behaviours by amount', () => {
  it('magic cents choose the behaviour; others follow the fallback', () => {
    expect(behaviourForConcertAmount(1251, 'approve')).toBe('refuse');
    expect(behaviourForConcertAmount(1252, 'approve')).toBe('timeout');
    expect(behaviourForConcertAmount(1253, 'approve')).toBe('late');
    expect(behaviourForConcertAmount(1254, 'approve')).toBe('twice');
    expect(behaviourForConcertAmount(1255, 'approve')).toBe('corrupt-once');
    expect(behaviourForConcertAmount(1256, 'approve')).toBe('corrupt-always');
    expect(behaviourForConcertAmount(1257, 'approve')).toBe('unknown-status');
    expect(behaviourForConcertAmount(1200, 'refuse')).toBe('refuse');
  });
});
