import { read as fsRead } from 'node:fs';
import { promisify } from 'node:util';
import { autoDetect, BindingsError, type AutoDetectTypes } from '@serialport/bindings-cpp';
import { SerialPortStream } from '@serialport/stream';
import type { SerialPortOpenOptions } from 'serialport';

const readAsync = promisify(fsRead);
const nativeBinding = autoDetect();

/** A port of this platform's binding (its interface type does not resolve through the package's exports). */
type BindingPortInterface = Awaited<ReturnType<typeof nativeBinding.open>>;

/** What Linux and macOS ports have and Windows ports do not: a file descriptor and its poller. */
type UnixPort = BindingPortInterface & {
  fd: number | null;
  readonly poller: { once(event: 'readable', callback: (error: Error | null) => void): unknown };
};

const isUnixPort = (port: BindingPortInterface): port is UnixPort => 'fd' in port && 'poller' in port;

/** The port is gone: the stream closes it and reports it disconnected (any read error but a canceled one does). */
export class HungUpError extends Error {
  readonly disconnect = true;
}

/**
 * Reads at least one byte, waiting for the port to be readable. Where serialport's own read tries
 * again forever on a read of 0 bytes, this one takes it for what it is on a terminal, the end of
 * the file: the line hung up (a pty whose other end closed, a USB adapter pulled out). The loop
 * otherwise spins the thread pool and the port is never reported gone (serialport/bindings-cpp#162).
 */
export async function readUntilHangUp(
  port: UnixPort,
  buffer: Buffer,
  offset: number,
  length: number,
): Promise<{ buffer: Buffer; bytesRead: number }> {
  for (;;) {
    if (!port.isOpen || port.fd === null) throw new BindingsError('Port is not open', { canceled: true });
    try {
      const { bytesRead } = await readAsync(port.fd, buffer, offset, length, null);
      if (bytesRead === 0) throw new HungUpError('the line hung up (end of file)');
      return { buffer, bytesRead };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw error;
      if (!port.isOpen) throw new BindingsError('Port is not open', { canceled: true });
      await new Promise<void>((resolve, reject) =>
        port.poller.once('readable', (failure: Error | null) => (failure ? reject(failure) : resolve())),
      );
    }
  }
}

/** The platform's binding, with reads that report a hung-up line instead of spinning on it. */
const hangUpAwareBinding = {
  list: () => nativeBinding.list(),
  open: async (options: Parameters<typeof nativeBinding.open>[0]) => {
    const port: BindingPortInterface = await nativeBinding.open(options as never);
    if (isUnixPort(port)) port.read = (buffer: Buffer, offset: number, length: number) => readUntilHangUp(port, buffer, offset, length);
    return port;
  },
  // AutoDetectTypes is a union of the three platforms' bindings; this one wraps whichever runs here.
} as unknown as AutoDetectTypes;

/** A serial port (not yet open when autoOpen is false) whose loss is always reported: use it instead of `new SerialPort`. */
export function createSerialPort(options: SerialPortOpenOptions<AutoDetectTypes>): SerialPortStream<AutoDetectTypes> {
  return new SerialPortStream<AutoDetectTypes>({ ...options, binding: hangUpAwareBinding });
}
