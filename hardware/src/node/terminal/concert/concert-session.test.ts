import { describe, expect, it } from 'vitest';
import { ACK, ENQ, EOT, NAK } from '../../../common/terminal/concert/frame';
import type { LineEvent } from '../../../common/terminal/concert/frame-reader';
import { encodeRequest } from '../../../common/terminal/concert/messages';
import { concertRequest, framedData } from '../../../common/test-support/concert-samples';
import { CONCERT_GOLDEN } from '../../../test-support/golden';
import type { ConcertLine, LineInput } from './concert-line';
import { receiveFrame, sendRequest } from './concert-session';

/*
 * The link layer against a scripted terminal: what the caisse writes is pinned byte for byte in
 * golden/*.bin (UPDATE_GOLDEN=1 regenerates, see concert-golden.test.ts).
 */
const control = (name: 'ENQ' | 'ACK' | 'NAK' | 'EOT'): LineEvent => ({
  kind: 'control',
  name,
  byte: { ENQ, ACK, NAK, EOT }[name] as never,
});
const frameEvent = (text: string): LineEvent => ({ kind: 'frame', data: Uint8Array.from(text, (c) => c.charCodeAt(0)) });
const badFrame: LineEvent = {
  kind: 'bad-frame',
  error: { ok: false, reason: 'bad-lrc', message: 'Bad LRC: the frame says 0x41, its bytes give 0x40.' },
};

/** A line whose inputs come from a script; each write is recorded. */
function scripted(script: LineInput[]): ConcertLine & { written: number[] } {
  const queue = [...script];
  const written: number[] = [];
  return {
    written,
    write: async (bytes) => {
      written.push(...bytes);
      return { ok: true };
    },
    next: async () => queue.shift() ?? { kind: 'timeout' },
    pending: () => [...queue],
    drain: () => queue.splice(0),
    putBack: (input) => void queue.unshift(input),
  };
}

const limits = { ackTimeoutMs: 10, enqTries: 3, maxNaks: 3 };
/** The golden payment request (concert-golden.test.ts): 01, 12,34 €, full answer, card, debit, EUR. */
const request = framedData(encodeRequest(concertRequest()));

describe('Concert link layer, caisse side', () => {
  it('sends: ENQ, frame, EOT once the terminal ACKs both', async () => {
    const line = scripted([control('ACK'), control('ACK')]);
    expect(await sendRequest(line, request, limits)).toEqual({ kind: 'sent', naks: 0 });
    expect(line.written).toEqual([ENQ, ...request, EOT]);
    CONCERT_GOLDEN.expectMatch('caisse-send-session.bin', Uint8Array.from(line.written));
  });

  it('resends the frame after NAK, at most 3 times, then gives up with EOT: nothing was charged', async () => {
    const once = scripted([control('ACK'), control('NAK'), control('ACK')]);
    expect(await sendRequest(once, request, limits)).toEqual({ kind: 'sent', naks: 1 });
    expect(once.written).toEqual([ENQ, ...request, ...request, EOT]);

    const always = scripted([control('ACK'), control('NAK'), control('NAK'), control('NAK'), control('NAK')]);
    expect(await sendRequest(always, request, limits)).toMatchObject({
      kind: 'refused-frame',
      message: expect.stringContaining('nothing was charged'),
    });
    expect(always.written).toEqual([ENQ, ...request, ...request, ...request, ...request, EOT]);
  });

  it('ENQ never acknowledged: 3 tries, nothing sent', async () => {
    const line = scripted([]);
    expect(await sendRequest(line, request, limits)).toMatchObject({
      kind: 'not-sent',
      message: expect.stringContaining('nothing was charged'),
    });
    expect(line.written).toEqual([ENQ, EOT, ENQ, EOT, ENQ, EOT]);
    CONCERT_GOLDEN.expectMatch('caisse-enq-unanswered.bin', Uint8Array.from(line.written));
  });

  it('frame sent but never acknowledged: uncertain, not a decline', async () => {
    const line = scripted([control('ACK')]);
    expect(await sendRequest(line, request, limits)).toMatchObject({ kind: 'uncertain', disconnected: false });
  });

  it("the terminal's ENQ crossing ours is a collision", async () => {
    expect(await sendRequest(scripted([control('ENQ')]), request, limits)).toEqual({ kind: 'collision' });
  });

  it('receives: ACK to ENQ, ACK to the frame, and leaves a second ENQ on the line', async () => {
    const line = scripted([frameEvent('ANSWER'), control('ENQ')]);
    expect(await receiveFrame(line, limits)).toMatchObject({ kind: 'frame', naks: 0 });
    expect(line.written).toEqual([ACK, ACK]);
    expect(line.pending()).toEqual([control('ENQ')]);
    CONCERT_GOLDEN.expectMatch('caisse-receive-session.bin', Uint8Array.from(line.written));
  });

  it('NAKs a damaged answer and takes the resent one', async () => {
    const line = scripted([badFrame, frameEvent('ANSWER'), control('EOT')]);
    expect(await receiveFrame(line, limits)).toMatchObject({ kind: 'frame', naks: 1 });
    expect(line.written).toEqual([ACK, NAK, ACK]);
    CONCERT_GOLDEN.expectMatch('caisse-receive-nak-resend.bin', Uint8Array.from(line.written));
  });

  it('after 4 damaged answers: 3 NAKs, then EOT and a clear fault', async () => {
    const line = scripted([badFrame, badFrame, badFrame, badFrame]);
    expect(await receiveFrame(line, limits)).toMatchObject({
      kind: 'damaged',
      message: expect.stringContaining('damaged 4 times (Bad LRC'),
    });
    expect(line.written).toEqual([ACK, NAK, NAK, NAK, EOT]);
    CONCERT_GOLDEN.expectMatch('caisse-receive-give-up.bin', Uint8Array.from(line.written));
  });

  it('a silent terminal after our ACK counts as a bad frame; a closed line is reported', async () => {
    const silent = scripted([]);
    expect(await receiveFrame(silent, limits)).toMatchObject({ kind: 'damaged', message: expect.stringContaining('no frame within') });
    expect(await receiveFrame(scripted([{ kind: 'closed', reason: 'gone' }]), limits)).toEqual({ kind: 'closed', reason: 'gone' });
    expect(await receiveFrame(scripted([control('EOT')]), limits)).toMatchObject({ kind: 'abandoned' });
  });
});
