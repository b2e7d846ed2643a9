import { ApduReader, encodeApdu, type Apdu } from '../../../common/terminal/zvt/apdu';
import {
  decodeEcrCommand,
  encodeAbort,
  encodeAck,
  encodeCompletion,
  encodeIntermediateStatus,
  encodeStatusInformation,
  NACK_NOT_SUPPORTED,
  type EcrCommand,
  type Result,
} from '../../../common/terminal/zvt/messages';
import { chooseBehaviour, createBehaviourChoice } from '../behaviour-choice';
import { createSimulatorTimers } from '../simulator-timers';
import { listenTcpSimulator, tcpSimulatorHandle } from '../tcp-simulator-server';
import type { SharedTerminalBehaviour, TcpSimulator, TcpSimulatorOptions } from '../tcp-simulator-types';

/**
 * What the simulated ZVT terminal does with an Authorisation or Refund:
 * - approve: intermediate status "please wait", Status information (result 00), Completion;
 * - refuse: Abort 06 1E with `resultCode` (default 0x05, declined by the issuer);
 * - no-answer: ACKs the command, then silence; late: approves after `delayMs`;
 * - twice: the Status information and Completion sent two times;
 * - corrupt: a Status information whose PAN field announces more bytes than the APDU holds, then
 *   the Completion;
 * - reset: resets the connection instead of acknowledging the command;
 * - frames: acknowledges the command, then sends `frames` as they are, each awaiting the ECR's ACK:
 *   recorded terminal messages (golden/real holds frames published by other ZVT implementations).
 * ZVT has no offline-approval marker this simulator knows of, so there is no "offline" here.
 */
export type ZvtSimulatorBehaviour =
  | SharedTerminalBehaviour
  | { readonly kind: 'refuse'; readonly resultCode?: number }
  | { readonly kind: 'frames'; readonly frames: readonly Uint8Array[] };

export type ZvtSimulatorOptions = TcpSimulatorOptions<ZvtSimulatorBehaviour> & {
  /** How long the terminal waits for the ECR's ACK of each message. Default 1000 ms. */
  readonly ackTimeoutMs?: number;
  /** The Completion answering a Registration, whole APDU. Default 06 0F 00. */
  readonly registrationCompletion?: Uint8Array;
};

export type ZvtReceived = { readonly bytes: Buffer; readonly command: EcrCommand | null; readonly error?: string };

/** `received`: every APDU the ECR sent, ACKs included. */
export type ZvtSimulator = TcpSimulator<ZvtSimulatorBehaviour, ZvtReceived>;

const bytesOf = (result: Result<Uint8Array>): Uint8Array => (result.ok ? result.value : new Uint8Array(0));

export async function startZvtSimulator(options: ZvtSimulatorOptions = {}): Promise<ZvtSimulator> {
  const processingMs = options.processingMs ?? 1000;
  const ackTimeoutMs = options.ackTimeoutMs ?? 1000;
  const choice = createBehaviourChoice<ZvtSimulatorBehaviour | 'by-amount'>(options.behaviour ?? 'by-amount');
  const received: ZvtReceived[] = [];
  const { sleep, ...timers } = createSimulatorTimers();
  let trace = 1;

  const server = await listenTcpSimulator(options, (socket) => {
    const reader = new ApduReader();
    let ackWaiter: (() => void) | null = null;

    /** Sends a message and waits for the ECR's ACK, as a terminal does (then goes on regardless). */
    const send = async (bytes: Uint8Array): Promise<void> => {
      if (socket.destroyed) return;
      const acked = new Promise<void>((resolve) => (ackWaiter = resolve));
      socket.write(bytes);
      await Promise.race([acked, sleep(ackTimeoutMs)]);
      ackWaiter = null;
    };

    const approve = async (amount: number) => {
      const number = trace++;
      await send(bytesOf(encodeIntermediateStatus(0x0e)));
      await send(
        bytesOf(
          encodeStatusInformation({
            resultCode: 0x00,
            amount,
            currency: '978',
            traceNumber: String(number),
            receiptNumber: String(number % 10_000),
            terminalId: '52500123',
            authorisation: String(400_000 + number),
            maskedPan: '672559******0042',
            cardType: 6,
          }),
        ),
      );
      await send(bytesOf(encodeCompletion()));
    };

    const transact = async (amount: number) => {
      const behaviour: ZvtSimulatorBehaviour = chooseBehaviour(choice, amount);
      if (behaviour.kind === 'reset') {
        socket.resetAndDestroy();
        return;
      }
      socket.write(encodeAck());
      switch (behaviour.kind) {
        case 'approve':
          await sleep(processingMs);
          return approve(amount);
        case 'refuse':
          await sleep(processingMs);
          return send(bytesOf(encodeAbort(behaviour.resultCode ?? 0x05)));
        case 'no-answer':
          return;
        case 'late':
          await sleep(behaviour.delayMs);
          return approve(amount);
        case 'twice':
          await sleep(processingMs);
          await approve(amount);
          return approve(amount);
        case 'corrupt':
          await sleep(processingMs);
          // BMP 27 = 00, then BMP 22 announcing 99 bytes (F9 F9) with none following; then, as a
          // terminal would, the Completion.
          await send(Uint8Array.of(0x04, 0x0f, 0x05, 0x27, 0x00, 0x22, 0xf9, 0xf9));
          return send(bytesOf(encodeCompletion()));
        case 'frames':
          await sleep(processingMs);
          for (const frame of behaviour.frames) await send(frame);
          return;
      }
    };

    const onApdu = (apdu: Apdu) => {
      const bytes = Buffer.from(encodeApdu(apdu) ?? new Uint8Array(0));
      const decoded = decodeEcrCommand(apdu);
      received.push({ bytes, command: decoded.ok ? decoded.value : null, ...(decoded.ok ? {} : { error: decoded.error }) });
      if (!decoded.ok) {
        socket.write(encodeApdu(NACK_NOT_SUPPORTED) ?? new Uint8Array(0));
        return;
      }
      const command = decoded.value;
      switch (command.kind) {
        case 'ack':
          ackWaiter?.();
          return;
        case 'registration':
          socket.write(encodeAck());
          void send(options.registrationCompletion ?? bytesOf(encodeCompletion()));
          return;
        case 'authorisation':
        case 'refund':
          void transact(command.amount);
          return;
        case 'other':
          socket.write(encodeApdu(NACK_NOT_SUPPORTED) ?? new Uint8Array(0));
          return;
      }
    };
    socket.on('data', (chunk: Buffer) => {
      for (const apdu of reader.push(chunk)) onApdu(apdu);
    });
  });

  return tcpSimulatorHandle(server, received, choice, timers);
}
