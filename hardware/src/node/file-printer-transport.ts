import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PrintOutcome } from '@pos/core';
import type { PrinterTransport } from '../common/printer';
import { writeOnWorker } from './device-write-worker';
import { oneAtATime } from './one-at-a-time';
import { errorCode, errorMessage, failed, seconds, sent } from './print-outcome';

export type FilePrinterOptions = {
  readonly path: string;
  /** Default 10 s. */
  readonly timeoutMs?: number;
};

const isDevice = (path: string) => path.startsWith('/dev/');

/**
 * Appends the bytes to a file (demos, tests) or a printer device such as /dev/usb/lp0.
 *
 * A device is opened without O_CREAT: when a USB printer is unplugged its node disappears, and
 * creating a regular file in its place would swallow every later receipt without an error.
 * Writes to a USB printer block in the kernel while it is offline, so each receipt is written on a
 * worker thread of its own (device-write-worker.ts): the timeout answers the till, the main thread
 * and libuv's shared pool stay free, and the blocked write may still print when the printer comes
 * back — which is why a timeout is never retried and a second receipt is refused while one is stuck.
 */
export function createFilePrinterTransport(options: FilePrinterOptions): PrinterTransport {
  const { path } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const device = isDevice(path);
  const flags = constants.O_WRONLY | constants.O_APPEND | (device ? 0 : constants.O_CREAT);
  const queue = oneAtATime();
  let closed = false;
  /** Set while a write that timed out is still blocked: stacking more would tie up every pool thread. */
  let stuck = false;

  const describe = (error: unknown): PrintOutcome => {
    switch (errorCode(error)) {
      case 'ENOENT':
        return device
          ? failed('unreachable', `There is no printer at ${path}: is it plugged in and switched on?`)
          : failed('unreachable', `The folder of ${path} does not exist.`);
      case 'ENXIO':
      case 'ENODEV':
        return failed('unreachable', `The printer at ${path} has gone away: is it plugged in and switched on?`);
      case 'EACCES':
      case 'EPERM':
        return failed(
          'unreachable',
          device ? `Not allowed to write to ${path}: the till's user must be in the "lp" group.` : `Not allowed to write to ${path}.`,
        );
      default:
        return failed('io', `Writing to ${path} failed: ${errorMessage(error)}`);
    }
  };

  const append = async (bytes: Uint8Array): Promise<PrintOutcome> => {
    const result = await writeOnWorker(path, flags, bytes);
    return result.ok ? sent(result.bytes) : describe(Object.assign(new Error(result.message), { code: result.code }));
  };

  const write = (bytes: Uint8Array) =>
    new Promise<PrintOutcome>((resolve) => {
      if (stuck)
        return resolve(
          failed('timeout', `The printer at ${path} has still not taken the previous receipt: it may be offline or out of paper.`),
        );
      const timer = setTimeout(() => {
        stuck = true;
        resolve(
          failed(
            'timeout',
            `The printer at ${path} did not take the receipt within ${seconds(timeoutMs)}: it may be offline or out of paper, and may still print it later.`,
          ),
        );
      }, timeoutMs);
      const finish = (outcome: PrintOutcome) => {
        clearTimeout(timer);
        stuck = false;
        resolve(outcome);
      };
      append(bytes).then(finish, (error: unknown) => finish(describe(error)));
    });

  const probe = async () => {
    try {
      if (device) await access(path, constants.W_OK);
      else await access(dirname(path), constants.W_OK);
      return { reachable: true };
    } catch (error) {
      const outcome = describe(error);
      return { reachable: false, message: outcome.status === 'failed' ? outcome.message : '' };
    }
  };

  return {
    target: `file:${path}`,
    write: (bytes) => queue(() => (closed ? Promise.resolve(failed('io', `The printer file ${path} is closed.`)) : write(bytes))),
    probe: () => (closed ? Promise.resolve({ reachable: false, message: `The printer file ${path} is closed.` }) : probe()),
    close: async () => {
      closed = true;
    },
  };
}
