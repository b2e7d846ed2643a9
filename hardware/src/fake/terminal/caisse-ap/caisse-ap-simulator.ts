import type net from 'node:net';
import { CaisseApFrameReader, type FrameReaderEvent } from '../../../common/terminal/caisse-ap/frame-reader';
import {
  ACTION_DONE,
  ACTION_NOT_DONE,
  CAISSE_AP_PROTOCOL_VERSION,
  encodeCaisseApReply,
  fieldValue,
  readCaisseApRequest,
  type ReceivedCaisseApRequest,
} from '../../../common/terminal/caisse-ap/messages';
import type { TlvField } from '../../../common/terminal/caisse-ap/tlv';
import { chooseBehaviour, createBehaviourChoice } from '../behaviour-choice';
import { createSimulatorTimers } from '../simulator-timers';
import { listenTcpSimulator, tcpSimulatorHandle } from '../tcp-simulator-server';
import type { SharedTerminalBehaviour, TcpSimulator, TcpSimulatorOptions } from '../tcp-simulator-types';

/**
 * What the simulated terminal does with a request:
 * - approve / refuse (AE 01 with AF `reason`, default 04 "refused") / offline (approved with AF
 *   "01Y1": CB2A code Y1, offline approval, and no authorisation number);
 * - no-answer: reads the request and never answers; late: approves after `delayMs`;
 * - twice: sends the approval two times; corrupt: an approval with a broken length field;
 * - reset: resets the connection once the request is read;
 * - approve-with: an approval followed by `extra`, raw field bytes no encoder here would write but a
 *   terminal may send (a label with an accented letter, an empty or repeated field).
 */
export type CaisseApSimulatorBehaviour =
  | SharedTerminalBehaviour
  | { readonly kind: 'refuse'; readonly reason?: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'approve-with'; readonly extra: Uint8Array };

export type CaisseApSimulatorOptions = TcpSimulatorOptions<CaisseApSimulatorBehaviour> & {
  readonly card?: { readonly maskedPan: string; readonly aid: string; readonly application: string; readonly readMode: string };
};

export type CaisseApReceived = {
  readonly bytes: Buffer;
  readonly fields: readonly TlvField[] | null;
  readonly request: ReceivedCaisseApRequest | null;
  readonly error?: string;
};

/** `received`: every request read. */
export type CaisseApSimulator = TcpSimulator<CaisseApSimulatorBehaviour, CaisseApReceived>;

const DEFAULT_CARD = { maskedPan: '497010######0042', aid: 'A0000000421010', application: '00B', readMode: '2' };
/** Quiet time after a request holding every mandatory field before answering it. */
const REQUEST_SETTLE_MS = 20;

export async function startCaisseApSimulator(options: CaisseApSimulatorOptions = {}): Promise<CaisseApSimulator> {
  const processingMs = options.processingMs ?? 1000;
  const card = options.card ?? DEFAULT_CARD;
  const choice = createBehaviourChoice<CaisseApSimulatorBehaviour | 'by-amount'>(options.behaviour ?? 'by-amount');
  const received: CaisseApReceived[] = [];
  const { later, ...timers } = createSimulatorTimers();
  let authorisation = 100_000;

  const reply = (request: readonly TlvField[], extra: readonly TlvField[]): Uint8Array => {
    const echo = ['CJ', 'CA', 'CB', 'CD', 'CE'].flatMap((tag) => {
      const value = fieldValue(request, tag);
      return value === undefined ? [] : [{ tag, value }];
    });
    const encoded = encodeCaisseApReply([{ tag: 'CZ', value: fieldValue(request, 'CZ') ?? CAISSE_AP_PROTOCOL_VERSION }, ...echo, ...extra]);
    return encoded.ok ? encoded.value : new Uint8Array(0);
  };
  const approval = (request: readonly TlvField[], offline: boolean): Uint8Array =>
    reply(request, [
      { tag: 'AE', value: ACTION_DONE },
      ...(offline ? [{ tag: 'AF', value: '01Y1' }] : [{ tag: 'AC', value: String(authorisation++) }]),
      { tag: 'AA', value: card.maskedPan },
      { tag: 'AI', value: card.aid },
      { tag: 'CC', value: card.application },
      { tag: 'CI', value: card.readMode },
    ]);

  const answer = (socket: net.Socket, fields: readonly TlvField[], bytes: Buffer) => {
    const request = readCaisseApRequest(fields);
    received.push({ bytes, fields, request: request.ok ? request.value : null, ...(request.ok ? {} : { error: request.error }) });
    const send = (data: Uint8Array) => {
      if (!socket.destroyed) socket.write(data);
    };
    if (!request.ok) {
      // What a terminal answers to a request it cannot use: not done, message format error.
      send(
        reply(fields, [
          { tag: 'AE', value: ACTION_NOT_DONE },
          { tag: 'AF', value: '09' },
        ]),
      );
      return;
    }
    const behaviour: CaisseApSimulatorBehaviour = chooseBehaviour(choice, request.value.amount);
    switch (behaviour.kind) {
      case 'approve':
      case 'offline':
        later(processingMs, () => send(approval(fields, behaviour.kind === 'offline')));
        return;
      case 'refuse':
        later(processingMs, () =>
          send(
            reply(fields, [
              { tag: 'AE', value: ACTION_NOT_DONE },
              { tag: 'AF', value: behaviour.reason ?? '04' },
            ]),
          ),
        );
        return;
      case 'approve-with':
        later(processingMs, () => send(Buffer.concat([approval(fields, false), behaviour.extra])));
        return;
      case 'no-answer':
        return;
      case 'late':
        later(behaviour.delayMs, () => send(approval(fields, false)));
        return;
      case 'twice':
        later(processingMs, () => {
          const bytes = approval(fields, false);
          send(bytes);
          later(10, () => send(bytes));
        });
        return;
      case 'corrupt':
        later(processingMs, () => {
          const bytes = approval(fields, false);
          // A letter in the second field's length: no Caisse-AP reader can take that.
          bytes[12] = 'X'.charCodeAt(0);
          send(bytes);
        });
        return;
      case 'reset':
        socket.resetAndDestroy();
        return;
    }
  };

  const server = await listenTcpSimulator(options, (socket) => {
    const reader = new CaisseApFrameReader();
    let raw = Buffer.alloc(0);
    let settle: NodeJS.Timeout | null = null;
    const take = (fields: readonly TlvField[]) => {
      const bytes = raw;
      raw = Buffer.alloc(0);
      answer(socket, fields, bytes);
    };
    const onEvents = (events: readonly FrameReaderEvent[]) => {
      for (const event of events) {
        if (event.kind === 'frame') take(event.fields);
        else {
          received.push({ bytes: raw, fields: null, request: null, error: event.error });
          socket.write(Buffer.from(`CZ004${CAISSE_AP_PROTOCOL_VERSION}AE002${ACTION_NOT_DONE}AF00209`, 'ascii'));
        }
      }
    };
    socket.on('data', (chunk: Buffer) => {
      raw = Buffer.concat([raw, chunk]);
      if (settle) clearTimeout(settle);
      onEvents(reader.push(chunk));
      if (reader.hasCompleteMessage('CZ', 'CJ', 'CA', 'CB', 'CD', 'CE')) {
        settle = setTimeout(() => {
          const fields = reader.takeMessage();
          if (fields) take(fields);
        }, REQUEST_SETTLE_MS);
      }
    });
    socket.on('end', () => onEvents(reader.finish()));
  });

  return tcpSimulatorHandle(server, received, choice, timers);
}
